package app.billfold.payment;

import app.billfold.account.Account;
import app.billfold.account.AccountRepository;
import app.billfold.audit.AuditLog;
import app.billfold.biller.Biller;
import app.billfold.common.BusinessRuleException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * One-checkbox autopay: an account is enrolled with one saved method and charged the balance of each
 * invoice on its due date. Enrolling and stopping are each one action.
 */
@ApplicationScoped
public class Autopay {

    @Inject
    AccountRepository accounts;

    @Inject
    SavedMethods methods;

    @Inject
    Biller biller;

    @Inject
    AuditLog audit;

    @Inject
    app.billfold.notify.Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    app.billfold.common.PublicLinks links;

    /** Enrols the account and, when that changes anything, e-mails the customer a confirmation. */
    @Transactional
    public void enrol(Long customerId, Long accountId, Long methodId, String actor) {
        enrol(customerId, accountId, methodId, actor, true);
    }

    /** Enrols the account as a clerk asked for the customer, the reason kept in the audit trail. */
    @Transactional
    public void enrolFor(Long customerId, Long accountId, Long methodId, String actor, String reason) {
        enrol(customerId, accountId, methodId, actor, true, reason);
    }

    private void enrol(Long customerId, Long accountId, Long methodId, String actor, boolean confirm) {
        enrol(customerId, accountId, methodId, actor, confirm, null);
    }

    private void enrol(Long customerId, Long accountId, Long methodId, String actor, boolean confirm, String reason) {
        Account account = own(customerId, accountId);
        SavedMethod method = methods.get(customerId, methodId);
        if (method.isExpiredOn(biller.today())) {
            throw new BusinessRuleException("error_method_expired");
        }
        if (!methodId.equals(account.autopayMethodId)) {
            String before =
                    account.autopayMethodId == null ? "autopay off" : "autopay with method " + account.autopayMethodId;
            account.autopayMethodId = methodId;
            account.autopaySince = Instant.now(clock);
            audit.change(
                    actor,
                    "autopay.enrol",
                    "account:" + account.id,
                    reason == null ? method.label() : method.label() + ": " + reason,
                    before,
                    "autopay with " + method.label());
            if (confirm && account.customer.email != null) {
                outbox.record(
                        app.billfold.notify.Channel.EMAIL,
                        account.customer.id,
                        account.customer.email,
                        "autopay_confirmation",
                        account.customer.language,
                        java.util.Map.of(
                                "name",
                                account.customer.name,
                                "account",
                                account.number,
                                "method",
                                method.inWords(account.customer.language),
                                "manage",
                                links.to("/portal/settings")),
                        "autopay-confirmation:" + accountId + ":" + methodId + ":" + account.customer.email);
            }
        }
    }

    /**
     * Enrols for a guest and records the confirmation e-mail in the same transaction: enrolled
     * without a confirmation, or confirmed without an enrolment, cannot happen (invariant 5). An
     * account already on autopay (its customer's choice, or another guest's) is left as it is.
     * Returns whether it enrolled.
     */
    @Transactional
    public boolean enrolGuestAndConfirm(
            Long customerId,
            Long accountId,
            Long methodId,
            String actor,
            String email,
            java.util.function.Function<Account, java.util.Map<String, String>> payload) {
        if (own(customerId, accountId).isOnAutopay()) {
            return false;
        }
        enrol(customerId, accountId, methodId, actor, false);
        Account account = accounts.findById(accountId);
        outbox.record(
                app.billfold.notify.Channel.EMAIL,
                account.customer.id,
                email,
                "autopay_confirmation",
                account.customer.language,
                payload.apply(account),
                "autopay-confirmation:" + accountId + ":" + methodId + ":" + email);
        return true;
    }

    @Transactional
    public void stop(Long customerId, Long accountId, String actor) {
        stop(customerId, accountId, actor, null);
    }

    /** Stops autopay, the reason (a clerk's, or null) kept in the audit trail; says whether it was on. */
    @Transactional
    public boolean stop(Long customerId, Long accountId, String actor, String reason) {
        Account account = own(customerId, accountId);
        if (account.autopayMethodId != null) {
            String before = "autopay with method " + account.autopayMethodId;
            account.autopayMethodId = null;
            account.autopaySince = null;
            audit.change(actor, "autopay.stop", "account:" + account.id, reason, before, "autopay off");
            return true;
        }
        return false;
    }

    private Account own(Long customerId, Long accountId) {
        return accounts.lockOwnedBy(accountId, customerId);
    }
}
