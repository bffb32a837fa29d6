package app.billfold.web.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.support.TestData;
import app.billfold.support.TestPorts;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Metrics are served on the management interface only; health stays on the public port. */
@QuarkusTest
class ManagementInterfaceTest {

    static final String MANAGEMENT = "http://localhost:" + TestPorts.management();

    @Inject
    TestData data;

    @AfterEach
    void forget() {
        data.forgetSignInFailures();
    }

    @Test
    void metricsAreOnTheManagementPortAndNotOnThePublicOne() {
        new WebSession().post("/login", Map.of("email", "metrics-probe@example.com", "password", "wrong-password"));

        assertThat(given().get("/q/metrics").statusCode()).isEqualTo(404);
        var metrics = given().get(MANAGEMENT + "/q/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.asString()).contains("billfold_sign_in_failures_total{reason=\"wrong_password\"");
    }

    @Test
    void healthStaysOnThePublicPort() {
        var health = given().get("/q/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.asString()).contains("\"status\": \"UP\"");
    }
}
