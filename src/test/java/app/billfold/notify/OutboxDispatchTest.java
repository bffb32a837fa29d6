package app.billfold.notify;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.invoice.Invoices;
import app.billfold.invoice.IssueInvoice;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import app.billfold.support.TestPorts;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transactional outbox and its dispatcher, delivering to a real SMTP server in the test JVM. */
@QuarkusTest
class OutboxDispatchTest {

    static GreenMail smtp;

    @Inject
    TestData data;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    Outbox outbox;

    @Inject
    IssueInvoice issuer;

    @Inject
    Invoices invoices;

    @Inject
    TestClock clock;

    @Inject
    ReminderRun reminders;

    @Inject
    app.billfold.einvoice.IssuedDocuments documents;

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
    void sendWhatOtherTestsLeft() throws Exception {
        dispatcher.dispatch();
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anIssuedBillIsMailedWithItsPdfInTheCustomersLanguage() throws Exception {
        var claire = data.aCustomer().speaking("fr").paperless().create();
        Invoice invoice = data.anInvoice(claire.account())
                .withLine("Eau", "1", "42.50", "0")
                .issue();

        assertThat(dispatcher.dispatch()).isEqualTo(1);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(claire.email());
        assertThat(mail.getSubject()).isEqualTo("Billfold Biller : votre facture " + invoice.number);
        Multipart parts = (Multipart) mail.getContent();
        String all = bodies(parts);
        assertThat(all)
                .contains("Votre facture " + invoice.number)
                .contains("42,50")
                .contains("/portal/invoices/" + invoice.number);
        assertThat(all).contains("<html"); // the HTML body
        assertThat(all).contains("Bonjour"); // and the plain-text one
        BodyPart pdf = attachment(parts);
        assertThat(pdf.getFileName()).isEqualTo(invoice.number + ".pdf");
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertThat(new String(pdf.getInputStream().readNBytes(5))).isEqualTo("%PDF-");
        // The very document stored at issue, not one rendered again for the mail.
        assertThat(pdf.getInputStream().readAllBytes())
                .isEqualTo(data.fresh(() -> documents
                        .ofInvoice(invoices.get(invoice.id), app.billfold.einvoice.EInvoices.Format.FACTURX)
                        .bytes()));

        OutboxMessage row = data.fresh(() -> outbox.forRecipient(claire.email()).get(0));
        assertThat(row.status).isEqualTo("SENT");
        assertThat(row.providerId).isEqualTo(mail.getMessageID());
        assertThat(dispatcher.dispatch()).isZero();
    }

    @Test
    void aReminderIsMailedInBothBodiesWithThePayLink() throws Exception {
        var gus = data.aCustomer().create();
        Invoice bill = data.anInvoice(gus.account())
                .due("2026-03-15")
                .withLine("Water", "1", "18", "0")
                .issue();
        reminders.run();

        dispatcher.dispatch();

        MimeMessage mail = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipient(m).equals(gus.email()))
                .findFirst()
                .orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("Billfold Biller: bill " + bill.number + " is due on Mar 15, 2026");
        String all = bodies((Multipart) mail.getContent());
        assertThat(all)
                .contains("Your bill " + bill.number + " for")
                .contains("18.00")
                .contains("Pay now")
                .contains("/portal/invoices/" + bill.number)
                .contains("<html");
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReminderForABillPaidSinceItWasWrittenIsNotSent() throws Exception {
        var fay = data.aCustomer().paperless().create();
        data.anInvoice(fay.account())
                .due("2026-03-12")
                .withLine("Water", "1", "15", "0")
                .issue();
        dispatcher.dispatch();
        smtp.purgeEmailFromAllMailboxes();
        reminders.run();
        data.pay(fay.account(), "15");

        dispatcher.dispatch();

        List<OutboxMessage> messages = data.fresh(() -> outbox.forRecipient(fay.email()));
        assertThat(messages)
                .extracting(m -> m.kind + " " + m.status)
                .containsExactly("invoice_issued SENT", "reminder_before SKIPPED", "payment_receipt SENT");
        assertThat(smtp.getReceivedMessages())
                .filteredOn(m -> recipient(m).equals(fay.email()))
                .extracting(MimeMessage::getSubject)
                .containsExactly("Billfold Biller: payment received, thank you");
    }

    @Test
    void aRolledBackIssueLeavesNoMessage() {
        var dan = data.aCustomer().create();
        Invoice draft = data.anInvoice(dan.account()).draft();
        QuarkusTransaction.begin();
        issuer.issue(draft.id, TestData.ACTOR);
        QuarkusTransaction.rollback();
        assertThat(data.fresh(() -> invoices.get(draft.id).status)).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(data.fresh(() -> outbox.forRecipient(dan.email()))).isEmpty();
    }

    @Test
    void twoDispatchersAtOnceSendEachMessageOnce() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            var c = data.aCustomer().paperless().create();
            recipients.add(c.email());
            data.anInvoice(c.account()).issue();
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sent.add(nodes.submit(() -> {
                go.await();
                return dispatcher.dispatch();
            }));
        }
        go.countDown();
        int total = sent.get(0).get() + sent.get(1).get();
        nodes.shutdown();
        // A send that failed on the way (SMTP hiccup) is retried later, never repeated.
        clock.advance(Duration.ofMinutes(5));
        total += dispatcher.dispatch();
        assertThat(total).isEqualTo(30);
        assertThat(smtp.getReceivedMessages()).hasSize(30);
        for (String to : recipients) {
            assertThat(smtp.getReceivedMessagesForDomain(to)).hasSize(1);
        }
    }

    @Test
    void failuresAreRetriedWithBackoffThenTheMessageIsDead() throws Exception {
        var eve = data.aCustomer().create();
        QuarkusTransaction.requiringNew()
                .run(() -> outbox.email(eve.email(), "no_such_kind", "en", Map.of("x", "y"), "broken:" + eve.id()));

        dispatcher.dispatch();
        OutboxMessage first = data.fresh(() -> outbox.forRecipient(eve.email()).get(0));
        assertThat(first.status).isEqualTo("RETRY");
        assertThat(first.attempts).isEqualTo(1);
        assertThat(first.nextAttemptAt).isEqualTo(clock.now().plus(Duration.ofMinutes(1)));

        dispatcher.dispatch();
        assertThat(data.fresh(() -> outbox.forRecipient(eve.email()).get(0).attempts))
                .isEqualTo(1);

        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofHours(2));
            dispatcher.dispatch();
        }
        OutboxMessage dead = data.fresh(() -> outbox.forRecipient(eve.email()).get(0));
        assertThat(dead.status).isEqualTo("DEAD");
        assertThat(dead.attempts).isEqualTo(6);
        assertThat(dead.lastError).contains("no_such_kind");
        assertThat(smtp.getReceivedMessagesForDomain(eve.email())).isEmpty();

        // Clerks see it among the failed messages and can put it back in line.
        String clerk = data.staff(app.billfold.identity.Role.CLERK, "clerk-pw");
        app.billfold.support.WebSession console = app.billfold.support.WebSession.signedIn(clerk, "clerk-pw");
        assertThat(console.get("/console/messages?status=DEAD").asString()).contains(eve.email());
        assertThat(console.get("/console/messages?to=" + eve.email()).asString())
                .contains("Messages to " + eve.email())
                .contains("no_such_kind");
        assertThat(console.get("/console/messages?status=SENT&to=" + eve.email())
                        .asString())
                .doesNotContain("no_such_kind");
        assertThat(console.post("/console/messages/" + dead.id + "/resend", Map.of())
                        .statusCode())
                .isEqualTo(303);
        OutboxMessage again = data.fresh(() -> outbox.forRecipient(eve.email()).get(0));
        assertThat(again.status).isEqualTo("PENDING");
        assertThat(again.attempts).isZero();
        var sent = console.post("/console/messages/" + dead.id + "/resend", Map.of());
        assertThat(sent.statusCode()).isEqualTo(409);
        assertThat(sent.asString()).contains("Only a failed message can be sent again.");
    }

    private static String bodies(Multipart multipart) throws Exception {
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

    private static BodyPart attachment(Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getFileName() != null) {
                return part;
            }
        }
        throw new AssertionError("no attachment");
    }
}
