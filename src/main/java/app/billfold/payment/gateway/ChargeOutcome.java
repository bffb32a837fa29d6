package app.billfold.payment.gateway;

public enum ChargeOutcome {
    SUCCEEDED,
    DECLINED,
    /** The processor has no charge with that key: it was never made. */
    NOT_FOUND,
    /** Accepted but not settled yet (a bank debit takes days): neither paid nor to be charged again. */
    PROCESSING,
    /** The payer is still on the processor's page and has not paid there yet. */
    OPEN
}
