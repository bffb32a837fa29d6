package app.billfold.identity;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A forgotten password in local mode, through a real SMTP server: the same answer for a known and
 * an unknown address, a link that works once, every session ended by the change.
 */
@QuarkusTest
class PasswordResetTest {

    static GreenMail smtp;

    @Inject
    TestData data;

    @Inject
    OutboxDispatcher dispatcher;

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
        data.forgetSignInFailures();
    }

    @Test
    void aLinkByEmailChangesThePasswordOnceAndEndsEverySession() throws Exception {
        var mia = data.aCustomer().withLogin("old-password-123").create();
        WebSession before = WebSession.signedIn(mia.email(), "old-password-123");
        assertThat(before.get("/portal").statusCode()).isEqualTo(200);

        WebSession stranger = new WebSession();
        assertThat(stranger.get("/").asString()).contains("href=\"/password/forgot\"");
        Response known = stranger.post("/password/forgot", Map.of("email", mia.email()));
        Response unknown = stranger.post("/password/forgot", Map.of("email", "nobody-" + mia.email()));
        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(text(known)).isEqualTo(text(unknown)).contains("If this address has a sign-in");
        assertThat(stranger.post("/password/forgot", Map.of("email", "not an address"))
                        .statusCode())
                .isEqualTo(400);

        dispatcher.dispatch();
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(PasswordResetTest::to))
                .containsExactly(mia.email());
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).contains("choose a new password");
        Matcher link =
                Pattern.compile("/password/reset\\?link=([A-Za-z0-9%._-]+)").matcher(GreenMailUtil.getBody(mail));
        assertThat(link.find()).isTrue();
        String value = URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);

        assertThat(stranger.get("/password/reset?link=" + link.group(1)).asString())
                .contains(mia.email());
        Response mismatch = stranger.post(
                "/password/reset", Map.of("link", value, "password", "new-password-456", "confirm", "other"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        Response tooShort =
                stranger.post("/password/reset", Map.of("link", value, "password", "short", "confirm", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.asString()).contains("id=\"e-password\"");

        Response changed = stranger.post(
                "/password/reset",
                Map.of("link", value, "password", "new-password-456", "confirm", "new-password-456"));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.header("Location")).contains("notice=notice_password_reset");

        assertThat(before.get("/portal").statusCode()).isNotEqualTo(200);
        assertThat(stranger.get("/password/reset?link=" + link.group(1)).statusCode())
                .isEqualTo(410);
        assertThat(stranger.post(
                                "/password/reset",
                                Map.of(
                                        "link",
                                        value,
                                        "password",
                                        "third-password-789",
                                        "confirm",
                                        "third-password-789"))
                        .statusCode())
                .isEqualTo(410);
        assertThat(WebSession.signedIn(mia.email(), "new-password-456")
                        .get("/portal")
                        .statusCode())
                .isEqualTo(200);
        WebSession old = new WebSession();
        old.get("/");
        assertThat(old.post("/login", Map.of("email", mia.email(), "password", "old-password-123"))
                        .header("Location"))
                .isNull();
    }

    @Test
    void aForgedOrAlteredLinkIsRefused() {
        WebSession stranger = new WebSession();
        assertThat(stranger.get("/password/reset?link=abc.def").statusCode()).isEqualTo(410);
        assertThat(stranger.get("/password/reset").statusCode()).isEqualTo(410);
    }

    private static String to(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page's main text, without the per-request anti-forgery token. */
    private static String text(Response page) {
        String html = page.asString();
        return html.substring(html.indexOf("<main"), html.indexOf("</main>"));
    }
}
