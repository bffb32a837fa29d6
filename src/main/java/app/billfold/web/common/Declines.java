package app.billfold.web.common;

import app.billfold.payment.ChargeAttempt;
import java.util.Set;

/** The message that tells a payer why their payment was declined. */
public final class Declines {

    /** Decline codes with a message of their own; any other reads as a generic decline. */
    static final Set<String> KNOWN = Set.of(
            "generic_decline",
            "insufficient_funds",
            "expired_card",
            "processing_error",
            "account_closed",
            "authentication_required");

    private Declines() {}

    public static String messageKey(ChargeAttempt attempt) {
        return messageKey(attempt.declineCode);
    }

    public static String messageKey(String declineCode) {
        return "decline_" + (KNOWN.contains(declineCode) ? declineCode : "generic_decline");
    }
}
