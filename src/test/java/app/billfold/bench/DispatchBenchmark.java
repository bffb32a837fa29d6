package app.billfold.bench;

import app.billfold.notify.OutboxDispatcher;
import app.billfold.support.PostgresTestDatabase;
import app.billfold.support.TestData;
import app.billfold.support.TestPorts;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.activation.DataHandler;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The dispatch benchmark (README, "Benchmarks"): N e-bills (each with its Factur-X PDF) waiting in
 * the outbox, sent by the dispatcher to GreenMail in this JVM; beside it the ceiling, a raw loop
 * sending as many messages of the same size over the same connection settings (one JavaMail
 * transport). Prints RESULT dispatch; never fails for a slow figure.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class DispatchBenchmark {

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

    @Test
    void dispatch() throws Exception {
        int mails = Integer.getInteger("benchmark.mails", 10_000);
        var customer = data.aCustomer().paperless().create();
        data.anInvoice(customer.account())
                .withLine("Water", "1", "42.00", "5.5")
                .issue();
        long template;
        try (Connection c = PostgresTestDatabase.connect();
                Statement s = c.createStatement();
                var found =
                        s.executeQuery("select id from outbox_message where kind = 'invoice_issued' and customer_id = "
                                + customer.id() + " order by id limit 1")) {
            found.next();
            template = found.getLong(1);
        }
        // Send the issue's own message first: it warms up rendering and gives the size of a mail.
        dispatcher.dispatch();
        smtp.waitForIncomingEmail(1);
        MimeMessage sample = smtp.getReceivedMessages()[0];
        byte[] pdf = attachment(sample);
        smtp.purgeEmailFromAllMailboxes();

        String tag = UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = PostgresTestDatabase.connect();
                Statement s = c.createStatement()) {
            s.execute("insert into outbox_message (channel, recipient, kind, language, payload, dedupe_key, status,"
                    + " created_at, attempts, customer_id) select channel, recipient, kind, language, payload,"
                    + " 'bench-" + tag
                    + "-' || g, 'PENDING', now(), 0, customer_id from outbox_message, generate_series(1, "
                    + mails + ") g where id = " + template);
        }
        long start = System.nanoTime();
        int sent = 0;
        while (sent < mails) {
            int batch = dispatcher.dispatch();
            if (batch == 0) {
                break;
            }
            sent += batch;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSecond = sent / seconds;
        smtp.purgeEmailFromAllMailboxes();

        double ceiling = rawLoop(mails, pdf, sample.getSubject(), sample.getAllRecipients()[0].toString());
        smtp.purgeEmailFromAllMailboxes();
        System.out.printf(
                "%n=== Dispatch benchmark: %d e-bills with a %d KiB PDF to GreenMail ===%n"
                        + "dispatcher: %d sent in %.1f s%nraw JavaMail loop, one connection: %.1f mails/s%n",
                mails, pdf.length / 1024, sent, seconds, ceiling);
        Results.print("dispatch", perSecond, "mails/s", perSecond / ceiling);
    }

    /**
     * The ceiling: one SMTP connection, the same host and port, N messages with the same PDF to the
     * same recipient as the dispatcher's (GreenMail keeps a mailbox per recipient).
     */
    private static double rawLoop(int count, byte[] pdf, String subject, String to) throws Exception {
        Properties settings = new Properties();
        settings.put("mail.smtp.host", "127.0.0.1");
        settings.put("mail.smtp.port", String.valueOf(TestPorts.smtp()));
        Session session = Session.getInstance(settings);
        long start = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < count; i++) {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress("billing@billfold.invalid"));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
                message.setSubject(subject);
                MimeBodyPart text = new MimeBodyPart();
                text.setText("Your bill is attached.");
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
                file.setFileName("bill.pdf");
                message.setContent(new MimeMultipart(text, file));
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static byte[] attachment(MimeMessage message) throws Exception {
        if (message.getContent() instanceof MimeMultipart parts) {
            byte[] found = find(parts);
            if (found != null) {
                return found;
            }
        }
        return new byte[64 * 1024];
    }

    private static byte[] find(MimeMultipart parts) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (part.getContent() instanceof MimeMultipart nested) {
                byte[] found = find(nested);
                if (found != null) {
                    return found;
                }
            } else if (part.getContentType().toLowerCase().contains("pdf")) {
                return part.getInputStream().readAllBytes();
            }
        }
        return null;
    }
}
