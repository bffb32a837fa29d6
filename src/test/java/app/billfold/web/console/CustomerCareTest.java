package app.billfold.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.Account;
import app.billfold.audit.AuditLog;
import app.billfold.identity.AppUserRepository;
import app.billfold.identity.Role;
import app.billfold.invoice.Invoice;
import app.billfold.notify.OutboxDispatcher;
import app.billfold.notify.OutboxMessage;
import app.billfold.notify.SmsConsents;
import app.billfold.payment.Autopay;
import app.billfold.payment.SavedMethod;
import app.billfold.payment.SavedMethods;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.support.TestData;
import app.billfold.support.TestPorts;
import app.billfold.support.WebSession;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
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
 * A clerk acting for a customer from the customer and account pages: autopay off and on with a
 * reason (the customer told by e-mail, through a real SMTP server), paperless, the last bill again,
 * notes, contact preferences and SMS consent, and a sign-in invitation the customer follows.
 */
@QuarkusTest
class CustomerCareTest {

    static GreenMail smtp;

    @Inject
    TestData data;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    SavedMethods methods;

    @Inject
    Autopay autopay;

    @Inject
    SandboxGateway sandbox;

    @Inject
    AuditLog audit;

    @Inject
    SmsConsents consents;

    @Inject
    AppUserRepository users;

    @Inject
    app.billfold.support.TestClock clock;

    WebSession clerk;
    String clerkEmail;

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
    void signIn() throws Exception {
        dispatcher.dispatch();
        smtp.purgeEmailFromAllMailboxes();
        clerkEmail = data.staff(Role.CLERK, "clerk-password-1");
        clerk = WebSession.signedIn(clerkEmail, "clerk-password-1");
    }

