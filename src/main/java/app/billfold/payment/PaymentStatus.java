package app.billfold.payment;

public enum PaymentStatus {
    SUCCEEDED,
    /** An offline payment taken back (a bounced cheque, a typing error): it counts until its reversal. */
    REVERSED
}
