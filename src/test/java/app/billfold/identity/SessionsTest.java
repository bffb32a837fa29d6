package app.billfold.identity;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.AccountForm;
import app.billfold.account.Customers;
import app.billfold.common.InvalidInputException;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in sessions end on the server (invariant 11): a cookie copied before "Sign out" is worth
 * nothing after it; "sign out everywhere", a password change, disabling a user and closing a
 * customer end every session at once; the idle limit of each audience and the absolute limit apply.
 */
@QuarkusTest
class SessionsTest {

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    UserSessions sessions;

    @Inject
    StaffMembers staff;

    @Inject
    Customers customers;

    @Inject
    LocalAccounts accounts;

    @Inject
    AppUserRepository users;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCookieCopiedBeforeSignOutNoLongerOpensThePortal() {
        var ada = data.aCustomer().withLogin("ada-session-pw").create();
        WebSession browser = WebSession.signedIn(ada.email(), "ada-session-pw");
        String copied = sessionCookie(browser);
        assertThat(withCookie(copied, "/portal").statusCode()).isEqualTo(200);

        assertThat(browser.post("/logout", Map.of()).statusCode()).isEqualTo(303);

        assertThat(withCookie(copied, "/portal").statusCode()).isEqualTo(303);
        assertThat(ended(ada.email())).containsExactly(SessionEnd.SIGNED_OUT);
    }

