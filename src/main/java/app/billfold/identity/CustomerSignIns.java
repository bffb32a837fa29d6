package app.billfold.identity;

import app.billfold.account.CustomerClosed;
import app.billfold.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * When a customer is closed, their sign-ins are disabled and their sessions end at once: in
 * Billfold, and in Keycloak for Keycloak users (which also ends their Keycloak sessions). It runs
 * inside the closing transaction, so Keycloak being down makes the closing fail as a whole instead
 * of leaving a sign-in open.
 */
@ApplicationScoped
public class CustomerSignIns {

    @Inject
    AppUserRepository users;

    @Inject
    KeycloakDirectory directory;

    @Inject
    UserSessions sessions;

    @Inject
    AuditLog audit;

    void disable(@Observes CustomerClosed closed) {
        for (AppUser user : users.list("customer.id = ?1 and enabled = true", closed.customerId())) {
            if (user.keycloakId != null) {
                directory.setEnabled(user.keycloakId, false);
            }
            user.enabled = false;
            sessions.endAll(user.id, SessionEnd.USER_DISABLED);
            audit.change(closed.actor(), "user.disable", "user:" + user.id, user.email, "enabled", "disabled");
        }
    }
}
