package app.billfold.billing;

import app.billfold.audit.AuditLog;
import app.billfold.audit.Changes;
import app.billfold.biller.Biller;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.DocumentWords;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.JobRuns;
import app.billfold.common.Money;
import app.billfold.common.NotFoundException;
import app.billfold.invoice.DraftForm;
import app.billfold.invoice.DraftInvoices;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.invoice.IssueInvoice;
import app.billfold.invoice.LineInput;
import app.billfold.invoice.VoidInvoice;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Charges late fees by the biller's policy, each as an invoice of its own. Which fees are due is
 * worked out from the dates each time (the first the day after the grace period, then one a month
 * for a monthly policy), and each (invoice, fee period) is claimed under a unique key in the same
 * transaction as its fee invoice: however often the job runs, a fee is charged at most once. A
 * clerk can waive a fee that is still unpaid: its invoice is voided and the waiver audited.
 */
@ApplicationScoped
@jakarta.inject.Named("lateFees")
public class LateFees {

    private static final Logger LOG = Logger.getLogger(LateFees.class);
    static final int FEE_TERMS_DAYS = 14;

    /** What an admin submits for the policy. */
    public record PolicyForm(
            String kind, String amount, String graceDays, String repeat, String cap, String returnedFee) {

        /** The late fee alone, with no returned-payment fee. */
        public PolicyForm(String kind, String amount, String graceDays, String repeat, String cap) {
            this(kind, amount, graceDays, repeat, cap, "");
        }
    }

    @Inject
    JobRuns jobRuns;

    @Inject
    EntityManager em;

    @Inject
    Biller biller;

    @Inject
    DraftInvoices drafts;

    @Inject
    IssueInvoice issuer;

    @Inject
    VoidInvoice voids;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public LateFeePolicy policy() {
        return LateFeePolicy.findById(LateFeePolicy.SINGLETON_ID);
    }

