package app.billfold.autopay;

public enum AutopayStatus {
    SCHEDULED,
    DONE,
    /** Given up: a hard decline, the last retry failed, or the card expired. Clerks see it. */
    FAILED
}
