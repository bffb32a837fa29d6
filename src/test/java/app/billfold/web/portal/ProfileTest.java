package app.billfold.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.Customer;
import app.billfold.identity.AppUserRepository;
import app.billfold.identity.UserSessions;
import app.billfold.invoice.Invoice;
import app.billfold.notify.OutboxDispatcher;
import app.billfold.support.TestData;
import app.billfold.support.TestPorts;
import app.billfold.support.WebSession;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The customer's profile in local mode: a new password keeps this browser and signs out the
 * others, a new address takes effect only through the link sent to it and the old one is told,
 * sessions are listed and ended, and another account is added from a bill only when it is the
 * customer's own.
 */
@QuarkusTest
class ProfileTest {

    static GreenMail smtp;

    @Inject
    TestData data;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    AppUserRepository users;

    @Inject
    UserSessions sessions;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(TestPorts.smtp(), null, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void clean() throws Exception {
        dispatcher.dispatch();
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void aNewPasswordNeedsTheCurrentOneAndSignsOutOnlyTheOtherBrowsers() {
        var kim = data.aCustomer().withLogin("first-password-1").create();
        WebSession here = WebSession.signedIn(kim.email(), "first-password-1");
        WebSession elsewhere = WebSession.signedIn(kim.email(), "first-password-1");
        String page = here.get("/portal/profile").asString();
        assertThat(page).contains("href=\"/portal/profile\"").contains("id=\"f-current\"");

        Response wrong = here.post(
                "/portal/profile/password",
                Map.of("current", "not-it-at-all", "password", "second-password-2", "confirm", "second-password-2"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.asString()).contains("id=\"e-current\"").contains("not your current password");
        Response weak = here.post(
                "/portal/profile/password",
                Map.of("current", "first-password-1", "password", "short", "confirm", "short"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.asString()).contains("id=\"e-password\"");
        assertThat(elsewhere.get("/portal").statusCode()).isEqualTo(200);

        Response changed = here.post(
                "/portal/profile/password",
                Map.of("current", "first-password-1", "password", "second-password-2", "confirm", "second-password-2"));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.header("Location")).contains("notice_profile_password_changed");
        assertThat(here.get("/portal").statusCode()).isEqualTo(200);
        assertThat(elsewhere.get("/portal").statusCode()).isEqualTo(303);
        assertThat(WebSession.signedIn(kim.email(), "second-password-2")
                        .get("/portal")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aNewAddressTakesEffectThroughItsLinkOnceAndTheOldOneIsTold() throws Exception {
        var lou = data.aCustomer().withLogin("lou-password-1").create();
        var other = data.aCustomer().withLogin("other-password-1").create();
        WebSession lous = WebSession.signedIn(lou.email(), "lou-password-1");
        String fresh = "new-" + lou.email();

        Response taken =
                lous.post("/portal/profile/email", Map.of("current", "lou-password-1", "email", other.email()));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.asString()).contains("already has a sign-in");
        Response wrongPassword =
                lous.post("/portal/profile/email", Map.of("current", "nope-nope-nope", "email", fresh));
        assertThat(wrongPassword.statusCode()).isEqualTo(400);
        assertThat(wrongPassword.asString()).contains("id=\"e-email-current\"");
        Response asked = lous.post("/portal/profile/email", Map.of("current", "lou-password-1", "email", fresh));
        assertThat(asked.statusCode()).isEqualTo(303);

        dispatcher.dispatch();
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(ProfileTest::to))
                .containsExactly(fresh);
        // Nothing changes before the link is followed.
        assertThat(data.fresh(() -> users.findByEmail(lou.email()).isPresent())).isTrue();
        Matcher link = Pattern.compile("/email-change\\?link=([A-Za-z0-9%._-]+)")
                .matcher(GreenMailUtil.getBody(smtp.getReceivedMessages()[0]));
        assertThat(link.find()).isTrue();
        String value = URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
        smtp.purgeEmailFromAllMailboxes();

        WebSession mailbox = new WebSession();
        assertThat(mailbox.get("/email-change?link=" + link.group(1)).asString())
                .contains(fresh);
        assertThat(data.fresh(() -> users.findByEmail(lou.email()).isPresent())).isTrue();
        Response confirmed = mailbox.post("/email-change", Map.of("link", value));
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(mailbox.post("/email-change", Map.of("link", value)).statusCode())
                .isEqualTo(410);

        assertThat(data.fresh(() -> users.findByEmail(fresh).isPresent())).isTrue();
        assertThat(data.fresh(() -> Customer.<Customer>findById(lou.id()).email))
                .isEqualTo(fresh);
        dispatcher.dispatch();
        MimeMessage notice = smtp.getReceivedMessages()[0];
        assertThat(to(notice)).isEqualTo(lou.email());
        assertThat(notice.getSubject()).contains("was changed");
        assertThat(GreenMailUtil.getBody(notice)).doesNotContain(fresh);
        // Still signed in, now under the new address, which signs in from now on.
        assertThat(lous.get("/portal/profile").asString()).contains(fresh);
        assertThat(WebSession.signedIn(fresh, "lou-password-1").get("/portal").statusCode())
                .isEqualTo(200);
    }

    @Test
    void sessionsAreListedByBrowserAndEndedOneOrAllOthers() {
        var max = data.aCustomer().withLogin("max-password-1").create();
        WebSession here = WebSession.signedIn(max.email(), "max-password-1");
        WebSession second = WebSession.signedIn(max.email(), "max-password-1");
        WebSession third = WebSession.signedIn(max.email(), "max-password-1");
        Long userId = data.fresh(() -> users.findByEmail(max.email()).orElseThrow().id);
        sessions.start(
                userId,
                "198.51.100.7",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0");

        String page = here.get("/portal/profile").asString();
        assertThat(page).contains("Firefox on Windows").contains("198.51.100.7").contains("This browser");
        Matcher ends = Pattern.compile("/portal/profile/sessions/(\\d+)/end").matcher(page);
        assertThat(ends.results().count()).isEqualTo(3);

        Long thirdId = sessions.live(userId).stream()
                .filter(s -> s.userAgent != null && !s.userAgent.contains("Firefox"))
                .map(s -> s.id)
                .max(Long::compare)
                .orElseThrow();
        // The third sign-in is the newest of the test client's: end it by its id.
        assertThat(here.post("/portal/profile/sessions/" + thirdId + "/end", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(third.get("/portal").statusCode()).isEqualTo(303);
        assertThat(second.get("/portal").statusCode()).isEqualTo(200);

        WebSession stranger = WebSession.signedIn(
                data.aCustomer().withLogin("stranger-pass-1").create().email(), "stranger-pass-1");
        Long mine = sessions.live(userId).get(0).id;
        stranger.post("/portal/profile/sessions/" + mine + "/end", Map.of());
        assertThat(sessions.live(userId)).extracting(s -> s.id).contains(mine);

        assertThat(here.post("/portal/profile/sessions/end-others", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(second.get("/portal").statusCode()).isEqualTo(303);
        assertThat(here.get("/portal").statusCode()).isEqualTo(200);
        assertThat(sessions.live(userId)).hasSize(1);
    }

    @Test
    void anotherAccountIsAddedOnlyWhenItIsTheCustomersOwn() {
        var ida = data.aCustomer().withLogin("ida-password-1").create();
        var neighbour = data.aCustomer().create();
        var claimedOwner = data.aCustomer().withLogin("claimed-pass-1").create();
        Invoice idaBill = data.anInvoice(ida.account()).issue();
        Invoice neighbourBill = data.anInvoice(neighbour.account()).issue();
        Invoice claimedBill = data.anInvoice(claimedOwner.account()).issue();
        WebSession idas = WebSession.signedIn(ida.email(), "ida-password-1");
        assertThat(idas.get("/portal/accounts/add").asString()).contains("id=\"f-billFact\"");

        Response wrong = idas.post(
                "/portal/accounts/add", Map.of("accountNumber", neighbour.account().number, "billFact", "INV-0"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        Response own = idas.post(
                "/portal/accounts/add", Map.of("accountNumber", ida.account().number, "billFact", idaBill.number));
        assertThat(own.statusCode()).isEqualTo(303);
        assertThat(own.header("Location")).contains("notice_account_link_already_yours");
        Response others = idas.post(
                "/portal/accounts/add",
                Map.of("accountNumber", neighbour.account().number, "billFact", neighbourBill.number));
        assertThat(others.statusCode()).isEqualTo(409);
        assertThat(others.asString()).contains("Ask us to put it under your name");
        Response claimed = idas.post(
                "/portal/accounts/add",
                Map.of("accountNumber", claimedOwner.account().number, "billFact", claimedBill.number));
        assertThat(claimed.statusCode()).isEqualTo(409);
        assertThat(claimed.asString()).contains("already has a sign-in").doesNotContain(claimedOwner.email());
        assertThat(idas.get("/portal").asString()).doesNotContain(neighbour.account().number);
    }

    private static String to(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
