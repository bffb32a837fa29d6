package app.billfold.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.identity.Role;
import app.billfold.support.Exported;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nothing personal is cached: every response to a signed-in user and every document download says
 * Cache-Control: no-store; error pages carry the same security headers as pages. (HSTS, sent only
 * with secure cookies, is checked on the packaged application: see ProductionStartIT.)
 */
@QuarkusTest
class SecurityHeadersTest {

    @Inject
    TestData data;

    @Test
    void everyDownloadAndEveryResponseToASignedInUserIsNotStored() {
        var rae = data.aCustomer().withLogin("rae-headers-password").create();
        var bill = data.anInvoice(rae.account())
                .withLine("Water", "1", "10.00", "0")
                .issue();
        String clerk = data.staff(Role.CLERK, "clerk-headers-password");
        WebSession console = WebSession.signedIn(clerk, "clerk-headers-password");

        assertNotStored(Exported.download(console, Map.of("kind", "aging")), "text/csv");
        assertNotStored(console.get("/console/print/bills.pdf?invoice=" + bill.id), "application/pdf");
        assertNotStored(console.get("/console/invoices/" + bill.id + ".pdf"), "application/pdf");
        assertNotStored(console.get("/console/customers"), "text/html");
        assertNotStored(console.get("/brand/style.css"), "text/css");

        WebSession portal = WebSession.signedIn(rae.email(), "rae-headers-password");
        assertNotStored(portal.get("/portal/invoices/" + bill.number + ".pdf"), "application/pdf");
        assertNotStored(portal.get("/portal"), "text/html");
    }

    @Test
    void errorPagesCarryTheSecurityHeaders() {
        WebSession visitor = new WebSession();
        assertSecurityHeaders(visitor.get("/no-such-page"), 404);
        assertSecurityHeaders(visitor.postWithoutToken("/language", Map.of("lang", "fr")), 403);
        var sam = data.aCustomer().withLogin("sam-headers-password").create();
        WebSession portal = WebSession.signedIn(sam.email(), "sam-headers-password");
        assertSecurityHeaders(portal.get("/portal/invoices/NOPE-000001"), 404);
        assertSecurityHeaders(portal.get("/console/customers"), 403);
        assertSecurityHeaders(
                portal.request()
                        .contentType("application/x-www-form-urlencoded")
                        .body("csrf=" + "x".repeat(2 * 1024 * 1024))
                        .post("/portal/preferences"),
                413);
    }

    @Test
    void noStrictTransportSecurityWhileCookiesAreNotSecure() {
        assertThat(new WebSession().get("/").header("Strict-Transport-Security"))
                .isNull();
    }

    private static void assertNotStored(Response response, String type) {
        assertThat(response.statusCode()).as(type).isEqualTo(200);
        assertThat(response.contentType()).startsWith(type);
        assertThat(response.header("Cache-Control")).as(type).isEqualTo("no-store");
    }

    private static void assertSecurityHeaders(Response response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.header("Content-Security-Policy"))
                .as("CSP on %d", status)
                .contains("default-src 'self'");
        assertThat(response.header("X-Content-Type-Options"))
                .as("nosniff on %d", status)
                .isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options"))
                .as("framing on %d", status)
                .isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy"))
                .as("referrer on %d", status)
                .isEqualTo("same-origin");
        assertThat(response.header("Cache-Control")).as("caching on %d", status).isEqualTo("no-store");
    }
}
