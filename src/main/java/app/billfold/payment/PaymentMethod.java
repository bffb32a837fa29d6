package app.billfold.payment;

/** How money reached the biller. Cheque, cash and transfer are recorded by clerks; card and bank come through the gateway. */
public enum PaymentMethod {
    CHEQUE,
    CASH,
    TRANSFER,
    CARD,
    BANK;

    public static final java.util.List<PaymentMethod> OFFLINE = java.util.List.of(CHEQUE, CASH, TRANSFER);
}
