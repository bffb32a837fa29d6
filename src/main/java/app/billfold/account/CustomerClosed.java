package app.billfold.account;

/** The customer's last open account was closed: nobody should sign in for them any more. */
public record CustomerClosed(Long customerId, String actor) {}
