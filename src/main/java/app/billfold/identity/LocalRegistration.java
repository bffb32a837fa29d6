package app.billfold.identity;

import app.billfold.account.Account;
import app.billfold.account.Customer;
import app.billfold.audit.AuditLog;
import app.billfold.payment.GuestAccess;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;

/**
 * Self-registration in local mode: the account number and a fact from a recent bill (its number or
 * its amount), and an e-mail. When that is the address the biller holds for the customer, the same
 * single-use link a clerk's invitation sends goes to it; the sign-in exists once the password is
 * chosen through it. Any other address gets the same "check your inbox" and nothing is sent, so a
 * bill alone never opens the customer to whoever read it. An account whose customer already has a
 * sign-in says so, without saying whose.
 */
@ApplicationScoped
public class LocalRegistration {

    public enum Outcome {
        CHECK_INBOX,
        NO_MATCH,
        ALREADY_CLAIMED
    }

    @Inject
    GuestAccess access;

    @Inject
    AppUserRepository users;

    @Inject
    SignInInvitation invitation;

    @Inject
    AuditLog audit;

    /** Throws BusinessRuleException (error_guest_locked) after too many wrong tries. */
    public Outcome register(String accountNumber, String billFact, String email, String client) {
        Optional<Account> account = access.proveByBill(accountNumber, billFact, client);
        if (account.isEmpty()) {
            return Outcome.NO_MATCH;
        }
        Long customerId = account.get().customer.id;
        String address = email.strip().toLowerCase(Locale.ROOT);
        return QuarkusTransaction.requiringNew().call(() -> {
            if (users.count("customer.id", customerId) > 0) {
                return Outcome.ALREADY_CLAIMED;
            }
            Customer customer = Customer.findById(customerId);
            if (customer.email == null || !customer.email.strip().equalsIgnoreCase(address)) {
                audit.record(address, "user.register.refused", "customer:" + customerId, "not the address on file");
                return Outcome.CHECK_INBOX;
            }
            if (invitation.mayInvite(customerId)) {
                invitation.send(customerId, "self-registration " + address);
            }
            return Outcome.CHECK_INBOX;
        });
    }
}
