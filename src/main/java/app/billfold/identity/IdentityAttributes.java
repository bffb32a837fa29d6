package app.billfold.identity;

/**
 * Names of the security-identity attributes that tie a signed-in person to Billfold's records.
 * Whatever signs people in (local sessions, Keycloak) must set them.
 */
public final class IdentityAttributes {

    public static final String USER_ID = "billfold.userId";
    public static final String CUSTOMER_ID = "billfold.customerId";
    public static final String LANGUAGE = "billfold.language";

    /** The id of a local session (its row), so that signing out can end it. */
    public static final String SESSION_ID = "billfold.sessionId";

    /**
     * A value that stands for this sign-in session and no other (a local session's hash, Keycloak's
     * session id): per-session secrets such as the anti-forgery token are derived from it.
     */
    public static final String SESSION_KEY = "billfold.sessionKey";

    private IdentityAttributes() {}
}
