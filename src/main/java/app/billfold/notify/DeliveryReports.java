package app.billfold.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;

/**
 * What providers report after a message left: Twilio's delivery statuses for SMS, a mail relay's
 * bounces for e-mail. A failed delivery turns the message dead (clerks see it) and sends the notice
 * on the other channel; a failure that will never heal also marks the channel failed.
 */
@ApplicationScoped
public class DeliveryReports {

    /** Twilio statuses after which nothing more happens to a message. */
    static final Set<String> FINAL = Set.of("delivered", "undelivered", "failed", "read");

    /**
     * Twilio delivery error codes that say the number will never take an SMS: blocked, unknown or
     * a landline, unsubscribed, not a mobile.
     */
    static final Set<String> NUMBER_DEAD = Set.of("30004", "30005", "30006", "21610", "21614");

    @Inject
    DeliveryFailures failures;

    @Inject
    SmsConsents consents;

    /** Records Twilio's status for the SMS it calls by that id; returns false for an unknown id. */
    @Transactional
    public boolean smsStatus(String providerId, String status, String errorCode) {
        OutboxMessage message = byProviderId(providerId, Channel.SMS);
        if (message == null) {
            return false;
        }
        String reported = status == null ? "" : status.strip().toLowerCase(java.util.Locale.ROOT);
        if (message.delivery != null && FINAL.contains(message.delivery) || reported.isEmpty()) {
            // Callbacks can arrive out of order: a late "sent" does not undo "delivered".
            return true;
        }
        message.delivery = reported;
        if ("undelivered".equals(reported) || "failed".equals(reported)) {
            message.status = "DEAD";
            message.lastError = "Twilio: " + reported + (errorCode == null ? "" : " (" + errorCode + ")");
            if (errorCode != null && NUMBER_DEAD.contains(errorCode)) {
                if ("21610".equals(errorCode)) {
                    consents.optOut(message.recipient, "Twilio: number unsubscribed (21610)");
                }
                failures.failedForGood(message, message.lastError);
            } else {
                failures.deliverElsewhere(message);
            }
        }
        return true;
    }

    /**
     * Records a bounce of the e-mail Billfold sent with that Message-ID. A permanent bounce marks the
     * address failed and re-sends the notice by SMS; a temporary one is only noted.
     */
    @Transactional
    public boolean emailBounced(String messageId, boolean permanent, String reason) {
        OutboxMessage message = byProviderId(messageId, Channel.EMAIL);
        if (message == null) {
            return false;
        }
        String why = "bounced: " + (reason == null || reason.isBlank() ? "no reason given" : reason.strip());
        if (!permanent) {
            message.delivery = "deferred";
            message.lastError = why.length() > 500 ? why.substring(0, 500) : why;
            return true;
        }
        if ("bounced".equals(message.delivery)) {
            return true;
        }
        message.delivery = "bounced";
        message.status = "DEAD";
        message.lastError = why.length() > 500 ? why.substring(0, 500) : why;
        failures.failedForGood(message, why);
        return true;
    }

    private static OutboxMessage byProviderId(String providerId, Channel channel) {
        if (providerId == null || providerId.isBlank()) {
            return null;
        }
        return OutboxMessage.<OutboxMessage>find("providerId = ?1 and channel = ?2", providerId.strip(), channel.name())
                .firstResult();
    }
}
