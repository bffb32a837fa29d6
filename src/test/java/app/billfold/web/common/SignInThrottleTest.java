package app.billfold.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.audit.AuditEntry;
import app.billfold.identity.Role;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failed sign-ins slow the next try, per e-mail and per client address, with waits that double up
 * to a cap; a refused try says when to come back (429); failures are counted and audited. Each
 * test signs in through the trusted proxy from addresses of its own, so the tests' usual client
 * (127.0.0.1) collects no failures.
 */
@QuarkusTest
class SignInThrottleTest {

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    MeterRegistry metrics;

    @AfterEach
    void forget() {
        data.forgetSignInFailures();
        clock.reset();
    }

    @Test
    void thirtyWrongPasswordsThenTheRightOneMustWaitAndTheWaitIsSaidPlainly() {
        var ivy = data.aCustomer().withLogin("ivy-right-password").create();
        WebSession browser = WebSession.behindProxy("198.51.100.10");
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            answers.add(login(browser, ivy.email(), "wrong-password-" + i).statusCode());
        }
        assertThat(answers.subList(0, 5)).containsOnly(401);
        assertThat(answers.subList(5, 30)).containsOnly(429);

        Response refused = login(browser, ivy.email(), "ivy-right-password");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("30");
        assertThat(refused.asString())
                .contains("Too many failed sign-ins. For your safety, please try again after")
                .contains("10:00:30");
        assertThat(refused.getCookie("billfold-session")).isNull();

        clock.advance(Duration.ofSeconds(31));
        Response signedIn = login(browser, ivy.email(), "ivy-right-password");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(browser.get("/portal").statusCode()).isEqualTo(200);
    }

    @Test
    void eachFailureDoublesTheWaitUpToFiveMinutesSoAStrangerCannotLockTheOwnerOutForLong() {
        var jo = data.aCustomer().withLogin("jo-right-password").create();
        List<String> waits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // A stranger from ever new addresses, always waiting out the delay before trying again.
            WebSession stranger = WebSession.behindProxy("198.51.100." + (20 + i));
            assertThat(login(stranger, jo.email(), "guess-" + i).statusCode()).isEqualTo(401);
            Response next = login(stranger, jo.email(), "guess-again-" + i);
            if (next.statusCode() == 429) {
                waits.add(next.header("Retry-After"));
                clock.advance(Duration.ofSeconds(Long.parseLong(next.header("Retry-After"))));
            } else {
                assertThat(next.statusCode()).isEqualTo(401);
            }
        }
        assertThat(waits).containsExactly("30", "60", "120", "240", "300", "300", "300", "300");

        assertThat(login(WebSession.behindProxy("198.51.100.40"), jo.email(), "one-more")
                        .statusCode())
                .isEqualTo(401);
        WebSession owner = WebSession.behindProxy("203.0.113.50");
        Response locked = login(owner, jo.email(), "jo-right-password");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.header("Retry-After"))
                .as("never more than five minutes")
                .isEqualTo("300");
        clock.advance(Duration.ofMinutes(5));
        assertThat(login(owner, jo.email(), "jo-right-password").statusCode()).isEqualTo(303);
        // A success forgets the e-mail's failures: the next wrong password is free again.
        assertThat(login(WebSession.behindProxy("203.0.113.51"), jo.email(), "typo")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void twentyFailuresFromOneAddressDelayThatAddressOnly() {
        var kit = data.aCustomer().withLogin("kit-right-password").create();
        WebSession attacker = WebSession.behindProxy("198.51.100.99");
        for (int i = 0; i < 20; i++) {
            // Four tries per address in the list: under each e-mail's free failures.
            assertThat(login(attacker, "victim-" + (i / 4) + "@example.com", "guess")
                            .statusCode())
                    .isEqualTo(401);
        }
        assertThat(login(attacker, kit.email(), "kit-right-password").statusCode())
                .isEqualTo(429);
        assertThat(login(WebSession.behindProxy("198.51.100.98"), kit.email(), "kit-right-password")
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void failuresAreCountedAndAuditedWithoutThePasswordAndStaffSignInsAreAudited() {
        var lou = data.aCustomer().withLogin("lou-right-password").create();
        double wrongBefore = count("wrong_password");
        double throttledBefore = count("throttled");
        WebSession browser = WebSession.behindProxy("198.51.100.77");
        for (int i = 0; i < 6; i++) {
            login(browser, lou.email(), "Secret-Guess-" + i);
        }
        assertThat(count("wrong_password") - wrongBefore).isEqualTo(5);
        assertThat(count("throttled") - throttledBefore).isEqualTo(1);

        List<AuditEntry> failures = data.fresh(
                () -> AuditEntry.list("action = ?1 and actor = ?2 order by id", "sign-in.failed", lou.email()));
        assertThat(failures).hasSize(5).allSatisfy(e -> {
            assertThat(e.subject).isEqualTo("email:" + lou.email());
            assertThat(e.detail).isEqualTo("from 198.51.100.77");
        });
        assertThat(data.fresh(() -> AuditEntry.count("detail like ?1", "%Secret-Guess%")))
                .isZero();

        String clerk = data.staff(Role.CLERK, "clerk-audit-password");
        assertThat(login(WebSession.behindProxy("198.51.100.78"), clerk, "clerk-audit-password")
                        .statusCode())
                .isEqualTo(303);
        assertThat(data.fresh(() -> AuditEntry.<AuditEntry>list("action = ?1 and actor = ?2", "sign-in", clerk)))
                .singleElement()
                .satisfies(e -> assertThat(e.detail).isEqualTo("from 198.51.100.78"));
        assertThat(data.fresh(() -> AuditEntry.count("action = ?1 and actor = ?2", "sign-in", lou.email())))
                .as("customers' sign-ins are in their sessions, not in the audit trail")
                .isZero();
    }

    private static Response login(WebSession browser, String email, String password) {
        return browser.post("/login", Map.of("email", email, "password", password));
    }

    private double count(String reason) {
        var counter =
                metrics.find("billfold.sign_in.failures").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
