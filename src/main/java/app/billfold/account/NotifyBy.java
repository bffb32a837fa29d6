package app.billfold.account;

/** How a customer wants their notices: by e-mail, by SMS, or both. */
public enum NotifyBy {
    EMAIL,
    SMS,
    BOTH;

    public boolean email() {
        return this != SMS;
    }

    public boolean sms() {
        return this != EMAIL;
    }
}
