package app.billfold.identity;

import app.billfold.audit.AuditLog;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.NotFoundException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Clerks and admins. In Keycloak mode an admin invites one by e-mail: Keycloak creates the user
 * with the role and sends the e-mail to set a password; in local mode the admin gives a first
 * password, under the {@link PasswordRule}. Disabling a member ends their sessions at once and
 * disables their Keycloak user too (which ends their Keycloak sessions), Keycloak first, so that a
 * failure there leaves both as they were. The last active admin cannot be disabled: someone must
 * be left who can manage the biller.
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
    PasswordRule passwordRule;

    @Inject
    UserSessions sessions;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

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
        if (mode.local()) {
            passwordRule.check(errors, "password", password, address);
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
                user.createdAt = Instant.now(clock);
                users.persist(user);
                audit.record(actor, "staff.invite", "user:" + user.id, address + " " + role);
                return user;
            });
        } catch (RuntimeException e) {
            directory.deleteQuietly(created.get());
            throw e;
        }
    }

    /**
     * Enables or disables a staff member, in Keycloak first; disabling ends their sessions. Throws
     * BusinessRuleException when it would leave no active admin.
     */
    public void setEnabled(Long userId, boolean enabled, String actor) {
        AppUser user = QuarkusTransaction.requiringNew().call(() -> {
            AppUser found = users.findByIdOptional(userId)
                    .filter(u -> u.role != Role.CUSTOMER)
                    .orElseThrow(() -> new NotFoundException("staff member " + userId));
            if (!enabled) {
                refuseLastAdmin(found);
            }
            return found;
        });
        if (user.keycloakId != null) {
            directory.setEnabled(user.keycloakId, enabled);
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> record(userId, enabled, actor));
        } catch (BusinessRuleException e) {
            // Another admin was disabled meanwhile: give Keycloak back what it had.
            if (user.keycloakId != null) {
                directory.setEnabled(user.keycloakId, !enabled);
            }
            throw e;
        }
    }

    private void record(Long userId, boolean enabled, String actor) {
        AppUser fresh = users.findById(userId);
        if (!enabled) {
            refuseLastAdmin(fresh);
            sessions.endAll(userId, SessionEnd.USER_DISABLED);
        }
        boolean before = fresh.enabled;
        fresh.enabled = enabled;
        audit.change(
                actor,
                enabled ? "staff.enable" : "staff.disable",
                "user:" + userId,
                fresh.email,
                before ? "enabled" : "disabled",
                enabled ? "enabled" : "disabled");
    }

    /**
     * Refuses to disable the only enabled admin. The enabled admins' rows are locked first, so two
     * admins disabling each other at the same moment cannot both succeed.
     */
    private void refuseLastAdmin(AppUser user) {
        if (user.role != Role.ADMIN || !user.enabled) {
            return;
        }
        List<?> others = em.createNativeQuery(
                        "select id from app_user where role = 'ADMIN' and enabled = true and id <> ?1 order by id for update")
                .setParameter(1, user.id)
                .getResultList();
        if (others.isEmpty()) {
            throw new BusinessRuleException("error_last_admin");
        }
    }
}
