package app.billfold.payment.gateway;

public enum MethodKind {
    CARD,
    BANK
}
