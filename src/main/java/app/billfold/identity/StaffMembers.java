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
 * Clerks and admins. An admin invites one by e-mail and never knows their password: in Keycloak
 * mode Keycloak creates the user with the role and sends the e-mail to set a password; in local
 * mode Billfold creates the user with a password nobody knows and e-mails a single-use link (three
 * days) to choose one, under the {@link PasswordRule}. Disabling a member ends their sessions at once and
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
    PasswordReset passwords;

    @Inject
    UserSessions sessions;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public List<AppUser> all() {
        return QuarkusTransaction.requiringNew().call(users::staff);
    }

    /** Invites a staff member by e-mail; throws InvalidInputException on bad input. */
    public AppUser invite(String email, String roleName, String actor) {
        FieldErrors errors = new FieldErrors();
        String address = FormInput.email(errors, "email", email, true);
        Role role = "ADMIN".equals(roleName) ? Role.ADMIN : "CLERK".equals(roleName) ? Role.CLERK : null;
        if (role == null) {
            errors.reject("role", "error_required");
        }
        errors.throwIfAny();
        if (QuarkusTransaction.requiringNew()
                .call(() -> users.findByEmail(address).isPresent())) {
            throw new BusinessRuleException("error_email_taken");
        }
        if (mode.local()) {
            return QuarkusTransaction.requiringNew().call(() -> {
                AppUser user = local.create(address, unguessable(), role, null);
                passwords.inviteStaff(user);
                audit.record(actor, "staff.invite", "user:" + user.id, address + " " + role);
                return user;
            });
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

    /** A first password nobody is told: the member chooses their own through the e-mailed link. */
    private static String unguessable() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
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
