package app.billfold.payment;

import app.billfold.account.AccountRepository;
import app.billfold.audit.AuditLog;
import app.billfold.biller.Biller;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.Money;
import app.billfold.common.NotFoundException;
import app.billfold.invoice.CreditAllocation;
import app.billfold.invoice.CreditNotes;
import app.billfold.invoice.Invoice;
import app.billfold.payment.gateway.GatewayUnavailableException;
import app.billfold.payment.gateway.PaymentGateway;
import app.billfold.payment.gateway.RefundResult;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Gives back all or part of a card or bank payment through the processor; the invoices it paid owe
 * the amount again, newest allocation first, once the processor says the refund succeeded. Like a
 * charge (invariant 10), the refund is recorded with its key and committed, then sent outside any
 * transaction or lock, then its outcome recorded. The key is derived from the payment and the count
 * of its refunds: a retry after a crash or a lost answer reuses it, so the processor refunds once. A
 * bank refund may stay pending for days and may fail: it keeps its own state, shown to clerk and
 * customer, and only a succeeded one reaches the ledger.
 */
@ApplicationScoped
public class RefundPayment {

    private static final Logger LOG = Logger.getLogger(RefundPayment.class);

    /** A refund recorded this long ago without an answer is sent again with its key. */
    static final Duration STALE = Duration.ofMinutes(2);

    /** How often a refund the processor holds as pending is asked about. */
    static final Duration RECHECK = Duration.ofHours(1);

    @Inject
    AccountRepository accounts;

    @Inject
    PaymentGateway gateway;

    @Inject
    GatewayThrottle throttle;

    @Inject
    Biller biller;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CreditNotes creditNotes;

