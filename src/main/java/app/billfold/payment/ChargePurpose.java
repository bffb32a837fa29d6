package app.billfold.payment;

public enum ChargePurpose {
    PAY_NOW,
    AUTOPAY,
    GUEST
}
