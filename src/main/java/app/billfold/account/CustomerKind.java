package app.billfold.account;

public enum CustomerKind {
    PERSON,
    COMPANY
}