    @Transactional
    public void updatePolicy(PolicyForm form, String actor) {
        FieldErrors errors = new FieldErrors();
        String kind =
                form.kind() != null && List.of("NONE", "FIXED", "PERCENT").contains(form.kind()) ? form.kind() : null;
        if (kind == null) {
            errors.reject("kind", "error_required");
        }
        BigDecimal amount = "NONE".equals(kind)
                ? BigDecimal.ZERO
                : Plans.amount(
                        errors, "amount", form.amount(), "PERCENT".equals(kind) ? BigDecimal.valueOf(100) : Plans.MAX);
        int grace = -1;
        try {
            grace = Integer.parseInt(
                    form.graceDays() == null ? "" : form.graceDays().strip());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (grace < 0 || grace > 365) {
            errors.reject("graceDays", "error_plan_number");
        }
        String repeat = "MONTHLY".equals(form.repeat()) ? "MONTHLY" : "ONCE";
        BigDecimal cap = FormInput.decimal(errors, "cap", form.cap(), false);
        if (cap != null && (cap.signum() <= 0 || cap.compareTo(Plans.MAX) > 0)) {
            errors.reject("cap", "error_amount");
        }
        BigDecimal returnedFee = FormInput.decimal(errors, "returnedFee", form.returnedFee(), false);
        if (returnedFee != null
                && (returnedFee.signum() < 0
                        || returnedFee.compareTo(Plans.MAX) > 0
                        || returnedFee.stripTrailingZeros().scale() > Money.scaleOf(biller.settings().currency))) {
            errors.reject("returnedFee", "error_amount");
        }
        errors.throwIfAny();
        LateFeePolicy policy = em.find(
                LateFeePolicy.class, LateFeePolicy.SINGLETON_ID, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        BigDecimal returnedPaymentFee = returnedFee == null || returnedFee.signum() == 0 ? null : returnedFee;
        Changes changes = Changes.of()
                .field("kind", policy.kind, kind)
                .field("amount", plain(policy.amount), plain(amount))
                .field("graceDays", policy.graceDays, grace)
                .field("repeat", policy.repeat, repeat)
                .field("cap", plain(policy.cap), plain(cap))
                .field("returnedFee", plain(policy.returnedPaymentFee), plain(returnedPaymentFee));
        policy.kind = kind;
        policy.amount = amount;
        policy.graceDays = grace;
        policy.repeat = repeat;
        policy.cap = cap;
        policy.returnedPaymentFee = returnedPaymentFee;
        policy.updatedAt = Instant.now(clock);
        audit.change(actor, "latefee.policy", "biller", describe(policy), changes);
    }

    /** An amount as typed, so that 5 and 5.0000 read as no change. */
    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }

    @Scheduled(
            identity = "late-fees",
            cron = "{billfold.late-fees.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        LOG.infof("Late fee run charged %d fees", jobRuns.record("late-fees", this::run));
    }

    /** Charges every fee that is due and not charged yet; returns how many it charged. */
    public int run() {
        LateFeePolicy policy = QuarkusTransaction.requiringNew().call(this::policy);
        if (!policy.active()) {
            return 0;
        }
        LocalDate today = QuarkusTransaction.requiringNew().call(biller::today);
        // Only invoices that may have a fee period left to claim, with each due date and the number
        // of periods claimed so far: an invoice with every due period claimed is skipped without a
        // transaction of its own, so the hourly run costs what is due, not the overdue history.
        List<Object[]> overdue = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "select i.id, i.dueDate, (select count(f) from LateFee f where f.invoiceId = i.id)"
                                        + " from Invoice i where i.status in ?1 and i.dueDate < ?2"
                                        + " and not exists (select 1 from LateFee f where f.feeInvoiceId = i.id)"
                                        + (policy.monthly()
                                                ? ""
                                                : " and not exists (select 1 from LateFee f where f.invoiceId = i.id)")
                                        + " order by i.id",
                                Object[].class)
                        .setParameter(1, List.of(InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID))
                        .setParameter(2, today.minusDays(policy.graceDays))
                        .getResultList());
        int charged = 0;
        for (Object[] row : overdue) {
            Long invoiceId = (Long) row[0];
            List<Integer> periods = periodsDue(policy, (LocalDate) row[1], today);
            if (((Number) row[2]).intValue() >= periods.size()) {
                continue;
            }
            for (int period : periods) {
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> charge(policy, invoiceId, period))) {
                        charged++;
                    }
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Late fee for invoice %d failed; the next run tries again", invoiceId);
                }
            }
        }
        return charged;
    }

    /** The fee periods due by today: 0 the day after the grace period, then one more each month. */
    private static List<Integer> periodsDue(LateFeePolicy policy, LocalDate due, LocalDate today) {
        LocalDate first = due.plusDays(policy.graceDays + 1L);
        if (first.isAfter(today)) {
            return List.of();
        }
        int last = policy.monthly() ? (int) ChronoUnit.MONTHS.between(first, today) : 0;
        return java.util.stream.IntStream.rangeClosed(0, last).boxed().toList();
    }

    /** Claims the fee period and issues its fee invoice; false when it was charged before or nothing is left. */
    boolean charge(LateFeePolicy policy, Long invoiceId, int period) {
        Invoice invoice = em.find(Invoice.class, invoiceId);
        if (!invoice.status.isPayable()) {
            return false;
        }
        BigDecimal amount = "PERCENT".equals(policy.kind)
                ? Money.percentOf(invoice.balance, policy.amount, invoice.currency)
                : Money.round(policy.amount, invoice.currency);
        if (policy.cap != null) {
            BigDecimal charged = em.createQuery(
                            "select coalesce(sum(f.amount), 0) from LateFee f where f.invoiceId = ?1 and f.waivedAt is null",
                            BigDecimal.class)
                    .setParameter(1, invoiceId)
                    .getSingleResult();
            amount = amount.min(policy.cap.subtract(charged)).max(BigDecimal.ZERO);
        }
        int claimed = em.createNativeQuery("insert into late_fee (invoice_id, period_no, amount, created_at)"
                        + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, invoiceId)
                .setParameter(2, period)
                .setParameter(3, amount)
                .setParameter(4, Instant.now(clock))
                .executeUpdate();
        if (claimed == 0 || amount.signum() <= 0) {
            return false;
        }
        String description = DocumentWords.in(
                invoice.account.customer.language,
                words -> policy.monthly()
                        ? words.late_fee_month(invoice.number, String.valueOf(period + 1))
                        : words.late_fee(invoice.number));
        Invoice fee = drafts.create(
                invoice.account.id,
                new DraftForm(
                        biller.today().plusDays(FEE_TERMS_DAYS).toString(),
                        List.of(new LineInput(description, "1", amount.toPlainString(), "0"))),
                BillingRuns.SYSTEM);
        issuer.issue(fee.id, BillingRuns.SYSTEM);
        em.createQuery("update LateFee f set f.feeInvoiceId = ?1 where f.invoiceId = ?2 and f.periodNo = ?3")
                .setParameter(1, fee.id)
                .setParameter(2, invoiceId)
                .setParameter(3, period)
                .executeUpdate();
        return true;
    }

    /** Waives a fee that is still unpaid: its invoice is voided; the waiver and its reason are audited. */
    @Transactional
    public void waive(Long feeInvoiceId, String reason, String actor) {
        LateFee fee = LateFee.<LateFee>find("feeInvoiceId", feeInvoiceId)
                .firstResultOptional()
                .orElseThrow(() -> new NotFoundException("late fee invoice " + feeInvoiceId));
        if (fee.waivedAt != null) {
            throw new BusinessRuleException("error_void_status");
        }
        String why = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
        why = why.length() > 300 ? why.substring(0, 300) : why;
        Invoice voided = voids.voidInvoice(feeInvoiceId, actor);
        fee.waivedAt = Instant.now(clock);
        fee.waivedBy = actor;
        fee.waiveReason = why;
        audit.change(
                actor,
                "latefee.waive",
                "account:" + voided.account.id,
                voided.number + ": " + why,
                "late fee " + fee.amount + " charged",
                "waived");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isUnwaivedFee(Long invoiceId) {
        return LateFee.count("feeInvoiceId = ?1 and waivedAt is null", invoiceId) > 0;
    }

    private static String describe(LateFeePolicy policy) {
        String returned = policy.chargesReturnedPayments()
                ? "; returned payment " + policy.returnedPaymentFee.toPlainString()
                : "";
        if (!policy.active()) {
            return "no late fees" + returned;
        }
        return ("PERCENT".equals(policy.kind)
                        ? policy.amount.stripTrailingZeros().toPlainString() + " %"
                        : policy.amount.toPlainString())
                + " after " + policy.graceDays + " days, " + policy.repeat.toLowerCase(java.util.Locale.ROOT)
                + (policy.cap == null ? "" : ", at most " + policy.cap.toPlainString())
                + returned;
    }
}
