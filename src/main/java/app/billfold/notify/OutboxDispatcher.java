package app.billfold.notify;

import app.billfold.common.ThisNode;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends what the outbox holds, e-mail through the mailer and SMS through Twilio, in three steps so
 * that no database transaction or row lock ever waits on a provider: claim due rows (FOR UPDATE SKIP
 * LOCKED, so several nodes share the work; status SENDING with this node and the time) and commit;
 * send outside any transaction, several at once; record each outcome in a short transaction. It is
 * at-least-once: a node that dies between sending and recording leaves the row SENDING, and once
 * its lease has run out another node sends it again, an e-mail with the same Message-ID (fixed at
 * the first claim, so receiving servers drop the second copy), an SMS only after Twilio was asked
 * whether it already went. A failure is retried with exponential backoff (one minute, doubling, at
 * most an hour) and after the last try the message is dead and shown to clerks.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);
    static final int BATCH = 20;

    @Inject
    EntityManager em;

    @Inject
    EmailComposer composer;

    @Inject
    Mailer mailer;

    @Inject
    Clock clock;

    @Inject
    SmsGateway sms;

    @Inject
    SmsConsents consents;

    @Inject
    DeliveryFailures failures;

    @Inject
    ThisNode node;

    @Inject
    jakarta.transaction.TransactionManager transactions;

    @Inject
    app.billfold.biller.Biller biller;

    @ConfigProperty(name = "billfold.outbox.max-attempts", defaultValue = "6")
    int maxAttempts;

    /** How long a claim holds: a row still SENDING after this is taken for lost and sent again. */
    @ConfigProperty(name = "billfold.outbox.lease", defaultValue = "PT5M")
    Duration lease;

    /** Messages sent at once by this node (each on its own pooled SMTP connection or Twilio request). */
    @ConfigProperty(name = "billfold.outbox.senders", defaultValue = "4")
    int senders;

    private ExecutorService pool;

    /** Test seams (null in production): run just before the provider call, and between it and recording. */
    static volatile java.util.function.Consumer<Claim> beforeSend;

    static volatile java.util.function.Consumer<Claim> afterSend;

    @Scheduled(
            identity = "outbox-dispatcher",
            every = "{billfold.outbox.dispatch-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        dispatch();
    }

    @PreDestroy
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /**
     * Sends every message that is due; returns how many went out. Rendering needs a request context
     * (Qute reaches for the current request), which a job's thread does not have by itself.
     */
    @ActivateRequestContext
    public int dispatch() {
        int sent = 0;
        while (true) {
            Batch batch = QuarkusTransaction.requiringNew().call(this::claim);
            sent += sendAll(batch.claims());
            if (batch.examined() < BATCH) {
                return sent;
            }
        }
    }

    /** A message claimed for sending, with all it needs to go out without the database. */
    record Claim(
            long id,
            Channel channel,
            Instant claimedAt,
            Mail mail,
            String to,
            String text,
            Instant unknownSince,
            boolean code) {}

    /** What came of one send. */
    record Outcome(String providerId, RuntimeException error) {
        static Outcome sent(String providerId) {
            return new Outcome(providerId, null);
        }

        static Outcome failed(RuntimeException error) {
            return new Outcome(null, error);
        }
    }

    /** The rows looked at in one claim, and those of them to send. */
    record Batch(int examined, List<Claim> claims) {}

    /**
     * Claims up to a batch of due messages (new, to retry, or SENDING past their lease) in the
     * caller's transaction: those that no longer apply are skipped, an SMS in the quiet hours waits,
     * the others become SENDING and are rendered here, while the database is at hand.
     */
    Batch claim() {
        // At the database's precision, so that the claim read back is the one made here.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<?> ids = em.createNativeQuery(
                        "select id from outbox_message where status in ('PENDING', 'RETRY', 'SENDING')"
                                + " and (next_attempt_at is null or next_attempt_at <= ?1)"
                                + " order by id limit " + BATCH + " for update skip locked")
                .setParameter(1, now)
                .getResultList();
        List<Claim> claims = new ArrayList<>();
        for (Object id : ids) {
            OutboxMessage message = em.find(OutboxMessage.class, ((Number) id).longValue());
            if ("SENDING".equals(message.status)) {
                LOG.warnf(
                        "Message %d was left sending by %s at %s; sending it again",
                        message.id, message.claimedBy, message.claimedAt);
            }
            if (!stillApplies(message)) {
                message.status = "SKIPPED";
                continue;
            }
            Optional<Claim> claim =
                    Channel.SMS.name().equals(message.channel) ? claimSms(message, now) : claimEmail(message, now);
            claim.ifPresent(claims::add);
        }
        return new Batch(ids.size(), claims);
    }

    private Optional<Claim> claimEmail(OutboxMessage message, Instant now) {
        if (message.providerId == null) {
            // Fixed before the first try and kept on every later one, so copies can be told apart.
            message.providerId = composer.newMessageId(message);
        }
        Mail mail;
        try {
            mail = composer.compose(message);
        } catch (RuntimeException e) {
            failed(message, e, now);
            return Optional.empty();
        }
        lease(message, now);
        return Optional.of(new Claim(message.id, Channel.EMAIL, now, mail, message.recipient, null, null, false));
    }

    /**
     * An SMS goes only to a number that consented and did not opt out since (else the notice takes
     * the other channel), and never in the quiet hours of the customer's time zone (else the
     * biller's): then it waits for the morning, without counting as a try. A code that proves a
     * number goes without consent (it is how consent is asked for), at any hour (the customer is
     * waiting for it).
     */
    private Optional<Claim> claimSms(OutboxMessage message, Instant now) {
        boolean code = PhoneVerification.KIND.equals(message.kind);
        if (!code) {
            if (!consents.allows(message.recipient)) {
                message.status = "SKIPPED";
                message.lastError = "no SMS consent for this number";
                failures.deliverElsewhere(message);
                return Optional.empty();
            }
            Instant allowed = QuietHours.nextAllowed(now, zoneOf(message));
            if (allowed.isAfter(now)) {
                if ("SENDING".equals(message.status)) {
                    message.status = "RETRY";
                }
                message.nextAttemptAt = allowed;
                return Optional.empty();
            }
        }
        String body;
        try {
            body = SmsText.of(
                    message.kind,
                    message.language,
                    EmailComposer.payload(message.payload),
                    biller.settings().legalName);
        } catch (RuntimeException e) {
            failed(message, e, now);
            return Optional.empty();
        }
        // A claim still set from an earlier try means that try's outcome is unknown (the node died,
        // or Twilio's answer was lost): Twilio is asked before sending again.
        Instant unknownSince = message.claimedAt;
        lease(message, now);
        return Optional.of(new Claim(message.id, Channel.SMS, now, null, message.recipient, body, unknownSince, code));
    }

    private void lease(OutboxMessage message, Instant now) {
        message.status = "SENDING";
        message.claimedAt = now;
        message.claimedBy = node.name();
        message.nextAttemptAt = now.plus(lease);
    }

    /** Sends the claims side by side (outside any transaction) and records each outcome. */
    private int sendAll(List<Claim> claims) {
        if (claims.isEmpty()) {
            return 0;
        }
        if (senders <= 1 || claims.size() == 1) {
            int sent = 0;
            for (Claim claim : claims) {
                sent += sendAndRecord(claim) ? 1 : 0;
            }
            return sent;
        }
        List<Future<Boolean>> running = new ArrayList<>();
        for (Claim claim : claims) {
            running.add(pool().submit(() -> sendAndRecord(claim)));
        }
        int sent = 0;
        for (Future<Boolean> one : running) {
            try {
                sent += one.get() ? 1 : 0;
            } catch (ExecutionException e) {
                // Its row stays SENDING and is taken again when the lease runs out.
                LOG.error("Recording a message's outcome failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sent;
            }
        }
        return sent;
    }

    private boolean sendAndRecord(Claim claim) {
        Outcome outcome = send(claim);
        if (afterSend != null) {
            afterSend.accept(claim);
        }
        return record(claim, outcome);
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(senders, r -> {
                Thread thread = new Thread(r, "outbox-sender");
                thread.setDaemon(true);
                return thread;
            });
        }
        return pool;
    }

    /** Calls the provider. Never inside a transaction: nothing in the database waits on SMTP or Twilio. */
    Outcome send(Claim claim) {
        if (inTransaction()) {
            throw new IllegalStateException("a message must not be sent inside a database transaction");
        }
        if (beforeSend != null) {
            beforeSend.accept(claim);
        }
        try {
            if (claim.channel() == Channel.EMAIL) {
                mailer.send(claim.mail());
                return Outcome.sent(null);
            }
            if (claim.unknownSince() != null) {
                Optional<String> already = sms.find(claim.to(), claim.text(), claim.unknownSince());
                if (already.isPresent()) {
                    LOG.infof("SMS %d had gone out before (%s): not sent again", claim.id(), already.get());
                    return Outcome.sent(already.get());
                }
            }
            return Outcome.sent(sms.send(claim.to(), claim.text()));
        } catch (RuntimeException e) {
            return Outcome.failed(e);
        }
    }

    /** Whether the calling thread has a transaction: a send must never have one. */
    boolean inTransaction() {
        try {
            return transactions.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION;
        } catch (jakarta.transaction.SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Records what came of a send in a short transaction of its own, unless the claim was taken
     * over meanwhile (this node looked dead): then the node holding it records. Returns whether the
     * message went out.
     */
    boolean record(Claim claim, Outcome outcome) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxMessage message = em.find(OutboxMessage.class, claim.id());
            if (!"SENDING".equals(message.status)
                    || !node.name().equals(message.claimedBy)
                    || !claim.claimedAt().equals(message.claimedAt)) {
                LOG.warnf(
                        "Message %d was taken over by %s; its outcome here is not recorded",
                        claim.id(), message.claimedBy);
                return false;
            }
            Instant now = Instant.now(clock);
            try {
                return outcome.error() == null ? sent(message, outcome, now) : notSent(message, outcome.error(), now);
            } finally {
                if (claim.code() && !"SENDING".equals(message.status) && !"RETRY".equals(message.status)) {
                    // Sent, or never to be: the code has no business staying readable here.
                    message.payload = "code=(sent)";
                }
            }
        });
    }

    private boolean sent(OutboxMessage message, Outcome outcome, Instant now) {
        message.status = "SENT";
        message.sentAt = now;
        message.claimedAt = null;
        if (Channel.SMS.name().equals(message.channel)) {
            message.providerId = outcome.providerId();
            message.delivery = "queued";
        }
        return true;
    }

    private boolean notSent(OutboxMessage message, RuntimeException e, Instant now) {
        if (e instanceof SmsGateway.Refused refused) {
            // Twilio answered: nothing went out, so nothing to look up before the next try.
            message.claimedAt = null;
            if (refused.permanent) {
                message.attempts++;
                message.status = "DEAD";
                message.lastError = refused.getMessage();
                if (refused.code == SmsGateway.UNSUBSCRIBED) {
                    consents.optOut(message.recipient, "Twilio: number unsubscribed (21610)");
                }
                failures.failedForGood(message, refused.getMessage());
                return false;
            }
        } else if (Channel.EMAIL.name().equals(message.channel)) {
            message.claimedAt = null;
        }
        // An SMS whose call failed without Twilio's answer keeps its claim time: it may have gone.
        failed(message, e, now);
        return false;
    }

    private java.time.ZoneId zoneOf(OutboxMessage message) {
        app.billfold.account.Customer customer =
                message.customerId == null ? null : em.find(app.billfold.account.Customer.class, message.customerId);
        if (customer != null && customer.timeZone != null) {
            return java.time.ZoneId.of(customer.timeZone);
        }
        return biller.settings().zone();
    }

    /** A reminder for a bill paid or voided since it was written, or an autopay notice after autopay stopped, is not sent. */
    private boolean stillApplies(OutboxMessage message) {
        if (!EmailComposer.REMINDERS.contains(message.kind)) {
            return true;
        }
        String invoiceId = EmailComposer.payload(message.payload).get("reminderFor");
        app.billfold.invoice.Invoice invoice =
                invoiceId == null ? null : em.find(app.billfold.invoice.Invoice.class, Long.valueOf(invoiceId));
        if (invoice == null || !invoice.status.isPayable()) {
            return false;
        }
        return !"autopay_notice".equals(message.kind) || invoice.account.autopayMethodId != null;
    }

    private void failed(OutboxMessage message, RuntimeException e, Instant now) {
        message.attempts++;
        String error = String.valueOf(e.getMessage());
        message.lastError = error.length() > 500 ? error.substring(0, 500) : error;
        if (message.attempts >= maxAttempts) {
            message.status = "DEAD";
            LOG.warnf("Message %d is dead after %d tries: %s", message.id, message.attempts, message.lastError);
            // The address may still be good (so it is not marked failed), but this notice is late:
            // it goes on the other channel, or its bill on paper.
            failures.deliverElsewhere(message);
        } else {
            message.status = "RETRY";
            long minutes = Math.min(60, 1L << (message.attempts - 1));
            message.nextAttemptAt = now.plus(Duration.ofMinutes(minutes));
        }
    }
}
