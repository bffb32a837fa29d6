package app.billfold.account;

public enum AccountStatus {
    ACTIVE,
    CLOSED
}
