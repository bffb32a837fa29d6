package app.billfold.invoice;

import java.math.BigDecimal;

/**
 * Payments' money that no bill took (a clerk recorded more than the account owed): account credit
 * like the rest of a credit note, kept by the payment feature, which owns the payment ledger.
 * {@link CreditNotes} is the one way in for issuing and refunding, so that every source of account
 * credit is spent by the same rules under the same account lock.
 */
public interface UnallocatedPayments {

    /** What the account's succeeded payments still hold, not taken by a bill or refunded. */
    BigDecimal available(Long accountId);

    /** Settles as much of a newly issued invoice as the account's payments hold, oldest first. */
    void applyTo(Invoice invoice);

    /**
     * Records that up to {@code amount} of the payments' rest went back to the customer in this
     * refund; returns how much it took.
     */
    BigDecimal refunded(Long accountId, Long refundId, BigDecimal amount);
}
