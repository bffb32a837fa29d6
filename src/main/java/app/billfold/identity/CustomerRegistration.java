package app.billfold.identity;

import app.billfold.account.Account;
import app.billfold.account.Customer;
import app.billfold.audit.AuditLog;
import app.billfold.payment.GuestAccess;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Self-registration in Keycloak mode: whoever holds a bill proves it with the account number and
 * the postcode printed on it (the guest-pay check, with its lockout) and gives an e-mail. A bill
 * alone must not open the whole customer to whoever read it, so a Keycloak user is made only when
 * that e-mail is the address the biller already holds for the customer: Keycloak then mails it to
 * verify it and choose a password, which proves control of that address. For any other address
 * nothing is created. Whether anything was created is never revealed: the answer is "check your
 * inbox" either way. The Billfold record is written only after Keycloak has the user, and if
 * writing it fails the Keycloak user is deleted again.
 */
@ApplicationScoped
public class CustomerRegistration {

    public enum Outcome {
        CHECK_INBOX,
        NO_MATCH
    }

    @Inject
    GuestAccess access;

    @Inject
    KeycloakDirectory directory;

    @Inject
    AppUserRepository users;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Throws KeycloakDirectory.Unavailable when Keycloak cannot be reached: then nothing is written. */
    public Outcome register(String accountNumber, String postcode, String email, String client) {
        Optional<Account> account = access.prove(accountNumber, postcode, client);
        if (account.isEmpty()) {
            return Outcome.NO_MATCH;
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        Long customerId = account.get().customer.id;
        String onFile = QuarkusTransaction.requiringNew().call(() -> Customer.<Customer>findById(customerId).email);
        if (onFile == null || !onFile.strip().equalsIgnoreCase(address)) {
            QuarkusTransaction.requiringNew()
                    .run(() -> audit.record(
                            address, "user.register.refused", "customer:" + customerId, "not the address on file"));
            return Outcome.CHECK_INBOX;
        }
        if (QuarkusTransaction.requiringNew()
                .call(() -> users.findByEmail(address).isPresent())) {
            return Outcome.CHECK_INBOX;
        }
        Optional<String> created = directory.create(address, Role.CUSTOMER, customerId);
        if (created.isEmpty()) {
            return Outcome.CHECK_INBOX;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                AppUser user = new AppUser();
                user.email = address;
                user.role = Role.CUSTOMER;
                user.customer = Customer.findById(customerId);
                user.enabled = true;
                user.keycloakId = created.get();
                user.createdAt = Instant.now(clock);
                users.persist(user);
                audit.record(address, "user.register", "customer:" + customerId, "Keycloak user " + created.get());
            });
        } catch (RuntimeException e) {
            directory.deleteQuietly(created.get());
            throw e;
        }
        return Outcome.CHECK_INBOX;
    }
}
