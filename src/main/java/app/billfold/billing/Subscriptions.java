package app.billfold.billing;

import app.billfold.account.Account;
import app.billfold.account.AccountStatus;
import app.billfold.audit.AuditLog;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Puts accounts on plans, from a start date and optionally to an end date. */
@ApplicationScoped
public class Subscriptions {

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public Subscription subscribe(Long accountId, String planId, String startsOn, String endsOn, String actor) {
        Account account = Account.<Account>findByIdOptional(accountId)
                .orElseThrow(() -> new NotFoundException("account " + accountId));
        if (account.status != AccountStatus.ACTIVE) {
            throw new BusinessRuleException("error_account_closed");
        }
        FieldErrors errors = new FieldErrors();
        Plan plan = null;
        try {
            plan = planId == null ? null : Plan.findById(Long.valueOf(planId));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (plan == null) {
            errors.reject("plan", "error_required");
        }
        LocalDate start = FormInput.date(errors, "startsOn", startsOn, true);
        LocalDate end = FormInput.date(errors, "endsOn", endsOn, false);
        if (start != null && end != null && end.isBefore(start)) {
            errors.reject("endsOn", "error_date");
        }
        errors.throwIfAny();
        Subscription subscription = new Subscription();
        subscription.account = account;
        subscription.plan = plan;
        subscription.startsOn = start;
        subscription.endsOn = end;
        subscription.createdAt = Instant.now(clock);
        subscription.persist();
        audit.record(
                actor,
                "subscription.create",
                "account:" + account.id,
                plan.name + " from " + start + (end == null ? "" : " to " + end));
        return subscription;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Subscription> ofAccount(Long accountId) {
        return Subscription.list("account.id = ?1 order by startsOn", accountId);
    }
}
