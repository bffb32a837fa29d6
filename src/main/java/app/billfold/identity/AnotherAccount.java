package app.billfold.identity;

import app.billfold.account.Account;
import app.billfold.audit.AuditLog;
import app.billfold.payment.GuestAccess;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A signed-in customer adding another account from a bill: the account number and a fact of a
 * recent bill, with the same check and lockout as registration. A sign-in sees the accounts of one
 * customer record, and the accounts belong to the customer the biller filed them under: an account
 * of the same customer is already on the sign-in; one filed under another customer is not moved by
 * the person holding its bill (that would change who is billed, whose autopay pays it and who sees
 * its history), so they are told to ask the biller, who can file it under their name. An account
 * whose customer already has a sign-in says so, without saying whose. Each refusal is audited so a
 * clerk asked about it can see it.
 */
@ApplicationScoped
public class AnotherAccount {

    public enum Outcome {
        NO_MATCH,
        ALREADY_YOURS,
        CLAIMED,
        ASK_THE_BILLER
    }

    @Inject
    GuestAccess access;

    @Inject
    AppUserRepository users;

    @Inject
    AuditLog audit;

    /** Throws BusinessRuleException (error_guest_locked) after too many wrong tries. */
    public Outcome add(Long customerId, String actor, String accountNumber, String billFact, String client) {
        var proved = access.proveByBill(accountNumber, billFact, client);
        if (proved.isEmpty()) {
            return Outcome.NO_MATCH;
        }
        Account account = proved.get();
        Long owner = account.customer.id;
        if (owner.equals(customerId)) {
            return Outcome.ALREADY_YOURS;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean claimed = users.count("customer.id", owner) > 0;
            audit.record(
                    actor,
                    "user.account-link.refused",
                    "account:" + account.id,
                    (claimed ? "held by another sign-in" : "filed under another customer") + "; asked by customer:"
                            + customerId);
            return claimed ? Outcome.CLAIMED : Outcome.ASK_THE_BILLER;
        });
    }
}
