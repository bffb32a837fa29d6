package app.billfold.payment;

import app.billfold.account.Account;
import app.billfold.account.Customers;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.PublicLinks;
import app.billfold.notify.Channel;
import app.billfold.notify.CustomerNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

/**
 * A clerk stopping or starting autopay for a customer (who called, or whose card is in doubt):
 * always with a reason, kept in the audit trail, and the customer is told in the same transaction,
 * so autopay never changes behind their back.
 */
@ApplicationScoped
public class AutopayForCustomer {

    public static final String STOPPED = "autopay_stopped";
    static final int REASON_LENGTH = 200;

    @Inject
    Autopay autopay;

    @Inject
    Customers customers;

    @Inject
    CustomerNotice notice;

    @Inject
    PublicLinks links;

    /** Stops autopay on the account and tells the customer why; refused when it is not on. */
    @Transactional
    public void stop(Long accountId, String reason, String actor) {
        String why = reason(reason);
        Account account = customers.account(accountId);
        if (!autopay.stop(account.customer.id, account.id, actor, why)) {
            throw new BusinessRuleException("console_error_autopay_off");
        }
        notice.send(
                account.customer,
                STOPPED,
                Map.of(
                        "name",
                        account.customer.name,
                        "account",
                        account.number,
                        "reason",
                        why,
                        "manage",
                        links.to("/portal/settings")),
                "autopay-stopped:" + account.id + ":" + UUID.randomUUID(),
                EnumSet.of(Channel.EMAIL));
    }

    /**
     * Enrols the account with one of the customer's saved methods; the customer gets the usual
     * confirmation. Throws InvalidInputException (fields "method", "reason") for a bad form.
     */
    @Transactional
    public void start(Long accountId, String methodId, String reason, String actor) {
        FieldErrors errors = new FieldErrors();
        String why = FormInput.text(errors, "reason", reason, true, REASON_LENGTH);
        Long method = null;
        try {
            method = Long.valueOf(methodId == null ? "" : methodId.strip());
        } catch (NumberFormatException e) {
            errors.reject("method", "error_choice");
        }
        errors.throwIfAny();
        Account account = customers.account(accountId);
        autopay.enrolFor(account.customer.id, account.id, method, actor, why);
    }

    private static String reason(String reason) {
        FieldErrors errors = new FieldErrors();
        String why = FormInput.text(errors, "reason", reason, true, REASON_LENGTH);
        errors.throwIfAny();
        return why;
    }
}
