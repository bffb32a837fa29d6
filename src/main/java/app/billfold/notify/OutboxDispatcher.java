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
 * Sends what the outbox holds, e-mail through the mailer and SMS through Twilio. Rows are claimed with FOR UPDATE SKIP LOCKED, so several nodes can
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

    @Inject
    SmsGateway sms;

    @Inject
    SmsConsents consents;

    @Inject
    DeliveryFailures failures;

    @Inject
    app.billfold.biller.Biller biller;

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

    /** Claims up to a batch of due messages and tries each; returns {claimed, sent}. */
    int[] dispatchBatch() {
        Instant now = Instant.now(clock);
        List<?> ids = em.createNativeQuery("select id from outbox_message where status in ('PENDING', 'RETRY')"
                        + " and (next_attempt_at is null or next_attempt_at <= ?1)"
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
            boolean done = Channel.SMS.name().equals(message.channel) ? sendSms(message, now) : sendEmail(message, now);
            if (done) {
                sent++;
            }
        }
        return new int[] {ids.size(), sent};
    }

    private boolean sendEmail(OutboxMessage message, Instant now) {
        try {
            mailer.send(composer.compose(message));
            message.status = "SENT";
            message.sentAt = now;
            message.providerId = EmailComposer.messageId(message);
            return true;
        } catch (RuntimeException e) {
            failed(message, e, now);
            return false;
        }
    }

    /**
     * An SMS goes only to a number that consented and did not opt out since (else the notice takes
     * the other channel), and never in the quiet hours of the customer's time zone (else the
     * biller's): then it waits for the morning, without counting as a try.
     */
    private boolean sendSms(OutboxMessage message, Instant now) {
        // A code that proves a number goes without consent (it is how consent is asked for), at any
        // hour (the customer is waiting for it), and never falls back to e-mail (no customer on it).
        boolean code = PhoneVerification.KIND.equals(message.kind);
        try {
            return code ? deliver(message, now) : sendNotice(message, now);
        } finally {
            if (code && !"PENDING".equals(message.status) && !"RETRY".equals(message.status)) {
                // Sent, or never to be: the code has no business staying readable here.
                message.payload = "code=(sent)";
            }
        }
    }

    private boolean sendNotice(OutboxMessage message, Instant now) {
        if (!consents.allows(message.recipient)) {
            message.status = "SKIPPED";
            message.lastError = "no SMS consent for this number";
            failures.deliverElsewhere(message);
            return false;
        }
        Instant allowed = QuietHours.nextAllowed(now, zoneOf(message));
        if (allowed.isAfter(now)) {
            message.nextAttemptAt = allowed;
            return false;
        }
        return deliver(message, now);
    }

    private boolean deliver(OutboxMessage message, Instant now) {
        try {
            String body = SmsText.of(
                    message.kind,
                    message.language,
                    EmailComposer.payload(message.payload),
                    biller.settings().legalName);
            message.providerId = sms.send(message.recipient, body);
            message.status = "SENT";
            message.sentAt = now;
            message.delivery = "queued";
            return true;
        } catch (SmsGateway.Refused e) {
            if (!e.permanent) {
                failed(message, e, now);
                return false;
            }
            message.attempts++;
            message.status = "DEAD";
            message.lastError = e.getMessage();
            if (e.code == SmsGateway.UNSUBSCRIBED) {
                consents.optOut(message.recipient, "Twilio: number unsubscribed (21610)");
            }
            failures.failedForGood(message, e.getMessage());
            return false;
        } catch (RuntimeException e) {
            failed(message, e, now);
            return false;
        }
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
