package app.billfold.payment.sandbox;

import java.util.Map;
import java.util.Optional;

/**
 * What a sandbox test number does when charged. The documented test numbers (README, "Sandbox
 * payments") mirror those of well-known processors.
 */
public enum SandboxOutcome {
    SUCCEEDS(null, false),
    GENERIC_DECLINE("generic_decline", true),
    INSUFFICIENT_FUNDS("insufficient_funds", false),
    EXPIRED_CARD("expired_card", true),
    PROCESSING_ERROR("processing_error", false),
    ACCOUNT_CLOSED("account_closed", true);

    static final Map<String, SandboxOutcome> CARDS = Map.of(
            "4242424242424242", SUCCEEDS,
            "5555555555554444", SUCCEEDS,
            "4000000000000002", GENERIC_DECLINE,
            "4000000000009995", INSUFFICIENT_FUNDS,
            "4000000000000069", EXPIRED_CARD,
            "4000000000000119", PROCESSING_ERROR);

    static final Map<String, SandboxOutcome> BANK_ACCOUNTS = Map.of(
            "000123456789", SUCCEEDS,
            "000111111113", ACCOUNT_CLOSED);

    final String declineCode;
    final boolean hard;

    SandboxOutcome(String declineCode, boolean hard) {
        this.declineCode = declineCode;
        this.hard = hard;
    }

    static Optional<SandboxOutcome> ofCard(String number) {
        return Optional.ofNullable(CARDS.get(number));
    }

    static Optional<SandboxOutcome> ofBankAccount(String number) {
        return Optional.ofNullable(BANK_ACCOUNTS.get(number));
    }
}
