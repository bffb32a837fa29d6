package app.billfold.payment;

/** A refund's own state: only a succeeded one has given money back and reopened bills. */
public enum RefundStatus {
    /** Recorded, or sent and not settled yet (a bank refund takes days): the bills stay paid. */
    PENDING,
    SUCCEEDED,
    /** The processor could not give it back: nothing changed, the amount can be refunded again. */
    FAILED
}
