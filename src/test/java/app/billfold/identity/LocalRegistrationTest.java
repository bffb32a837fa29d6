package app.billfold.identity;

import static org.assertj.core.api.Assertions.assertThat;

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
 * From a paper bill to a sign-in in local mode: the account number and a fact of a recent bill,
 * the address on file confirmed by a single-use link, and an account already claimed said so.
 */
@QuarkusTest
class LocalRegistrationTest {

    static GreenMail smtp;

    @Inject
    TestData data;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    AppUserRepository users;

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
    void aBillAndTheAddressOnFileGiveASignInOnce() throws Exception {
        var noa = data.aCustomer().create();
        Invoice bill = data.anInvoice(noa.account()).issue();
        WebSession visitor = WebSession.behindProxy("203.0.113.61");
        assertThat(visitor.get("/").asString()).contains("href=\"/register\"");
        assertThat(visitor.get("/register").asString()).contains("id=\"f-billFact\"");

        Response wrong = visitor.post(
                "/register",
                Map.of("accountNumber", noa.account().number, "billFact", "INV-999999", "email", noa.email()));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.asString()).contains("do not match");

        Response otherAddress = visitor.post(
                "/register",
                Map.of("accountNumber", noa.account().number, "billFact", bill.number, "email", "thief@example.com"));
        assertThat(otherAddress.statusCode()).isEqualTo(200);
        assertThat(otherAddress.asString()).contains("Check your inbox");

        Response right = visitor.post(
                "/register",
                Map.of(
                        "accountNumber",
                        noa.account().number,
                        "billFact",
                        bill.number.toLowerCase(),
                        "email",
                        noa.email()));
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.asString()).contains("Check your inbox");

        dispatcher.dispatch();
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(LocalRegistrationTest::to))
                .containsExactly(noa.email());
        Matcher link = Pattern.compile("/invitation\\?link=([A-Za-z0-9%._-]+)")
                .matcher(GreenMailUtil.getBody(smtp.getReceivedMessages()[0]));
        assertThat(link.find()).isTrue();
        assertThat(users.findByEmail(noa.email())).isEmpty();

        Response created = visitor.post(
                "/invitation",
                Map.of(
                        "link",
                        URLDecoder.decode(link.group(1), StandardCharsets.UTF_8),
                        "password",
                        "my-own-password-1",
                        "confirm",
                        "my-own-password-1"));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(visitor.get("/portal").statusCode()).isEqualTo(200);

        Response claimed = WebSession.behindProxy("203.0.113.62")
                .post(
                        "/register",
                        Map.of(
                                "accountNumber",
                                noa.account().number,
                                "billFact",
                                bill.number,
                                "email",
                                "x@example.com"));
        assertThat(claimed.statusCode()).isEqualTo(409);
        assertThat(claimed.asString()).contains("already has a sign-in").doesNotContain(noa.email());
    }

    @Test
    void theAmountOfTheLatestBillProvesItTooWrittenEitherWay() throws Exception {
        var oli = data.aCustomer().speaking("fr").create();
        data.anInvoice(oli.account()).withLine("Eau", "1", "120.00", "0").issue();
        Response french = WebSession.behindProxy("203.0.113.63")
                .post(
                        "/register",
                        Map.of("accountNumber", oli.account().number, "billFact", "120,00 €", "email", oli.email()));
        assertThat(french.statusCode()).isEqualTo(200);
        dispatcher.dispatch();
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(LocalRegistrationTest::to))
                .containsExactly(oli.email());
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).contains("créez votre accès");

        Response wrongAmount = WebSession.behindProxy("203.0.113.64")
                .post(
                        "/register",
                        Map.of("accountNumber", oli.account().number, "billFact", "119.99", "email", oli.email()));
        assertThat(wrongAmount.statusCode()).isEqualTo(400);
    }

    private static String to(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