    @Test
    void aClerkStopsAutopayWithAReasonAndTheCustomerIsToldWhy() throws Exception {
        var dora = data.aCustomer().named("Dora Stop").create();
        SavedMethod card = card(dora.id());
        autopay.enrol(dora.id(), dora.account().id, card.id, TestData.ACTOR);
        dispatcher.dispatch();
        smtp.purgeEmailFromAllMailboxes();
        String page = clerk.get("/console/accounts/" + dora.account().id).asString();
        assertThat(page).contains("Autopay is on: each bill is charged to " + card.inWords("en"));

        Response refused =
                clerk.post("/console/accounts/" + dora.account().id + "/autopay/stop", Map.of("autopayReason", " "));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("id=\"e-autopayReason\"");
        assertThat(account(dora.account().id).isOnAutopay()).isTrue();

        Response stopped = clerk.post(
                "/console/accounts/" + dora.account().id + "/autopay/stop",
                Map.of("autopayReason", "Card reported stolen on the phone"));
        assertThat(stopped.statusCode()).isEqualTo(303);
        assertThat(account(dora.account().id).isOnAutopay()).isFalse();
        assertThat(clerk.get(stopped.header("Location")).asString())
                .contains("Autopay stopped; the customer is told why.")
                .contains("Autopay is off: the customer pays each bill.");

        dispatcher.dispatch();
        MimeMessage mail = onlyMailTo(dora.email());
        assertThat(mail.getSubject()).contains("autopay is off for account " + dora.account().number);
        assertThat(bodies((Multipart) mail.getContent())).contains("Reason: Card reported stolen on the phone");
        assertThat(audit.forSubject("account:" + dora.account().id)).anySatisfy(e -> {
            assertThat(e.action).isEqualTo("autopay.stop");
            assertThat(e.actor).isEqualTo(clerkEmail);
            assertThat(e.detail).isEqualTo("Card reported stolen on the phone");
        });

        Response again = clerk.post(
                "/console/accounts/" + dora.account().id + "/autopay/stop", Map.of("autopayReason", "twice"));
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void aClerkStartsAutopayWithOneOfTheCustomersMethodsAndTheCustomerGetsTheConfirmation() throws Exception {
        var eli = data.aCustomer().create();
        String none = clerk.get("/console/accounts/" + eli.account().id).asString();
        assertThat(none).contains("only the customer can add it");
        SavedMethod card = card(eli.id());

        Response started = clerk.post(
                "/console/accounts/" + eli.account().id + "/autopay/start",
                Map.of("method", card.id, "autopayReason", "Asked on the phone"));
        assertThat(started.statusCode()).isEqualTo(303);
        assertThat(account(eli.account().id).autopayMethodId).isEqualTo(card.id);
        dispatcher.dispatch();
        assertThat(onlyMailTo(eli.email()).getSubject()).contains("autopay is on for account " + eli.account().number);

        var other = data.aCustomer().create();
        SavedMethod notHers = card(other.id());
        var foreign = data.aCustomer().create();
        Response refused = clerk.post(
                "/console/accounts/" + foreign.account().id + "/autopay/start",
                Map.of("method", notHers.id, "autopayReason", "x"));
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(account(foreign.account().id).isOnAutopay()).isFalse();
    }

    @Test
    void theAccountPageSaysHowBillsGoAndAClerkSwitchesPaperless() {
        var fay = data.aCustomer().create();
        String paper = clerk.get("/console/accounts/" + fay.account().id).asString();
        assertThat(paper).contains("Paper: bills are printed and posted.").contains("Switch to paperless");

        Response switched =
                clerk.post("/console/accounts/" + fay.account().id + "/paperless", Map.of("paperless", "true"));
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(account(fay.account().id).paperless).isTrue();
        assertThat(clerk.get("/console/accounts/" + fay.account().id).asString())
                .contains("Paperless: bills go by e-mail only.");
        assertThat(audit.forSubject("account:" + fay.account().id))
                .anySatisfy(e -> assertThat(e.action).isEqualTo("paperless.on"));
    }

    @Test
    void aClerkSendsTheLastBillAgainWithItsPdf() throws Exception {
        var gus = data.aCustomer().create();
        Response nothing = clerk.post("/console/accounts/" + gus.account().id + "/resend-bill", Map.of());
        assertThat(nothing.statusCode()).isEqualTo(409);
        assertThat(nothing.asString()).contains("This account has no issued bill to send.");

        data.anInvoice(gus.account()).withLine("Water", "1", "10.00", "0").issue();
        Invoice last = data.anInvoice(gus.account())
                .withLine("Water", "1", "20.00", "0")
                .issue();
        assertThat(clerk.get("/console/accounts/" + gus.account().id).asString())
                .contains("Last bill: " + last.number);
        dispatcher.dispatch();
        smtp.purgeEmailFromAllMailboxes();

        Response sent = clerk.post("/console/accounts/" + gus.account().id + "/resend-bill", Map.of());
        assertThat(sent.statusCode()).isEqualTo(303);
        dispatcher.dispatch();
        MimeMessage mail = onlyMailTo(gus.email());
        assertThat(mail.getSubject()).contains("your bill " + last.number);
        Multipart parts = (Multipart) mail.getContent();
        assertThat(attachmentName(parts)).contains(last.number).endsWith(".pdf");

        // A second resend is a second message, not swallowed as a duplicate.
        clerk.post("/console/accounts/" + gus.account().id + "/resend-bill", Map.of());
        dispatcher.dispatch();
        assertThat(mailsTo(gus.email())).hasSize(2);
    }

    @Test
    void notesAreDatedSignedAndShownOnTheCustomerAndTheAccount() {
        var hal = data.aCustomer().create();
        Response empty = clerk.post("/console/accounts/" + hal.account().id + "/notes", Map.of("note", "  "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.asString()).contains("id=\"e-note\"");

        assertThat(clerk.post(
                                "/console/accounts/" + hal.account().id + "/notes",
                                Map.of("note", "Promised to pay by Friday"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(clerk.post("/console/customers/" + hal.id() + "/notes", Map.of("note", "Prefers calls after 5pm"))
                        .statusCode())
                .isEqualTo(303);

        String account = clerk.get("/console/accounts/" + hal.account().id).asString();
        assertThat(account).contains("Promised to pay by Friday").contains("by " + clerkEmail);
        assertThat(account).doesNotContain("Prefers calls after 5pm");
        String customer = clerk.get("/console/customers/" + hal.id()).asString();
        assertThat(customer)
                .contains("Promised to pay by Friday")
                .contains("Prefers calls after 5pm")
                .contains("About account " + hal.account().number)
                .contains("Mar 10, 2026");

        var other = data.aCustomer().create();
        Response foreign = clerk.post(
                "/console/customers/" + hal.id() + "/notes",
                Map.of("note", "x", "noteAccount", String.valueOf(other.account().id)));
        assertThat(foreign.statusCode()).isEqualTo(404);
    }

    @Test
    void aClerkChangesContactPreferencesAndRecordsSmsConsentWithTheCodeTheCustomerReadsBack() {
        var ida = data.aCustomer().create();
        Response noConsent = clerk.post(
                "/console/customers/" + ida.id() + "/preferences",
                Map.of("notifyBy", "BOTH", "phone", "+33 6 12 34 56 78", "timeZone", ""));
        assertThat(noConsent.statusCode()).isEqualTo(400);
        assertThat(noConsent.asString()).contains("id=\"e-smsConsent\"");

        Response saved = clerk.post(
                "/console/customers/" + ida.id() + "/preferences",
                Map.of(
                        "notifyBy",
                        "BOTH",
                        "phone",
                        "+33 6 12 34 56 78",
                        "smsConsent",
                        "true",
                        "timeZone",
                        "Europe/Paris"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(data.fresh(() -> consents.allows("+33612345678"))).isFalse();
        String code = data.fresh(() -> OutboxMessage.<OutboxMessage>list(
                                "recipient = ?1 and kind = 'phone_code' order by id desc", "+33612345678")
                        .get(0)
                        .payload)
                .replace("code=", "");

        Response wrong =
                clerk.post("/console/customers/" + ida.id() + "/sms-consent/confirm", Map.of("code", "000000"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.asString()).contains("id=\"e-code\"");
        Response confirmed =
                clerk.post("/console/customers/" + ida.id() + "/sms-consent/confirm", Map.of("code", code));
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(data.fresh(() -> consents.allows("+33612345678"))).isTrue();
        String page = clerk.get("/console/customers/" + ida.id()).asString();
        assertThat(page).contains("Record that the customer withdrew SMS consent");

        Response withdrawn = clerk.post("/console/customers/" + ida.id() + "/sms-consent/withdraw", Map.of());
        assertThat(withdrawn.statusCode()).isEqualTo(303);
        assertThat(data.fresh(() -> consents.allows("+33612345678"))).isFalse();
        assertThat(audit.forSubject("customer:" + ida.id())).anySatisfy(e -> {
            assertThat(e.action).isEqualTo("sms.consent.withdraw");
            assertThat(e.actor).isEqualTo(clerkEmail);
        });
    }

    @Test
    void anInvitationGoesToTheAddressOnFileAndCreatesASignInOnce() throws Exception {
        var jo = data.aCustomer().create();
        String page = clerk.get("/console/customers/" + jo.id()).asString();
        assertThat(page)
                .contains("The customer has no sign-in yet.")
                .contains("Send a sign-in invitation to " + jo.email());

        assertThat(clerk.post("/console/customers/" + jo.id() + "/invitation", Map.of())
                        .statusCode())
                .isEqualTo(303);
        dispatcher.dispatch();
        MimeMessage mail = onlyMailTo(jo.email());
        assertThat(mail.getSubject()).contains("create your sign-in");
        Matcher link =
                Pattern.compile("/invitation\\?link=([A-Za-z0-9%._-]+)").matcher(bodies((Multipart) mail.getContent()));
        assertThat(link.find()).isTrue();
        String value = URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);

        WebSession customer = new WebSession();
        Response form = customer.get("/invitation?link=" + link.group(1));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.asString()).contains(jo.email());
        Response mismatch = customer.post(
                "/invitation", Map.of("link", value, "password", "a-long-passphrase-1", "confirm", "other"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(users.findByEmail(jo.email())).isEmpty();

        Response created = customer.post(
                "/invitation",
                Map.of("link", value, "password", "a-long-passphrase-1", "confirm", "a-long-passphrase-1"));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.header("Location")).endsWith("/portal");
        assertThat(customer.get("/portal").statusCode()).isEqualTo(200);

        assertThat(new WebSession().get("/invitation?link=" + link.group(1)).statusCode())
                .isEqualTo(410);
        assertThat(clerk.get("/console/customers/" + jo.id()).asString())
                .contains("The customer signs in as " + jo.email());
        Response twice = clerk.post("/console/customers/" + jo.id() + "/invitation", Map.of());
        assertThat(twice.statusCode()).isEqualTo(409);
    }

    @Test
    void theMessageLogNamesKindsInWordsOpensEachMessageAndSaysWhyAnSmsIsHeld() {
        clock.set(java.time.Instant.parse("2026-03-10T21:30:00Z")); // 22:30 in Paris: quiet hours
        try {
            // The clock jumped past the staff idle timeout: sign in again.
            clerk = WebSession.signedIn(clerkEmail, "clerk-password-1");
            var kay = data.aCustomer().textable("06 12 34 56 77").paperless().create();
            Invoice bill = data.anInvoice(kay.account())
                    .withLine("Water", "1", "10", "0")
                    .issue();
            dispatcher.dispatch();

            String log = clerk.get("/console/messages?customer=" + kay.id()).asString();
            assertThat(log).contains(">Bill</a>").doesNotContain(">invoice_issued<");
            assertThat(log).contains("Held for the quiet hours");
            OutboxMessage email = data.fresh(
                    () -> OutboxMessage.<OutboxMessage>find("customerId = ?1 and channel = 'EMAIL'", kay.id())
                            .firstResult());
            assertThat(log).contains("href=\"/console/messages/" + email.id + "\"");

            String opened = clerk.get("/console/messages/" + email.id).asString();
            assertThat(opened)
                    .contains("Message " + email.id + ": Bill")
                    .contains("your bill " + bill.number)
                    .contains("Your bill " + bill.number + " for");
            OutboxMessage sms =
                    data.fresh(() -> OutboxMessage.<OutboxMessage>find("customerId = ?1 and channel = 'SMS'", kay.id())
                            .firstResult());
            assertThat(clerk.get("/console/messages/" + sms.id).asString())
                    .contains("Held for the quiet hours")
                    .contains(bill.number);

            clerk.post(
                    "/console/customers/" + kay.id() + "/preferences",
                    Map.of("notifyBy", "EMAIL", "phone", "06 12 34 56 79", "smsConsent", "true", "timeZone", ""));
            OutboxMessage code = data.fresh(
                    () -> OutboxMessage.<OutboxMessage>find("recipient = ?1 and kind = 'phone_code'", "+33612345679")
                            .firstResult());
            String codePage = clerk.get("/console/messages/" + code.id).asString();
            assertThat(codePage)
                    .contains("Code to confirm a phone number")
                    .doesNotContain(code.payload.replace("code=", ""));
            assertThat(clerk.get("/console/messages/987654321").statusCode()).isEqualTo(404);
        } finally {
            clock.reset();
        }
    }

    @Test
    void theAuditTrailNamesSubjectsShowsMoneyAndFiltersByNumberOrName() {
        var lou = data.aCustomer().named("Lou Auditee").create();
        data.fresh(() -> {
            audit.change(
                    clerkEmail,
                    "payment.record",
                    "account:" + lou.account().id,
                    "cheque 50.8600",
                    "owed 70.0000",
                    null);
            return null;
        });
        String byNumber =
                clerk.get("/console/audit?subject=" + lou.account().number).asString();
        assertThat(byNumber)
                .contains("<a href=\"/console/accounts/" + lou.account().id + "\">" + lou.account().number + "</a>")
                .contains("cheque €50.86")
                .contains("owed €70.00")
                .doesNotContain("50.8600")
                .doesNotContain(">account:" + lou.account().id + "<");
        assertThat(clerk.post("/console/customers/" + lou.id() + "/notes", Map.of("note", "Called about the cheque"))
                        .statusCode())
                .isEqualTo(303);
        String byName = clerk.get("/console/audit?subject=lou auditee").asString();
        assertThat(byName)
                .contains("<a href=\"/console/customers/" + lou.id() + "\">Lou Auditee</a>")
                .contains("Called about the cheque");
        // The French page writes the same amount the French way.
        WebSession french = WebSession.signedIn(clerkEmail, "clerk-password-1");
        french.post("/language", Map.of("lang", "fr", "back", "/console"));
        assertThat(french.get("/console/audit?subject=" + lou.account().number).asString())
                .contains("cheque 50,86");
    }

    private SavedMethod card(Long customerId) {
        return methods.save(
                customerId, sandbox.tokenizeCard("4242424242424242", 12, 2030).token(), TestData.ACTOR);
    }

    private Account account(Long id) {
        return data.fresh(() -> Account.<Account>findById(id));
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equalsIgnoreCase(address);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private MimeMessage onlyMailTo(String address) {
        List<MimeMessage> mails = mailsTo(address);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    static String bodies(Multipart multipart) throws Exception {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                all.append(bodies(nested));
            } else if (part.getContentType().startsWith("text/")) {
                all.append(GreenMailUtil.getBody(part)).append('\n').append(part.getContent());
            }
        }
        return all.toString();
    }

    private static String attachmentName(Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getFileName() != null) {
                return part.getFileName();
            }
        }
        throw new AssertionError("no attachment");
    }
}
