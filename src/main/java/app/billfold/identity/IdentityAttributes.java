package app.billfold.identity;

/**
 * Names of the security-identity attributes that tie a signed-in person to Billfold's records.
 * Whatever signs people in (local sessions now, Keycloak later) must set them.
 */
public final class IdentityAttributes {

    public static final String USER_ID = "billfold.userId";
    public static final String CUSTOMER_ID = "billfold.customerId";
    public static final String LANGUAGE = "billfold.language";

    private IdentityAttributes() {}
}
