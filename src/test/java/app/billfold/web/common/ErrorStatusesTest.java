package app.billfold.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * What the REST layer refuses keeps its status and says why in words: a wrong method is 405,
 * a body in a format the address does not take is 415; neither is a bare 400.
 */
@QuarkusTest
class ErrorStatusesTest {

    @Test
    void aWrongMethodIs405() {
        Response reply = new WebSession().get("/webhooks/twilio/status");
        assertThat(reply.statusCode()).isEqualTo(405);
        assertThat(reply.contentType()).startsWith("text/html");
        assertThat(reply.asString()).contains("Method not allowed").doesNotContain("Exception");
    }

    @Test
    void aBodyInAFormatTheAddressDoesNotTakeIs415() {
        Response reply = new WebSession()
                .request()
                .contentType("application/json")
                .body("{\"MessageSid\":\"SM1\"}")
                .post("/webhooks/twilio/status");
        assertThat(reply.statusCode()).isEqualTo(415);
        assertThat(reply.asString()).contains("format this address does not take");
    }

    @Test
    void theErrorPagesSpeakTheReadersLanguage() {
        Response reply =
                new WebSession().request().header("Accept-Language", "fr").get("/webhooks/twilio/status");
        assertThat(reply.statusCode()).isEqualTo(405);
        assertThat(reply.asString()).contains("Méthode non autorisée");
    }
}
