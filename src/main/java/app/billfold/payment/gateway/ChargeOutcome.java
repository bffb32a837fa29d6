package app.billfold.payment.gateway;

public enum ChargeOutcome {
    SUCCEEDED,
    DECLINED,
    /** The processor has no charge with that key: it was never made. */
    NOT_FOUND
}
