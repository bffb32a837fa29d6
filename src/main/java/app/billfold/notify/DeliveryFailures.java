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
 * channel), and the undelivered notice itself goes again on the other channel; when no other
 * channel can reach the customer, or the other one failed too, the bill the notice was about goes
 * to the print queue, so a paperless customer never silently misses a bill. Each failed message
 * records where its notice went next, so the message log shows the chain.
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

    @Inject
    PrintQueue printQueue;

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
        deliverElsewhere(message);
    }

    /**
     * The notice of a message that will not go out (failed for good, dead after its tries, or not
     * allowed on its channel) goes on the other channel, else its bill goes on paper.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deliverElsewhere(OutboxMessage message) {
        if (message.followedBy != null) {
            return;
        }
        if (fallBack(message)) {
            message.followedBy = Channel.valueOf(message.channel).other().name();
            return;
        }
        Long bill = billOf(message);
        if (bill != null && message.customerId != null) {
            printQueue.addUndelivered(bill, message.id);
            message.followedBy = "PRINT";
            LOG.infof("Message %d reached no channel: bill %d goes to the print queue", message.id, bill);
        }
    }

    /**
     * Sends the notice again on the other channel, if that one can reach the customer and was not
     * tried already in this chain (a fallback that fails goes to paper, never back and forth).
     */
    private boolean fallBack(OutboxMessage message) {
        Customer customer = customerOf(message);
        if (customer == null || message.fallbackOf != null) {
            return false;
        }
        Channel other = Channel.valueOf(message.channel).other();
        if ((other == Channel.SMS && !SmsText.KINDS.contains(message.kind)) || !notice.reaches(customer, other)) {
            return false;
        }
        String key = message.dedupeKey + ":fallback";
        boolean recorded = outbox.record(
                other,
                customer.id,
                other == Channel.EMAIL ? customer.email : customer.phone,
                message.kind,
                message.language,
                EmailComposer.payload(message.payload),
                key);
        if (recorded) {
            OutboxMessage.<OutboxMessage>find("dedupeKey", key).firstResult().fallbackOf = message.id;
        }
        return recorded;
    }

    /** The bill a notice is about: the issued bill itself, or the one a reminder is for. */
    private static Long billOf(OutboxMessage message) {
        var payload = EmailComposer.payload(message.payload);
        String id = payload.getOrDefault("invoiceId", payload.get("reminderFor"));
        try {
            return id == null ? null : Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Customer customerOf(OutboxMessage message) {
        return message.customerId == null ? null : Customer.findById(message.customerId);
    }
}
