package app.billfold.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.billfold.common.ThisNode;
import app.billfold.support.PostgresTestDatabase;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import app.billfold.support.TestPorts;
import app.billfold.support.TwilioStandIn;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox's provider calls happen outside database transactions, and a node that dies between a
 * send and its record neither loses the message nor sends it twice in practice: the e-mail goes
 * again with the same Message-ID, an SMS is looked up at Twilio before it is sent again.
 */
@QuarkusTest
class OutboxCrashTest {

    static GreenMail smtp;

    /** What a kill -9 between the provider's answer and the commit does to the thread: it stops. */
    static final class Crash extends Error {
        Crash() {
            super("simulated crash between send and record");
        }
    }

    @Inject
    TestData data;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    TestClock clock;

    @Inject
    ThisNode node;

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
        TwilioStandIn.acceptEverything();
    }

    @AfterEach
    void reset() {
        OutboxDispatcher.beforeSend = null;
        OutboxDispatcher.afterSend = null;
        clock.reset();
    }

    @Test
    void anEmailSentByANodeThatDiedBeforeRecordingIsSentAgainWithTheSameMessageIdAndRecordedOnce() throws Exception {
        var ann = data.aCustomer().paperless().create();
        data.anInvoice(ann.account()).withLine("Water", "1", "20", "0").issue();
        OutboxDispatcher.afterSend = claim -> {
            throw new Crash();
        };

        assertThatThrownBy(dispatcher::dispatch).isInstanceOf(Crash.class);

        List<MimeMessage> first = mailsTo(ann.email());
        assertThat(first).hasSize(1);
        String messageId = first.get(0).getMessageID();
        OutboxMessage left = row(ann.id(), "EMAIL");
        assertThat(left.status).isEqualTo("SENDING");
        assertThat(left.claimedBy).isEqualTo(node.name());
        assertThat(left.providerId).as("fixed before the first try").isEqualTo(messageId);
        assertThat(messageId).matches("<outbox-" + left.id + "\\.[0-9a-f]{12}@billfold\\.invalid>");

        OutboxDispatcher.afterSend = null;
        assertThat(dispatcher.dispatch()).as("the claim's lease still holds").isZero();
        assertThat(mailsTo(ann.email())).hasSize(1);

        clock.advance(Duration.ofMinutes(6));
        assertThat(dispatcher.dispatch()).isEqualTo(1);

        List<MimeMessage> both = mailsTo(ann.email());
        assertThat(both).hasSize(2);
        assertThat(both.get(1).getMessageID())
                .as("the copy carries the same Message-ID, so the receiving side keeps one")
                .isEqualTo(messageId);
        OutboxMessage sent = row(ann.id(), "EMAIL");
        assertThat(sent.status).isEqualTo("SENT");
        assertThat(sent.providerId).isEqualTo(messageId);
        assertThat(sent.attempts).isZero();
        assertThat(data.fresh(() -> OutboxMessage.count("customerId = ?1 and channel = 'EMAIL'", ann.id())))
                .as("one record of the message")
                .isEqualTo(1);
        assertThat(dispatcher.dispatch()).isZero();
        assertThat(mailsTo(ann.email())).hasSize(2);
    }

    @Test
    void noTransactionIsOpenNorTheRowLockedWhileTheMailServerIsTalkedTo() throws Exception {
        var bea = data.aCustomer().paperless().create();
        data.anInvoice(bea.account()).withLine("Water", "1", "21", "0").issue();
        List<String> seen = new ArrayList<>();
        OutboxDispatcher.beforeSend = claim -> seen.add(whileSending(claim.id()));

        assertThat(dispatcher.dispatch()).isEqualTo(1);

        assertThat(seen).containsExactly("no transaction, row free, no session idle in a transaction on it");
        assertThat(row(bea.id(), "EMAIL").status).isEqualTo("SENT");
        assertThat(mailsTo(bea.email())).hasSize(1);
    }

    @Test
    void anSmsOfUnknownOutcomeThatTwilioSentIsRecordedWithItsSidAndNotSentAgain() throws Exception {
        var cal = data.aCustomer().textable("06 98 76 54 11").paperless().create();
        data.anInvoice(cal.account()).withLine("Water", "1", "22", "0").issue();
        OutboxDispatcher.afterSend = claim -> {
            if (claim.channel() == Channel.SMS) {
                throw new Crash();
            }
        };
        try {
            dispatcher.dispatch();
        } catch (Crash expected) {
            // the SMS's thread died; the e-mail may have been recorded
        }
        List<LoggedRequest> posts = smsTo("+33698765411");
        assertThat(posts).hasSize(1);
        String body = form(posts.get(0), "Body");
        assertThat(row(cal.id(), "SMS").status).isEqualTo("SENDING");

        // Twilio lists it among the messages sent to the number since the claim.
        String sid = "SM" + "a".repeat(32);
        TwilioStandIn.server()
                .stubFor(get(urlPathEqualTo(TwilioStandIn.MESSAGES_PATH))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody(TwilioStandIn.messageList(twilioMessage(sid, "+33698765411", body)))));
        OutboxDispatcher.afterSend = null;
        clock.advance(Duration.ofMinutes(6));
        dispatcher.dispatch();

        assertThat(smsTo("+33698765411")).as("not sent again").hasSize(1);
        OutboxMessage sms = row(cal.id(), "SMS");
        assertThat(sms.status).isEqualTo("SENT");
        assertThat(sms.providerId).isEqualTo(sid);
        var asked = TwilioStandIn.server()
                .findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        urlPathEqualTo(TwilioStandIn.MESSAGES_PATH)));
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).queryParameter("To").firstValue()).isEqualTo("+33698765411");
        assertThat(asked.get(0).queryParameter("DateSent>").isPresent()).isTrue();

        dispatcher.dispatch();
        assertThat(smsTo("+33698765411"))
                .as("a recorded sid is never sent again")
                .hasSize(1);
    }

    @Test
    void anSmsOfUnknownOutcomeThatTwilioDoesNotKnowIsSentAgainOnceAndRecordedOnce() throws Exception {
        var dee = data.aCustomer().textable("06 98 76 54 12").paperless().create();
        data.anInvoice(dee.account()).withLine("Water", "1", "23", "0").issue();
        AtomicReference<Long> crashed = new AtomicReference<>();
        OutboxDispatcher.afterSend = claim -> {
            if (claim.channel() == Channel.SMS) {
                crashed.set(claim.id());
                throw new Crash();
            }
        };
        try {
            dispatcher.dispatch();
        } catch (Crash expected) {
            // as above
        }
        assertThat(crashed.get()).isNotNull();
        OutboxDispatcher.afterSend = null;
        clock.advance(Duration.ofMinutes(6));
        dispatcher.dispatch();

        assertThat(smsTo("+33698765412"))
                .as("lost in Twilio's eyes: sent again")
                .hasSize(2);
        OutboxMessage sms = row(dee.id(), "SMS");
        assertThat(sms.status).isEqualTo("SENT");
        assertThat(sms.providerId).startsWith("SM");
        assertThat(data.fresh(() -> OutboxMessage.count("customerId = ?1 and channel = 'SMS'", dee.id())))
                .isEqualTo(1);
    }

    /** Looks at the database from outside while the dispatcher is about to talk to the provider. */
    private String whileSending(long outboxId) {
        List<String> problems = new ArrayList<>();
        if (dispatcher.inTransaction()) {
            problems.add("a transaction is active");
        }
        try (Connection c = PostgresTestDatabase.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock =
                    c.prepareStatement("select status from outbox_message where id = ? for update nowait")) {
                lock.setLong(1, outboxId);
                try (ResultSet r = lock.executeQuery()) {
                    r.next();
                    if (!"SENDING".equals(r.getString(1))) {
                        problems.add("claim not committed: " + r.getString(1));
                    }
                }
            } catch (java.sql.SQLException e) {
                problems.add("row locked: " + e.getMessage());
            }
            c.rollback();
            try (PreparedStatement idle = c.prepareStatement("select count(*) from pg_stat_activity"
                            + " where datname = current_database() and pid <> pg_backend_pid()"
                            + " and state like 'idle in transaction%' and query ilike '%outbox_message%'");
                    ResultSet r = idle.executeQuery()) {
                r.next();
                if (r.getLong(1) > 0) {
                    problems.add(r.getLong(1) + " sessions idle in a transaction on the outbox");
                }
            }
        } catch (java.sql.SQLException e) {
            problems.add(e.getMessage());
        }
        return problems.isEmpty()
                ? "no transaction, row free, no session idle in a transaction on it"
                : String.join("; ", problems);
    }

    private static String twilioMessage(String sid, String to, String body) {
        String now = java.time.format.DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", java.util.Locale.US)
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
        return "{\"sid\": \"" + sid + "\", \"to\": \"" + to + "\", \"from\": \"" + TwilioStandIn.FROM
                + "\", \"body\": " + json(body) + ", \"status\": \"delivered\", \"date_created\": \"" + now
                + "\", \"date_sent\": \"" + now + "\", \"account_sid\": \"" + TwilioStandIn.ACCOUNT_SID + "\"}";
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(email);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private OutboxMessage row(Long customerId, String channel) {
        return data.fresh(() -> OutboxMessage.<OutboxMessage>find(
                        "customerId = ?1 and channel = ?2 order by id", customerId, channel)
                .firstResult());
    }

    private static List<LoggedRequest> smsTo(String phone) {
        return TwilioStandIn.server()
                .findAll(postRequestedFor(urlPathEqualTo(TwilioStandIn.MESSAGES_PATH))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                                "To=" + phone.replace("+", "%2B"))));
    }

    private static String form(LoggedRequest request, String field) {
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(field)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + field + " in " + request.getBodyAsString());
    }
}
