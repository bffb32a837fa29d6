package app.billfold.identity;

import app.billfold.audit.AuditLog;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.NotFoundException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A signed-in user (local mode) choosing a new password on their profile. The current password is
 * asked first, so that a browser left signed in is not enough to lock its owner out; a wrong one
 * counts against the sign-in like a failed sign-in ({@link SignInThrottle}), so the form cannot be
 * used to guess it. The new one follows {@link PasswordRule}. Every session of the user ends
 * (invariant 11), this browser's too, and this browser gets a new session at once: the person who
 * made the change carries on, and every copy of an old cookie is worthless.
 */
@ApplicationScoped
public class OwnPassword {

    @Inject
    LocalAccounts accounts;

    @Inject
    UserSessions sessions;

    @Inject
    SignInThrottle throttle;

    @Inject
    AuditLog audit;

    /**
     * Changes the password and returns the id of this browser's new session. Throws
     * InvalidInputException (fields "current", "password", "confirm") when something is wrong, and
     * BusinessRuleException (id_error_wait) after too many wrong current passwords.
     */
    public String change(
            Long userId, String current, String password, String confirm, String client, String userAgent) {
        AppUser user = accounts.find(userId)
                .filter(u -> u.passwordHash != null && u.keycloakId == null)
                .orElseThrow(() -> new NotFoundException("local user " + userId));
        if (throttle.waitUntil(user.email, client).isPresent()) {
            throw new BusinessRuleException("profile_error_wait");
        }
        FieldErrors errors = new FieldErrors();
        if (accounts.verify(user.email, current).isEmpty()) {
            errors.reject("current", "profile_error_current_wrong");
            QuarkusTransaction.requiringNew().run(() -> {
                throttle.failed(user.email, client);
                audit.record(user.email, "user.password.change-refused", "user:" + userId, "wrong current password");
            });
        }
        if (password == null || !password.equals(confirm)) {
            errors.reject("confirm", "error_password_confirm");
        }
        errors.throwIfAny();
        return QuarkusTransaction.requiringNew().call(() -> {
            accounts.changePassword(userId, password);
            audit.record(user.email, "user.password.change", "user:" + userId, "every session ended, this one renewed");
            return sessions.start(userId, client, userAgent);
        });
    }
}
