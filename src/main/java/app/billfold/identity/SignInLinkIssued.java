package app.billfold.identity;

/**
 * A link that lets a customer or staff member create or recover their sign-in was made, to be e-mailed to them in
 * the same transaction. The identity package does not send messages itself (notify depends on it).
 */
public record SignInLinkIssued(Kind kind, Long customerId, String email, String name, String language, String url) {

    public enum Kind {
        /** A clerk invited the customer to create a sign-in with the address on file. */
        INVITATION,
        /** Someone asked for a link to choose a new password (forgotten password). */
        PASSWORD_RESET,
        /** An admin invited a clerk or admin (local mode), who chooses their password with the link. */
        STAFF_INVITATION,
        /** A signed-in customer asked to sign in with a new address: the link, sent to it, confirms it. */
        EMAIL_CHANGE,
    }
}
