package app.billfold.identity;

import app.billfold.account.Customer;
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
    Clock clock;

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

    /** A customer creating their own sign-in; refused if the e-mail already has one. */
    @Transactional
    public AppUser register(String email, String password, Long customerId) {
        if (users.findByEmail(email).isPresent()) {
            throw new app.billfold.common.BusinessRuleException("error_email_taken");
        }
        return create(email, password, Role.CUSTOMER, Customer.findById(customerId));
    }

    /** The user with this e-mail and password, if enabled. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AppUser> verify(String email, String password) {
        if (email == null || password == null || email.isBlank() || password.isEmpty() || password.length() > 200) {
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
