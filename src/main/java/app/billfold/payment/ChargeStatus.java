package app.billfold.payment;

public enum ChargeStatus {
    /** Recorded, with its key, before the processor is called. */
    PENDING,
    /**
     * Sent, outside any transaction or lock, and not answered yet: counted as under way by other
     * payments on the account; asked about by the reconciler only if its sender died.
     */
    SENDING,
    SUCCEEDED,
    FAILED,
    /** No answer came back; settled later by asking the processor about the key. */
    UNKNOWN,
    /** Never sent: by the time it could go, there was nothing left to pay. */
    CANCELLED,
    /** The payer was sent to the processor's page to pay there; the page's outcome is read back. */
    HOSTED,
    /** The processor accepted it but the money settles later (a bank debit): not paid, not to charge again. */
    PROCESSING
}