    /** What is left to refund on a payment: its amount less refunds that succeeded or are under way. */
    public BigDecimal refundable(Long paymentId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Payment payment = Payment.findById(paymentId);
            return payment == null ? BigDecimal.ZERO : payment.amount.subtract(refunded(paymentId));
        });
    }

    /**
     * Refunds part of a payment. Returns the refund as it stands: succeeded, or pending at the
     * processor (it settles later by event or by the reconciler). A refund the processor refused is
     * recorded as failed and reported as {@code error_refund_declined}.
     */
    public Refund refund(Long paymentId, String amountText, String reason, String actor) {
        Long refundId = QuarkusTransaction.requiringNew().call(() -> {
            Payment payment =
                    Payment.<Payment>findByIdOptional(paymentId).orElseThrow(() -> new NotFoundException("payment"));
            accounts.lock(payment.account.id);
            em.refresh(payment);
            if (payment.gatewayRef == null) {
                throw new BusinessRuleException("error_refund_offline");
            }
            BigDecimal left = payment.amount.subtract(refunded(paymentId));
            FieldErrors errors = new FieldErrors();
            BigDecimal amount = FormInput.decimal(errors, "amount", amountText, true);
            int scale = Money.scaleOf(Currency.getInstance(payment.currency));
            if (amount != null
                    && (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > scale)) {
                errors.reject("amount", "error_amount");
            } else if (amount != null && amount.compareTo(left) > 0) {
                errors.reject("amount", "error_refund_too_much");
            }
            String why = FormInput.text(errors, "reason", reason, true, 300);
            errors.throwIfAny();
            return record(payment, amount, why, actor).id;
        });
        return sendOrRefuse(refundId);
    }

    /**
     * Gives the account's credit (what credit notes left once its invoices were settled) back to the
     * customer, through the newest card or bank payment that can take it. No invoice owes anything
     * again: the refund draws on the credit, which is held for it while it is under way and freed if
     * the processor refuses it.
     */
    public Refund refundCredit(Long accountId, String amountText, String reason, String actor) {
        Long refundId = QuarkusTransaction.requiringNew().call(() -> {
            accounts.lock(accountId);
            BigDecimal available = creditNotes.available(accountId);
            FieldErrors errors = new FieldErrors();
            BigDecimal amount = FormInput.decimal(errors, "amount", amountText, true);
            if (amount != null
                    && (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2)) {
                errors.reject("amount", "error_amount");
            } else if (amount != null && amount.compareTo(available) > 0) {
                errors.reject("amount", "error_refund_too_much");
            }
            String why = FormInput.text(errors, "reason", reason, true, 300);
            errors.throwIfAny();
            Payment payment =
                    Payment.<Payment>list("account.id = ?1 and gatewayRef is not null order by id desc", accountId)
                            .stream()
                            .filter(p -> p.amount.subtract(refunded(p.id)).compareTo(amount) >= 0)
                            .findFirst()
                            .orElseThrow(() -> new BusinessRuleException("error_credit_no_payment"));
            Refund refund = record(payment, amount, why, actor);
            creditNotes.refunded(accountId, refund.id, refund.amount);
            audit.change(
                    actor,
                    "credit.refund",
                    "account:" + accountId,
                    payment.methodLabel + " " + refund.amount + " " + payment.currency + ": " + why,
                    "account credit " + available,
                    "account credit " + available.subtract(refund.amount));
            return refund.id;
        });
        return sendOrRefuse(refundId);
    }

    private Refund sendOrRefuse(Long refundId) {
        Refund refund = send(refundId);
        if (refund.isFailed()) {
            throw new BusinessRuleException("error_refund_declined");
        }
        return refund;
    }

    /** Records the refund, not yet sent, under a key derived from the payment's refund count. */
    private Refund record(Payment payment, BigDecimal amount, String why, String actor) {
        long count = Refund.count("paymentId", payment.id);
        Refund refund = new Refund();
        refund.paymentId = payment.id;
        refund.amount = amount;
        refund.reason = why;
        refund.idempotencyKey = "refund-" + payment.id + "-" + (count + 1);
        refund.refundedBy = actor;
        refund.status = RefundStatus.PENDING;
        refund.createdAt = Instant.now(clock);
        refund.persist();
        em.flush();
        return refund;
    }

    /** Sends a recorded refund (again, with its key) outside any transaction, then records the answer. */
    private Refund send(Long refundId) {
        Refund refund = QuarkusTransaction.requiringNew().call(() -> Refund.<Refund>findById(refundId));
        String chargeRef =
                QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>findById(refund.paymentId).gatewayRef);
        RefundResult result;
        try {
            throttle.acquire();
            result = gateway.refund(chargeRef, refund.amount, refund.idempotencyKey);
        } catch (GatewayUnavailableException e) {
            // The refund may or may not exist now: it stays pending and is sent again with its key.
            LOG.warnf("No answer from the processor for refund %s; it will be sent again", refund.idempotencyKey);
            return refund;
        }
        return settle(refundId, result);
    }

    /**
     * Brings a refund in line with the processor's word on it (its answer, an event or the
     * reconciler's question); repeats and events out of order change nothing, since it acts on the
     * state read: a succeeded refund reopens its bills once, a failed one frees what it held.
     */
    public Refund settle(Long refundId, RefundResult result) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Refund refund = Refund.findById(refundId);
            Payment payment = Payment.findById(refund.paymentId);
            accounts.lock(payment.account.id);
            em.refresh(refund);
            if (result.reference() != null && refund.gatewayRef == null) {
                refund.gatewayRef = result.reference();
            }
            switch (result.outcome()) {
                case SUCCEEDED -> {
                    if (refund.isPending()) {
                        succeed(refund, payment);
                    }
                }
                case PENDING -> {}
                case FAILED -> {
                    if (refund.isPending()) {
                        refund.status = RefundStatus.FAILED;
                        refund.failureCode = result.declineCode();
                        refund.settledAt = Instant.now(clock);
                        // A refund of account credit held that credit: it is the customer's again.
                        CreditAllocation.delete("refundId", refund.id);
                        audit.record(
                                "system",
                                "payment.refund_failed",
                                "account:" + payment.account.id,
                                payment.methodLabel + " " + refund.amount + " " + payment.currency + ": "
                                        + result.declineCode());
                    } else if (refund.isSucceeded()) {
                        // Money the processor said it gave back did not arrive: a clerk decides.
                        audit.record(
                                "system",
                                "payment.refund_failed_after_success",
                                "account:" + payment.account.id,
                                refund.gatewayRef + " " + refund.amount + " " + payment.currency);
                        LOG.warnf("Refund %s failed after it had succeeded", refund.gatewayRef);
                    }
                }
            }
            return refund;
        });
    }

    /** The refund known to the processor by this reference, or by the key Billfold gave it. */
    public Refund apply(String reference, String key, RefundResult result) {
        Long id = QuarkusTransaction.requiringNew().call(() -> {
            Refund found = reference == null
                    ? null
                    : Refund.find("gatewayRef", reference).firstResult();
            if (found == null && key != null) {
                found = Refund.find("idempotencyKey", key).firstResult();
            }
            return found == null ? null : found.id;
        });
        return id == null ? null : settle(id, result);
    }

    /**
     * A refund taken by the processor itself: a dispute takes the disputed money back at once. It
     * reopens the bills like a clerk's refund, up to what is left of the payment.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Refund takenBack(Payment payment, BigDecimal amount, String reference, String why) {
        BigDecimal taken = amount.min(payment.amount.subtract(refunded(payment.id)));
        if (taken.signum() <= 0) {
            return null;
        }
        Refund refund = new Refund();
        refund.paymentId = payment.id;
        refund.amount = taken;
        refund.reason = why;
        refund.idempotencyKey = "taken-back-" + reference;
        refund.gatewayRef = reference;
        refund.refundedBy = "system";
        refund.status = RefundStatus.PENDING;
        refund.createdAt = Instant.now(clock);
        refund.persist();
        em.flush();
        succeed(refund, payment);
        return refund;
    }

    /** The refund gave money back: the bills it was taken from owe it again, newest allocation first. */
    private void succeed(Refund refund, Payment payment) {
        refund.status = RefundStatus.SUCCEEDED;
        refund.settledAt = Instant.now(clock);
        if (CreditAllocation.count("refundId", refund.id) > 0) {
            return; // account credit given back: no bill owes anything again
        }
        BigDecimal already = refunded(payment.id, RefundStatus.SUCCEEDED).subtract(refund.amount);
        StringBuilder before = new StringBuilder("refunded " + already + " of " + payment.amount);
        StringBuilder after = new StringBuilder("refunded " + already.add(refund.amount) + " of " + payment.amount);
        BigDecimal toTake = refund.amount;
        List<PaymentAllocation> newestFirst = payment.allocations.stream()
                .sorted(Comparator.comparing((PaymentAllocation a) -> a.id).reversed())
                .toList();
        for (PaymentAllocation allocation : newestFirst) {
            if (toTake.signum() == 0) {
                break;
            }
            Invoice invoice = allocation.invoice;
            BigDecimal takenBefore = refundedFrom(payment.id, invoice.id);
            BigDecimal take =
                    toTake.min(allocation.amount.subtract(takenBefore)).min(invoice.amountPaid);
            if (take.signum() <= 0) {
                continue;
            }
            before.append("; ")
                    .append(invoice.number)
                    .append(" ")
                    .append(invoice.status)
                    .append(" balance ")
                    .append(invoice.balance);
            invoice.applyRefund(take);
            after.append("; ")
                    .append(invoice.number)
                    .append(" ")
                    .append(invoice.status)
                    .append(" balance ")
                    .append(invoice.balance);
            RefundAllocation part = new RefundAllocation();
            part.refundId = refund.id;
            part.invoiceId = invoice.id;
            part.amount = take;
            part.persist();
            toTake = toTake.subtract(take);
        }
        em.flush();
        audit.change(
                refund.refundedBy,
                "payment.refund",
                "account:" + payment.account.id,
                payment.methodLabel + " " + refund.amount + " " + payment.currency + ": " + refund.reason,
                before.toString(),
                after.toString());
    }

    /**
     * Settles refunds left pending: sent again with their key when no answer was recorded (after a
     * crash or a lost reply), asked about at most once per {@link #RECHECK} when the processor holds
     * them as pending. Returns how many moved.
     */
    public int settleWaiting() {
        Instant now = Instant.now(clock);
        List<Refund> waiting = QuarkusTransaction.requiringNew()
                .call(() -> Refund.<Refund>list(
                        "status = ?1 and createdAt < ?2 and (checkedAt is null or checkedAt < ?3) order by id",
                        RefundStatus.PENDING,
                        now.minus(STALE),
                        now.minus(RECHECK)));
        int moved = 0;
        for (Refund refund : waiting) {
            QuarkusTransaction.requiringNew().run(() -> Refund.update("checkedAt = ?1 where id = ?2", now, refund.id));
            Refund after;
            try {
                after = refund.gatewayRef == null
                        ? send(refund.id)
                        : settle(refund.id, gateway.refundState(refund.gatewayRef));
            } catch (GatewayUnavailableException e) {
                continue;
            }
            if (after.status != RefundStatus.PENDING) {
                moved++;
            }
        }
        return moved;
    }

    /** What was refunded or is being refunded on a payment (a failed refund gave nothing back). */
    private BigDecimal refunded(Long paymentId) {
        return em.createQuery(
                        "select coalesce(sum(r.amount), 0) from Refund r where r.paymentId = ?1 and r.status <> ?2",
                        BigDecimal.class)
                .setParameter(1, paymentId)
                .setParameter(2, RefundStatus.FAILED)
                .getSingleResult();
    }

    private BigDecimal refunded(Long paymentId, RefundStatus status) {
        return em.createQuery(
                        "select coalesce(sum(r.amount), 0) from Refund r where r.paymentId = ?1 and r.status = ?2",
                        BigDecimal.class)
                .setParameter(1, paymentId)
                .setParameter(2, status)
                .getSingleResult();
    }

    private BigDecimal refundedFrom(Long paymentId, Long invoiceId) {
        return em.createQuery(
                        "select coalesce(sum(a.amount), 0) from RefundAllocation a, Refund r where a.refundId = r.id"
                                + " and r.paymentId = ?1 and a.invoiceId = ?2",
                        BigDecimal.class)
                .setParameter(1, paymentId)
                .setParameter(2, invoiceId)
                .getSingleResult();
    }
}
