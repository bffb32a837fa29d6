package app.billfold.notify;

import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends what the outbox holds. Rows are claimed with FOR UPDATE SKIP LOCKED, so several nodes can
 * dispatch at once without sending a message twice; a failure is retried with exponential backoff
 * (one minute, doubling, at most an hour) and after the last try the message is dead and shown to
 * clerks.
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

    @ConfigProperty(name = "billfold.outbox.max-attempts", defaultValue = "6")
    int maxAttempts;

    @Scheduled(
            identity = "outbox-dispatcher",
            every = "{billfold.outbox.dispatch-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        dispatch();
    }

    /**
     * Sends every message that is due; returns how many went out. Rendering needs a request context
     * (Qute reaches for the current request), which a job's thread does not have by itself.
     */
    @ActivateRequestContext
    public int dispatch() {
        int sent = 0;
        while (true) {
            int[] batch = QuarkusTransaction.requiringNew().call(this::dispatchBatch);
            sent += batch[1];
            if (batch[0] < BATCH) {
                return sent;
            }
        }
    }

    /** Claims up to a batch of due e-mails and tries each; returns {claimed, sent}. */
    int[] dispatchBatch() {
        Instant now = Instant.now(clock);
        List<?> ids = em.createNativeQuery("select id from outbox_message where status in ('PENDING', 'RETRY')"
                        + " and channel = 'EMAIL' and (next_attempt_at is null or next_attempt_at <= ?1)"
                        + " order by id limit " + BATCH + " for update skip locked")
                .setParameter(1, now)
                .getResultList();
        int sent = 0;
        for (Object id : ids) {
            OutboxMessage message = em.find(OutboxMessage.class, ((Number) id).longValue());
            if (!stillApplies(message)) {
                message.status = "SKIPPED";
                continue;
            }
            try {
                mailer.send(composer.compose(message));
                message.status = "SENT";
                message.sentAt = now;
                message.providerId = EmailComposer.messageId(message);
                sent++;
            } catch (RuntimeException e) {
                failed(message, e, now);
            }
        }
        return new int[] {ids.size(), sent};
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
        } else {
            message.status = "RETRY";
            long minutes = Math.min(60, 1L << (message.attempts - 1));
            message.nextAttemptAt = now.plus(Duration.ofMinutes(minutes));
        }
    }
}
