package app.billfold.notify;

import app.billfold.account.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Sends a notice to a customer on the channels they chose (e-mail, SMS or both), recorded in the
 * caller's transaction. A channel that failed for good (a bounced address, an unreachable number)
 * or an SMS number without consent is passed over for the other channel, so a notice reaches the
 * customer whenever one channel still works.
 */
@ApplicationScoped
public class CustomerNotice {

    public static final Set<Channel> ANY = EnumSet.allOf(Channel.class);

    @Inject
    Outbox outbox;

    @Inject
    SmsConsents consents;

    /**
     * Records the notice on each channel it goes to, under "{dedupeKey}:{channel}"; returns those
     * channels, empty when none can reach the customer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Channel> send(
            Customer customer, String kind, Map<String, String> payload, String dedupeKey, Set<Channel> offered) {
        Set<Channel> channels = channels(customer, offered);
        for (Channel channel : channels) {
            outbox.record(
                    channel,
                    customer.id,
                    channel == Channel.EMAIL ? customer.email : customer.phone,
                    kind,
                    customer.language,
                    payload,
                    dedupeKey + ":" + channel);
        }
        return channels;
    }

    /**
     * The channels a notice goes to: those the customer chose among those offered (or all they
     * chose, when the biller offers none of them for this notice), less the ones that cannot
     * reach them; when that leaves none, whichever channel still can.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Channel> channels(Customer customer, Set<Channel> offered) {
        Set<Channel> chosen = EnumSet.noneOf(Channel.class);
        if (customer.notifyBy.email()) {
            chosen.add(Channel.EMAIL);
        }
        if (customer.notifyBy.sms()) {
            chosen.add(Channel.SMS);
        }
        Set<Channel> wanted = EnumSet.copyOf(chosen);
        wanted.retainAll(offered);
        if (wanted.isEmpty()) {
            wanted = chosen;
        }
        Set<Channel> result = EnumSet.noneOf(Channel.class);
        for (Channel channel : wanted) {
            if (reaches(customer, channel)) {
                result.add(channel);
            }
        }
        if (result.isEmpty()) {
            for (Channel channel : Channel.values()) {
                if (reaches(customer, channel)) {
                    result.add(channel);
                    break;
                }
            }
        }
        return result;
    }

    /** Whether a message on the channel can reach the customer now. */
    public boolean reaches(Customer customer, Channel channel) {
        return switch (channel) {
            case EMAIL -> customer.email != null && !customer.email.isBlank() && customer.emailFailedAt == null;
            case SMS -> customer.phone != null && customer.smsFailedAt == null && consents.allows(customer.phone);
        };
    }
}
