package app.billfold.identity;

import app.billfold.account.Customer;
import app.billfold.audit.AuditLog;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.NotFoundException;
import app.billfold.common.PublicLinks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A signed-in customer (local mode) moving their sign-in to a new e-mail address. The current
 * password is asked (as for a new password: the address is how a password is recovered), then a
 * link valid one day goes to the new address; nothing changes until it is followed, so a mistyped
 * address changes nothing. Following it moves the sign-in and the customer's address on file
 * together (bills and notices go where the customer signs in) and tells the old address. The link
 * carries a keyed fingerprint of the address it replaces, so it works once. An address that another
 * sign-in holds is refused without saying whose.
 */
@ApplicationScoped
public class EmailChange {

    static final String PURPOSE = "email-change";
    static final Duration VALID = Duration.ofDays(1);

    /** What a good link asks: this user to sign in with {@code newEmail} instead of {@code oldEmail}. */
    public record Pending(Long userId, String oldEmail, String newEmail) {}

    @Inject
    AppUserRepository users;

    @Inject
    LocalAccounts accounts;

    @Inject
    SignInThrottle throttle;

    @Inject
    Signer signer;

    @Inject
    PublicLinks links;

    @Inject
    AuditLog audit;

    @Inject
    Event<SignInLinkIssued> issued;

    @Inject
    Event<SignInEmailChanged> changed;

    /**
     * Records the confirmation e-mail to the new address. Throws InvalidInputException (fields
     * "current", "email") for a wrong password, the address already in use or taken by another
     * sign-in, and BusinessRuleException (profile_error_wait) after too many wrong passwords.
     */
    public void request(Long userId, String current, String newEmail, String client) {
        AppUser user = local(userId);
        if (throttle.waitUntil(user.email, client).isPresent()) {
            throw new BusinessRuleException("profile_error_wait");
        }
        FieldErrors errors = new FieldErrors();
        if (accounts.verify(user.email, current).isEmpty()) {
            errors.reject("current", "profile_error_current_wrong");
            QuarkusTransaction.requiringNew().run(() -> {
                throttle.failed(user.email, client);
                audit.record(user.email, "user.email.change-refused", "user:" + userId, "wrong current password");
            });
        }
        String address = newEmail.strip().toLowerCase(Locale.ROOT);
        if (address.equals(user.email)) {
            errors.reject("email", "profile_error_email_same");
        } else if (QuarkusTransaction.requiringNew()
                .call(() -> users.findByEmail(address).isPresent())) {
            errors.reject("email", "profile_error_email_taken");
        }
        errors.throwIfAny();
        QuarkusTransaction.requiringNew().run(() -> {
            AppUser fresh = local(userId);
            Customer customer = fresh.customer;
            String link = signer.sign(PURPOSE, fresh.id + "|" + address + "|" + fingerprint(fresh), VALID);
            issued.fire(new SignInLinkIssued(
                    SignInLinkIssued.Kind.EMAIL_CHANGE,
                    customer == null ? null : customer.id,
                    address,
                    customer == null ? "" : customer.name,
                    language(fresh),
                    links.to("/email-change?link=" + URLEncoder.encode(link, StandardCharsets.UTF_8))));
            audit.record(fresh.email, "user.email.change-requested", "user:" + fresh.id, address);
        });
    }

    /** What the link asks, while it is unexpired and the sign-in still has the address it was made for. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Pending> read(String link) {
        return signer.verify(PURPOSE, link)
                .map(v -> v.split("\\|", 3))
                .filter(v -> v.length == 3)
                .flatMap(v -> users.findByIdOptional(Long.valueOf(v[0]))
                        .filter(u -> u.enabled && u.keycloakId == null)
                        .filter(u -> fingerprint(u).equals(v[2]))
                        .map(u -> new Pending(u.id, u.email, v[1])));
    }

    /**
     * Moves the sign-in and the customer's address on file to the new address and records the
     * notice to the old one. NotFoundException when the link no longer works;
     * BusinessRuleException (profile_error_email_taken) when another sign-in took the address since.
     */
    @Transactional
    public Pending confirm(String link) {
        Pending pending = read(link).orElseThrow(() -> new NotFoundException("e-mail change link"));
        if (users.findByEmail(pending.newEmail()).isPresent()) {
            throw new BusinessRuleException("profile_error_email_taken");
        }
        AppUser user = users.findById(pending.userId());
        user.email = pending.newEmail();
        Customer customer = user.customer;
        if (customer != null) {
            String before = customer.email;
            customer.email = pending.newEmail();
            // A new address has not bounced: notices may go to it again.
            customer.emailFailedAt = null;
            customer.emailFailure = null;
            audit.change(
                    pending.newEmail(),
                    "customer.email",
                    "customer:" + customer.id,
                    "confirmed by the customer",
                    before,
                    pending.newEmail());
        }
        audit.change(
                pending.newEmail(),
                "user.email",
                "user:" + user.id,
                "confirmed by a link to the new address",
                pending.oldEmail(),
                pending.newEmail());
        changed.fire(new SignInEmailChanged(
                customer == null ? null : customer.id,
                pending.oldEmail(),
                pending.newEmail(),
                customer == null ? "" : customer.name,
                language(user)));
        return pending;
    }

    private AppUser local(Long userId) {
        return accounts.find(userId)
                .filter(u -> u.enabled && u.passwordHash != null && u.keycloakId == null)
                .orElseThrow(() -> new NotFoundException("local user " + userId));
    }

    private static String language(AppUser user) {
        if (user.language != null) {
            return user.language;
        }
        return user.customer != null && user.customer.language != null ? user.customer.language : "en";
    }

    private String fingerprint(AppUser user) {
        return signer.digest("email-change-state", user.id + "|" + user.email);
    }
}
