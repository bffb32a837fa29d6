package app.billfold.identity;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.audit.AuditEntry;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Admins manage staff: an invitation by e-mail (a real SMTP server) with which the member chooses
 * their own password under the one rule, and never down to no active admin.
 */
@QuarkusTest
class StaffMembersTest {

    static GreenMail smtp;

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
    void cleanMail() throws Exception {
        // Drops the mailer's pooled connection to an earlier test class's SMTP server, and old mail.
        dispatcher.dispatch();
        smtp.purgeEmailFromAllMailboxes();
    }

    @Inject
    TestData data;

    @Inject
    AppUserRepository users;

    @Test
    void theLastActiveAdminCannotBeDisabledButAnotherAdminCan() {
        List<Long> others = data.fresh(() -> users.list("role = ?1 and enabled = true", Role.ADMIN).stream()
                .map(u -> u.id)
                .toList());
        setEnabled(others, false);
        try {
            String admin = data.staff(Role.ADMIN, "admin-staff-password");
            Long adminId = idOf(admin);
            WebSession console = WebSession.signedIn(admin, "admin-staff-password");

            Response refused = console.post("/console/staff/" + adminId + "/disable", Map.of());
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.asString()).contains("This is the last active admin");
            assertThat(data.fresh(() -> users.findById(adminId).enabled)).isTrue();
            assertThat(console.get("/console/staff").statusCode()).isEqualTo(200);

            String second = data.staff(Role.ADMIN, "second-staff-password");
            assertThat(console.post("/console/staff/" + idOf(second) + "/disable", Map.of())
                            .statusCode())
                    .isEqualTo(303);
            assertThat(data.fresh(() -> users.findById(idOf(second)).enabled)).isFalse();
        } finally {
            setEnabled(others, true);
        }
    }

    @Test
    void anInvitedClerkGetsAnEmailAndChoosesTheirOwnPasswordUnderTheOneRule() throws Exception {
        String admin = data.staff(Role.ADMIN, "admin-rule-password");
        WebSession console = WebSession.signedIn(admin, "admin-rule-password");
        assertThat(console.get("/console/staff").asString())
                .doesNotContain("name=\"password\"")
                .contains("link to choose their password");
        String email = "new-clerk-" + System.nanoTime() + "@billfold.test";

        Response invited = console.post("/console/staff/invite", Map.of("email", email, "role", "CLERK"));
        assertThat(invited.statusCode()).isEqualTo(303);
        assertThat(invited.header("Location")).contains("notice=notice_staff_invited");
        assertThat(console.get(invited.header("Location")).asString()).contains("Invitation sent");
        assertThat(data.fresh(() -> AuditEntry.count("action = ?1 and actor = ?2", "staff.invite", admin)))
                .isEqualTo(1);

        dispatcher.dispatch();
        MimeMessage mail = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> to(m).equals(email))
                .findFirst()
                .orElseThrow();
        assertThat(mail.getSubject()).contains("your console sign-in");
        Matcher link =
                Pattern.compile("/password/reset\\?link=([A-Za-z0-9%._-]+)").matcher(GreenMailUtil.getBody(mail));
        assertThat(link.find()).isTrue();
        String value = URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);

        WebSession clerk = new WebSession();
        assertThat(clerk.get("/password/reset?link=" + link.group(1)).asString())
                .contains(email)
                .contains("At least 12 characters (at most 128); not your e-mail address, and not a common password");
        for (String weak : List.of("short-pw", "qwerty123456", email, "x".repeat(129))) {
            Response refused = clerk.post("/password/reset", Map.of("link", value, "password", weak, "confirm", weak));
            assertThat(refused.statusCode()).as(weak).isEqualTo(400);
            assertThat(refused.asString()).contains("id=\"e-password\"");
        }
        assertThat(clerk.post(
                                "/password/reset",
                                Map.of(
                                        "link",
                                        value,
                                        "password",
                                        "a fine first password",
                                        "confirm",
                                        "a fine first password"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(WebSession.signedIn(email, "a fine first password")
                        .get("/console")
                        .statusCode())
                .isEqualTo(200);
        // The link worked once.
        assertThat(clerk.get("/password/reset?link=" + link.group(1)).statusCode())
                .isEqualTo(410);
    }

    @Test
    void aBadInviteSaysWhyBesideTheFieldAndCreatesNobody() {
        String admin = data.staff(Role.ADMIN, "admin-bad-invite");
        WebSession console = WebSession.signedIn(admin, "admin-bad-invite");
        Response refused = console.post("/console/staff/invite", Map.of("email", "not an address", "role", "CLERK"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("id=\"e-email\"");
        Response taken = console.post("/console/staff/invite", Map.of("email", admin, "role", "CLERK"));
        assertThat(taken.statusCode()).isEqualTo(409);
    }

    private static String to(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Long idOf(String email) {
        return data.fresh(() -> users.findByEmail(email).orElseThrow().id);
    }

    private void setEnabled(List<Long> ids, boolean enabled) {
        if (!ids.isEmpty()) {
            data.fresh(() -> AppUser.update("enabled = ?1 where id in ?2", enabled, ids));
        }
    }
}