    @Test
    void everySignInGetsANewRandomIdThatIsStoredOnlyHashedWithItsClient() {
        var bo = data.aCustomer().withLogin("bo-session-pw").create();
        WebSession browser = new WebSession();
        browser.get("/");
        Response first = browser.request()
                .header("User-Agent", "Test browser 1.0")
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", browser.csrfToken())
                .formParam("email", bo.email())
                .formParam("password", "bo-session-pw")
                .post("/login");
        assertThat(first.statusCode()).isEqualTo(303);
        String firstId = first.getCookie("billfold-session");
        browser.get("/portal");
        Response second = browser.post("/login", Map.of("email", bo.email(), "password", "bo-session-pw"));
        String secondId = second.getCookie("billfold-session");

        assertThat(firstId).hasSize(43).isNotEqualTo(secondId);
        List<UserSession> rows = rowsOf(bo.email());
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(s -> s.tokenHash).doesNotContain(firstId, secondId);
        assertThat(rows.get(0).tokenHash).isEqualTo(UserSessions.hash(firstId));
        assertThat(rows.get(0).endReason).as("replaced by the new sign-in").isEqualTo(SessionEnd.REPLACED);
        assertThat(rows.get(0).clientAddress).isEqualTo("127.0.0.1");
        assertThat(rows.get(0).userAgent).isEqualTo("Test browser 1.0");
        assertThat(rows.get(1).isLive()).isTrue();
        assertThat(withCookie(firstId, "/portal").statusCode()).isEqualTo(303);
        assertThat(withCookie(secondId, "/portal").statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEverywhereEndsEveryBrowsersSessionButNobodyElses() {
        var cy = data.aCustomer().withLogin("cy-session-pw").create();
        var other = data.aCustomer().withLogin("other-session-pw").create();
        WebSession laptop = WebSession.signedIn(cy.email(), "cy-session-pw");
        WebSession phone = WebSession.signedIn(cy.email(), "cy-session-pw");
        WebSession someoneElse = WebSession.signedIn(other.email(), "other-session-pw");
        assertThat(phone.get("/portal").asString()).contains("Sign out everywhere");

        Response out = phone.post("/logout-everywhere", Map.of());

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).endsWith("/?notice=notice_signed_out_everywhere");
        assertThat(phone.get(out.header("Location")).asString()).contains("You are signed out on every device.");
        assertThat(laptop.get("/portal").statusCode()).isEqualTo(303);
        assertThat(phone.get("/portal").statusCode()).isEqualTo(303);
        assertThat(someoneElse.get("/portal").statusCode()).isEqualTo(200);
        assertThat(ended(cy.email()))
                .containsOnly(SessionEnd.SIGNED_OUT_EVERYWHERE)
                .hasSize(2);
    }

    @Test
    void aCustomerIsSignedOutAfterThirtyIdleMinutesAndAClerkAfterFifteen() {
        var dee = data.aCustomer().withLogin("dee-session-pw").create();
        String clerk = data.staff(Role.CLERK, "clerk-session-pw");
        WebSession customer = WebSession.signedIn(dee.email(), "dee-session-pw");
        WebSession console = WebSession.signedIn(clerk, "clerk-session-pw");

        clock.advance(Duration.ofMinutes(14));
        assertThat(console.get("/console/customers").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(15).plusSeconds(30));
        assertThat(customer.get("/portal").statusCode()).as("29.5 minutes idle").isEqualTo(200);
        assertThat(console.get("/console/customers").statusCode())
                .as("15.5 minutes idle")
                .isEqualTo(303);

        clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        assertThat(customer.get("/portal").statusCode()).isEqualTo(303);
        assertThat(ended(dee.email())).containsExactly(SessionEnd.IDLE);
        assertThat(ended(clerk)).containsExactly(SessionEnd.IDLE);
    }

    @Test
    void aSessionInUseStillEndsAtTheAbsoluteLimit() {
        var eli = data.aCustomer().withLogin("eli-session-pw").create();
        WebSession browser = WebSession.signedIn(eli.email(), "eli-session-pw");
        for (int i = 0; i < 31; i++) {
            clock.advance(Duration.ofMinutes(15));
            assertThat(browser.get("/portal").statusCode())
                    .as("after %d minutes", (i + 1) * 15)
                    .isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(15));
        assertThat(browser.get("/portal").statusCode()).as("after 8 hours").isEqualTo(303);
        assertThat(ended(eli.email())).containsExactly(SessionEnd.EXPIRED);
    }

    @Test
    void lastSeenIsWrittenAtMostAboutOnceAMinute() {
        var fay = data.aCustomer().withLogin("fay-session-pw").create();
        WebSession browser = WebSession.signedIn(fay.email(), "fay-session-pw");
        var signedInAt = clock.now();

        clock.advance(Duration.ofSeconds(20));
        browser.get("/portal");
        clock.advance(Duration.ofSeconds(30));
        browser.get("/portal/invoices");
        assertThat(rowsOf(fay.email()).get(0).lastSeenAt).isEqualTo(signedInAt);

        clock.advance(Duration.ofSeconds(15));
        browser.get("/portal");
        assertThat(rowsOf(fay.email()).get(0).lastSeenAt).isEqualTo(signedInAt.plusSeconds(65));
    }

    @Test
    void disablingAClerkEndsTheirSessionAtOnceAndEnablingDoesNotBringItBack() {
        String clerk = data.staff(Role.CLERK, "clerk-session-pw");
        WebSession console = WebSession.signedIn(clerk, "clerk-session-pw");
        Long id = data.fresh(() -> users.findByEmail(clerk).orElseThrow().id);

        staff.setEnabled(id, false, TestData.ACTOR);
        assertThat(console.get("/console/customers").statusCode()).isEqualTo(303);
        staff.setEnabled(id, true, TestData.ACTOR);

        assertThat(console.get("/console/customers").statusCode()).isEqualTo(303);
        assertThat(ended(clerk)).containsExactly(SessionEnd.USER_DISABLED);
    }

    @Test
    void closingACustomerEndsTheirSessions() {
        var gus = data.aCustomer().withLogin("gus-session-pw").create();
        WebSession browser = WebSession.signedIn(gus.email(), "gus-session-pw");

        customers.updateAccount(
                gus.account().id,
                new AccountForm(gus.account().number, "1 Test Street", "75001", "CLOSED"),
                TestData.ACTOR);

        assertThat(browser.get("/portal").statusCode()).isEqualTo(303);
        assertThat(ended(gus.email())).containsExactly(SessionEnd.USER_DISABLED);
    }

    @Test
    void changingThePasswordEndsEverySessionAndFollowsTheRule() {
        var hal = data.aCustomer().withLogin("hal-session-pw").create();
        WebSession one = WebSession.signedIn(hal.email(), "hal-session-pw");
        WebSession two = WebSession.signedIn(hal.email(), "hal-session-pw");
        Long id = data.fresh(() -> users.findByEmail(hal.email()).orElseThrow().id);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.changePassword(id, "password1234"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(one.get("/portal").statusCode())
                .as("a refused change ends nothing")
                .isEqualTo(200);

        accounts.changePassword(id, "a new and long passphrase");

        assertThat(one.get("/portal").statusCode()).isEqualTo(303);
        assertThat(two.get("/portal").statusCode()).isEqualTo(303);
        assertThat(ended(hal.email())).containsOnly(SessionEnd.PASSWORD_CHANGED).hasSize(2);
        assertThat(sessions.live(id)).isEmpty();
        WebSession.signedIn(hal.email(), "a new and long passphrase");
        assertThat(sessions.live(id)).hasSize(1);
    }

    private static String sessionCookie(WebSession browser) {
        return browser.cookie("billfold-session");
    }

    private static Response withCookie(String session, String path) {
        return io.restassured.RestAssured.given()
                .redirects()
                .follow(false)
                .cookie("billfold-session", session)
                .get(path);
    }

    private List<UserSession> rowsOf(String email) {
        return data.fresh(() -> {
            Long id = users.findByEmail(email).orElseThrow().id;
            return UserSession.<UserSession>list("userId = ?1 order by id", id);
        });
    }

    private List<SessionEnd> ended(String email) {
        return rowsOf(email).stream().map(s -> s.endReason).toList();
    }
}
