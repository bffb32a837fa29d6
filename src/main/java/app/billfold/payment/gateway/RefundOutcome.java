package app.billfold.payment.gateway;

/** Where a refund stands at the processor: a bank refund may stay pending for days, and may fail. */
public enum RefundOutcome {
    SUCCEEDED,
    PENDING,
    FAILED
}
