package app.billfold.identity;

import app.billfold.account.Customer;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.NotFoundException;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Users who sign in with a password kept (hashed) by Billfold itself: the embedded default. */
@ApplicationScoped
public class LocalAccounts {

    // A real hash of a random password: checking against it when the e-mail is unknown takes as
    // long as a real check, so response times do not tell which addresses have users.
    private static final String DUMMY_HASH =
            BcryptUtil.bcryptHash(java.util.UUID.randomUUID().toString());

    @Inject
    AppUserRepository users;

    @Inject
    PasswordRule passwordRule;

    @Inject
    UserSessions sessions;

    @Inject
    Clock clock;

    /**
     * Creates a user with this password as given: for callers that applied {@link PasswordRule}
     * already (staff invites, the first admin) and for loaders of demo and test data.
     */
    @Transactional
    public AppUser create(String email, String password, Role role, Customer customer) {
        AppUser user = new AppUser();
        user.email = email.strip().toLowerCase(Locale.ROOT);
        user.passwordHash = BcryptUtil.bcryptHash(password);
        user.role = role;
        user.customer = customer;
        user.enabled = true;
        user.createdAt = Instant.now(clock);
        users.persist(user);
        return user;
    }

    /** Whether the customer already has a sign-in (a guest is then asked to sign in, not to create one). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasSignIn(Long customerId) {
        return users.count("customer.id", customerId) > 0;
    }

    /**
     * Whether a customer may create a sign-in for this address: only for the address the biller
     * already holds for them, so that whoever proved one bill (and an address they typed) cannot
     * take over the customer; anyone else asks the biller to record their address first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayRegister(String email, Long customerId) {
        Customer customer = Customer.findById(customerId);
        return customer != null
                && email != null
                && customer.email != null
                && customer.email.strip().equalsIgnoreCase(email.strip());
    }

    /**
     * A customer creating their own sign-in, having proved control of the address (a link mailed to
     * it). Refused when the address is not the one on file for the customer, or already has a
     * sign-in; throws InvalidInputException (field "password") when the password breaks the rule.
     */
    @Transactional
    public AppUser register(String email, String password, Long customerId) {
        if (!mayRegister(email, customerId)) {
            throw new BusinessRuleException("error_register_not_on_file");
        }
        FieldErrors errors = new FieldErrors();
        passwordRule.check(errors, "password", password, email);
        errors.throwIfAny();
        if (users.findByEmail(email).isPresent()) {
            throw new BusinessRuleException("error_email_taken");
        }
        return create(email, password, Role.CUSTOMER, Customer.findById(customerId));
    }

    /**
     * Sets a new password, checked by the rule (InvalidInputException, field "password"), and ends
     * every session of the user (invariant 11): whoever knew the old password is signed out. A page
     * that changes the password of the person in front of it signs them in anew afterwards.
     */
    @Transactional
    public void changePassword(Long userId, String newPassword) {
        AppUser user = users.findByIdOptional(userId).orElseThrow(() -> new NotFoundException("user " + userId));
        FieldErrors errors = new FieldErrors();
        passwordRule.check(errors, "password", newPassword, user.email);
        errors.throwIfAny();
        user.passwordHash = BcryptUtil.bcryptHash(newPassword);
        sessions.endAll(userId, SessionEnd.PASSWORD_CHANGED);
    }

    /** The user with this e-mail and password, if enabled. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AppUser> verify(String email, String password) {
        // Nothing longer can be a password here (the rule's cap, and earlier rules' 200): no hash for it.
        if (email == null || password == null || email.isBlank() || password.isEmpty() || password.length() > 256) {
            return Optional.empty();
        }
        Optional<AppUser> user = users.findByEmail(email);
        String hash = user.map(u -> u.passwordHash).orElse(null);
        boolean matches = BcryptUtil.matches(password, hash == null ? DUMMY_HASH : hash);
        return user.filter(u -> matches && hash != null && u.enabled);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AppUser> find(Long id) {
        return users.findByIdOptional(id);
    }

    @Transactional
    public void setLanguage(Long userId, String language) {
        AppUser user = users.findByIdOptional(userId).orElseThrow(() -> new NotFoundException("user " + userId));
        user.language = language;
    }
}
