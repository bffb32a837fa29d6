package app.billfold.notify;

/** The ways a notice reaches a customer. */
public enum Channel {
    EMAIL,
    SMS;

    public Channel other() {
        return this == EMAIL ? SMS : EMAIL;
    }
}
