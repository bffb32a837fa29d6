package app.billfold.identity;

import app.billfold.audit.AuditLog;
import app.billfold.common.NotFoundException;
import app.billfold.common.PublicLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A forgotten password (local sign-in): a link valid one hour goes to the address, if it has a
 * sign-in; the asker is told the same either way. The link carries a keyed fingerprint of the
 * password it replaces, so it works once: after the change (or any other change of password) it no
 * longer matches. Changing the password ends every session of the user.
 */
@ApplicationScoped
public class PasswordReset {

    static final String PURPOSE = "password-reset";
    static final Duration VALID = Duration.ofHours(1);
    static final Duration STAFF_INVITATION_VALID = Duration.ofDays(3);

    @Inject
    Signer signer;

    @Inject
    IdentityMode mode;

    @Inject
    AppUserRepository users;

    @Inject
    LocalAccounts accounts;

    @Inject
    PublicLinks links;

    @Inject
    AuditLog audit;

    @Inject
    Event<SignInLinkIssued> issued;

    /** Records the e-mail with the link when the address has an enabled local sign-in; else nothing. */
    @Transactional
    public void request(String email) {
        if (!mode.local() || email == null || email.isBlank()) {
            return;
        }
        users.findByEmail(email).filter(PasswordReset::resettable).ifPresent(user -> {
            String link = signer.sign(PURPOSE, user.id + "|" + fingerprint(user), VALID);
            var customer = user.customer;
            issued.fire(new SignInLinkIssued(
                    SignInLinkIssued.Kind.PASSWORD_RESET,
                    customer == null ? null : customer.id,
                    user.email,
                    customer == null ? "" : customer.name,
                    customer != null ? customer.language : user.language == null ? "en" : user.language,
                    links.to("/password/reset?link=" + URLEncoder.encode(link, StandardCharsets.UTF_8))));
            audit.record(user.email, "user.password.reset-requested", "user:" + user.id, null);
        });
    }

    /**
     * Records the invitation e-mail of a new staff member (local mode): the same single-use link as
     * a forgotten password, valid three days, since the member's password is one nobody knows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void inviteStaff(AppUser user) {
        String link = signer.sign(PURPOSE, user.id + "|" + fingerprint(user), STAFF_INVITATION_VALID);
        issued.fire(new SignInLinkIssued(
                SignInLinkIssued.Kind.STAFF_INVITATION,
                null,
                user.email,
                "",
                user.language == null ? "en" : user.language,
                links.to("/password/reset?link=" + URLEncoder.encode(link, StandardCharsets.UTF_8))));
    }

    /** The user the link is for, while it is unexpired and the password it was made for is unchanged. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AppUser> read(String link) {
        return signer.verify(PURPOSE, link)
                .map(v -> v.split("\\|", 2))
                .filter(v -> v.length == 2)
                .flatMap(v -> users.findByIdOptional(Long.valueOf(v[0]))
                        .filter(PasswordReset::resettable)
                        .filter(u -> fingerprint(u).equals(v[1])));
    }

    /**
     * Sets the new password (InvalidInputException, field "password", when it breaks the rule) and
     * ends all the user's sessions; NotFoundException when the link no longer works.
     */
    @Transactional
    public AppUser reset(String link, String password) {
        AppUser user = read(link).orElseThrow(() -> new NotFoundException("password reset link"));
        accounts.changePassword(user.id, password);
        audit.record(user.email, "user.password.reset", "user:" + user.id, "all sessions ended");
        return user;
    }

    private static boolean resettable(AppUser user) {
        return user.enabled && user.passwordHash != null && user.keycloakId == null;
    }

    private String fingerprint(AppUser user) {
        return signer.digest("password-reset-state", user.id + "|" + user.passwordHash);
    }
}
