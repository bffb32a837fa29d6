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
    ACCOUNT_CLOSED("account_closed", true),
    /** A bank debit: processing for days, then it settles. */
    DEBIT_SETTLES(null, false),
    /** A bank debit: processing for days, then returned unpaid for insufficient funds (soft). */
    DEBIT_RETURNED_NO_FUNDS("insufficient_funds", false),
    /** A bank debit: processing for days, then returned because the payer revoked the mandate. */
    DEBIT_RETURNED_REVOKED("mandate_revoked", true);

    static final Map<String, SandboxOutcome> CARDS = Map.of(
            "4242424242424242", SUCCEEDS,
            "5555555555554444", SUCCEEDS,
            "4000000000000002", GENERIC_DECLINE,
            "4000000000009995", INSUFFICIENT_FUNDS,
            "4000000000000069", EXPIRED_CARD,
            "4000000000000119", PROCESSING_ERROR);

    static final Map<String, SandboxOutcome> BANK_ACCOUNTS = Map.of(
            "000123456789", SUCCEEDS,
            "000111111113", ACCOUNT_CLOSED,
            "000222222227", DEBIT_SETTLES,
            "000333333335", DEBIT_RETURNED_NO_FUNDS,
            "000444444440", DEBIT_RETURNED_REVOKED);

    final String declineCode;
    final boolean hard;

    SandboxOutcome(String declineCode, boolean hard) {
        this.declineCode = declineCode;
        this.hard = hard;
    }

    /** Settles days after the charge, as a SEPA debit does, instead of at once. */
    boolean settlesLater() {
        return this == DEBIT_SETTLES || this == DEBIT_RETURNED_NO_FUNDS || this == DEBIT_RETURNED_REVOKED;
    }

    boolean succeeds() {
        return this == SUCCEEDS || this == DEBIT_SETTLES;
    }

    static Optional<SandboxOutcome> ofCard(String number) {
        return Optional.ofNullable(CARDS.get(number));
    }

    static Optional<SandboxOutcome> ofBankAccount(String number) {
        return Optional.ofNullable(BANK_ACCOUNTS.get(number));
    }
}
