package app.billfold.identity;

/**
 * A customer's sign-in (and address on file) moved to a new e-mail address: the old address is told,
 * in the same transaction, so that its owner learns of a change they did not make.
 */
public record SignInEmailChanged(Long customerId, String oldEmail, String newEmail, String name, String language) {}
