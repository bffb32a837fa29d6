package app.billfold.identity;

import app.billfold.audit.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Signing out. Locally the session ends on the server, so a copy of the cookie is worth nothing
 * afterwards; "everywhere" ends every session of the user at once, on every node. In Keycloak mode
 * the sessions are Keycloak's: "everywhere" ends them all there through the admin API (this browser
 * then goes through the OIDC logout), and other browsers lose their sign-in when their tokens can
 * no longer be refreshed.
 */
@ApplicationScoped
public class SignOut {

    @Inject
    UserSessions sessions;

    @Inject
    IdentityMode mode;

    @Inject
    KeycloakDirectory directory;

    @Inject
    AuditLog audit;

    /** Ends the local session this browser id stands for, if any. */
    public void here(String token, SessionEnd why) {
        if (mode.local() && token != null && !token.isEmpty()) {
            sessions.end(token, why);
        }
    }

    /**
     * Ends every session of the signed-in user: locally their sessions here, in Keycloak mode their
     * Keycloak sessions too. Throws KeycloakDirectory.Unavailable when Keycloak cannot be reached.
     */
    public void everywhere(CurrentUser who) {
        if (mode.keycloak() && who.keycloakId() != null) {
            directory.logout(who.keycloakId());
        }
        Long userId = who.userId();
        QuarkusTransaction.requiringNew().run(() -> {
            int ended = userId == null ? 0 : sessions.endAll(userId, SessionEnd.SIGNED_OUT_EVERYWHERE);
            audit.record(
                    who.email(),
                    "sign-out.everywhere",
                    userId == null ? "keycloak:" + who.keycloakId() : "user:" + userId,
                    mode.keycloak() ? "Keycloak sessions ended" : ended + " session(s) ended");
        });
    }
}
