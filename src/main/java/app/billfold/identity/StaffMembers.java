package app.billfold.identity;

import app.billfold.audit.AuditLog;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.NotFoundException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Clerks and admins. In Keycloak mode an admin invites one by e-mail: Keycloak creates the user
 * with the role and sends the e-mail to set a password; in local mode the admin gives a first
 * password. Disabling a member disables their Keycloak user too (and ends their sessions), Keycloak
 * first, so that a failure there leaves both as they were.
 */
@ApplicationScoped
public class StaffMembers {

    @Inject
    AppUserRepository users;

    @Inject
    KeycloakDirectory directory;

    @Inject
    IdentityMode mode;

    @Inject
    LocalAccounts local;

    @Inject
    AuditLog audit;

    @Inject
    java.time.Clock clock;

    public List<AppUser> all() {
        return QuarkusTransaction.requiringNew().call(users::staff);
    }

    /** Invites (Keycloak) or creates (local) a staff member; throws InvalidInputException on bad input. */
    public AppUser invite(String email, String roleName, String password, String actor) {
        FieldErrors errors = new FieldErrors();
        String address = FormInput.email(errors, "email", email, true);
        Role role = "ADMIN".equals(roleName) ? Role.ADMIN : "CLERK".equals(roleName) ? Role.CLERK : null;
        if (role == null) {
            errors.reject("role", "error_required");
        }
        if (mode.local() && (password == null || password.length() < 12 || password.length() > 200)) {
            errors.reject("password", "error_password_length");
        }
        errors.throwIfAny();
        if (QuarkusTransaction.requiringNew()
                .call(() -> users.findByEmail(address).isPresent())) {
            throw new BusinessRuleException("error_email_taken");
        }
        if (mode.local()) {
            AppUser user = local.create(address, password, role, null);
            QuarkusTransaction.requiringNew()
                    .run(() -> audit.record(actor, "staff.create", "user:" + user.id, address + " " + role));
            return user;
        }
        Optional<String> created = directory.create(address, role, null);
        if (created.isEmpty()) {
            throw new BusinessRuleException("error_email_taken");
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                AppUser user = new AppUser();
                user.email = address;
                user.role = role;
                user.enabled = true;
                user.keycloakId = created.get();
                user.createdAt = java.time.Instant.now(clock);
                users.persist(user);
                audit.record(actor, "staff.invite", "user:" + user.id, address + " " + role);
                return user;
            });
        } catch (RuntimeException e) {
            directory.deleteQuietly(created.get());
            throw e;
        }
    }

    /** Enables or disables a staff member, in Keycloak first. */
    public void setEnabled(Long userId, boolean enabled, String actor) {
        AppUser user = QuarkusTransaction.requiringNew()
                .call(() -> users.findByIdOptional(userId)
                        .filter(u -> u.role != Role.CUSTOMER)
                        .orElseThrow(() -> new NotFoundException("staff member " + userId)));
        if (user.keycloakId != null) {
            directory.setEnabled(user.keycloakId, enabled);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            AppUser fresh = users.findById(userId);
            boolean before = fresh.enabled;
            fresh.enabled = enabled;
            audit.change(
                    actor,
                    enabled ? "staff.enable" : "staff.disable",
                    "user:" + userId,
                    fresh.email,
                    before ? "enabled" : "disabled",
                    enabled ? "enabled" : "disabled");
        });
    }
}
