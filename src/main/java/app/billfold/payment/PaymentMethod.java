package app.billfold.payment;

/** How money reached the biller. Offline methods are recorded by clerks. */
public enum PaymentMethod {
    CHEQUE,
    CASH,
    TRANSFER;
}
