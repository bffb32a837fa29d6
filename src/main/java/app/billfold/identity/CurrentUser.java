package app.billfold.identity;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is asking, as pages and templates need it. Every portal query is scoped by {@link #customerId()}. */
@RequestScoped
@Named("currentUser")
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public String email() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean isCustomer() {
        return identity.hasRole(Role.CUSTOMER_ROLE);
    }

    public boolean isStaff() {
        return identity.hasRole(Role.CLERK_ROLE) || identity.hasRole(Role.ADMIN_ROLE);
    }

    public boolean isAdmin() {
        return identity.hasRole(Role.ADMIN_ROLE);
    }

    public Long userId() {
        return identity.getAttribute(IdentityAttributes.USER_ID);
    }

    /** The signed-in customer's id; fails for anyone else, so that a portal query can never run unscoped. */
    public Long customerId() {
        Long id = identity.getAttribute(IdentityAttributes.CUSTOMER_ID);
        if (id == null) {
            throw new ForbiddenException("not a customer");
        }
        return id;
    }

    /** The user's id in Keycloak (Keycloak mode), whether or not Billfold has a record of them. */
    public String keycloakId() {
        return identity.getPrincipal() instanceof JsonWebToken token ? token.getSubject() : null;
    }

    /** The id of this browser's local session (its row), or null in Keycloak mode. */
    public Long sessionId() {
        return identity.isAnonymous() ? null : identity.getAttribute(IdentityAttributes.SESSION_ID);
    }

    public String language() {
        return identity.getAttribute(IdentityAttributes.LANGUAGE);
    }

    /** Where this person lands after signing in. */
    public String home() {
        return isStaff() ? "/console" : "/portal";
    }
}
