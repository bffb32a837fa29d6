package app.billfold.identity;

/** What a signed-in person may do. The names are also the security roles checked on pages. */
public enum Role {
    CUSTOMER("customer"),
    CLERK("clerk"),
    ADMIN("admin");

    public static final String CUSTOMER_ROLE = "customer";
    public static final String CLERK_ROLE = "clerk";
    public static final String ADMIN_ROLE = "admin";

    private final String securityRole;

    Role(String securityRole) {
        this.securityRole = securityRole;
    }

    public String securityRole() {
        return securityRole;
    }
}
