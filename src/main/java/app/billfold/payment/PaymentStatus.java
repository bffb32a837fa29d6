package app.billfold.payment;

public enum PaymentStatus {
    SUCCEEDED
}
