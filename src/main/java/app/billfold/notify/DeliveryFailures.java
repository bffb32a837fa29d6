package app.billfold.notify;

import app.billfold.account.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * What happens when a message cannot be delivered: a bounced e-mail or an SMS that failed for good
 * marks that channel as failed on the customer (clerks see it, and later notices take the other
 * channel), and the undelivered notice itself goes again on the other channel, so a paperless
 * customer never silently misses a bill.
 */
@ApplicationScoped
public class DeliveryFailures {

    private static final Logger LOG = Logger.getLogger(DeliveryFailures.class);

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    CustomerNotice notice;

    /** The message will never be delivered to its address: mark the channel failed, then fall back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failedForGood(OutboxMessage message, String reason) {
        Customer customer = customerOf(message);
        if (customer == null) {
            return;
        }
        String why = reason.length() > 200 ? reason.substring(0, 200) : reason;
        if (Channel.EMAIL.name().equals(message.channel) && message.recipient.equalsIgnoreCase(customer.email)) {
            customer.emailFailedAt = Instant.now(clock);
            customer.emailFailure = why;
        } else if (Channel.SMS.name().equals(message.channel) && message.recipient.equals(customer.phone)) {
            customer.smsFailedAt = Instant.now(clock);
            customer.smsFailure = why;
        }
        LOG.infof("%s to customer %d failed for good: %s", message.channel, customer.id, why);
        fallBack(message);
    }

    /** Sends the notice again on the other channel, if that one can reach the customer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean fallBack(OutboxMessage message) {
        Customer customer = customerOf(message);
        if (customer == null) {
            return false;
        }
        Channel other = Channel.valueOf(message.channel).other();
        if ((other == Channel.SMS && !SmsText.KINDS.contains(message.kind)) || !notice.reaches(customer, other)) {
            return false;
        }
        return outbox.record(
                other,
                customer.id,
                other == Channel.EMAIL ? customer.email : customer.phone,
                message.kind,
                message.language,
                EmailComposer.payload(message.payload),
                message.dedupeKey + ":fallback");
    }

    private static Customer customerOf(OutboxMessage message) {
        return message.customerId == null ? null : Customer.findById(message.customerId);
    }
}
