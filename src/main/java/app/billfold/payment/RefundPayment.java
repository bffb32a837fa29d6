package app.billfold.payment;

import app.billfold.account.AccountRepository;
import app.billfold.audit.AuditLog;
import app.billfold.biller.Biller;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.Money;
import app.billfold.common.NotFoundException;
import app.billfold.invoice.Invoice;
import app.billfold.payment.gateway.PaymentGateway;
import app.billfold.payment.gateway.RefundResult;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/**
 * Gives back all or part of a card or bank payment through the processor; the invoices it paid owe
 * the amount again, newest allocation first. The refund key is derived from the payment and the
 * count of its refunds: a retry after a crash reuses it, so the processor refunds once.
 */
@ApplicationScoped
public class RefundPayment {

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
    app.billfold.invoice.CreditNotes creditNotes;

    /** What is left to refund on a payment. */
    public BigDecimal refundable(Long paymentId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Payment payment = Payment.findById(paymentId);
            return payment == null ? BigDecimal.ZERO : payment.amount.subtract(refunded(paymentId));
        });
    }

    public Refund refund(Long paymentId, String amountText, String reason, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Payment payment =
                    Payment.<Payment>findByIdOptional(paymentId).orElseThrow(() -> new NotFoundException("payment"));
            accounts.lock(payment.account.id);
            em.refresh(payment);
            if (payment.gatewayRef == null) {
                throw new BusinessRuleException("error_refund_offline");
            }
            BigDecimal already = refunded(paymentId);
            BigDecimal left = payment.amount.subtract(already);
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

            Refund refund = send(payment, amount, why, actor);

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
                BigDecimal takenBefore = refundedFrom(paymentId, invoice.id);
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
            audit.change(
                    actor,
                    "payment.refund",
                    "account:" + payment.account.id,
                    payment.methodLabel + " " + refund.amount + " " + payment.currency + ": " + why,
                    before.toString(),
                    after.toString());
            return refund;
        });
    }

    /**
     * Gives the account's credit (what credit notes left once its invoices were settled) back to the
     * customer, through the newest card or bank payment that can take it. No invoice owes anything
     * again: the refund draws on the credit, not on the bills.
     */
    public Refund refundCredit(Long accountId, String amountText, String reason, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
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
            Refund refund = send(payment, amount, why, actor);
            creditNotes.refunded(accountId, refund.id, refund.amount);
            audit.change(
                    actor,
                    "credit.refund",
                    "account:" + accountId,
                    payment.methodLabel + " " + refund.amount + " " + payment.currency + ": " + why,
                    "account credit " + available,
                    "account credit " + available.subtract(refund.amount));
            return refund;
        });
    }

    /** Refunds through the processor under a key derived from the payment's refund count, and records it. */
    private Refund send(Payment payment, BigDecimal amount, String why, String actor) {
        long count = Refund.count("paymentId", payment.id);
        String key = "refund-" + payment.id + "-" + (count + 1);
        throttle.acquire();
        RefundResult result = gateway.refund(payment.gatewayRef, amount, key);
        if (!result.succeeded()) {
            throw new BusinessRuleException("error_refund_declined");
        }
        Refund refund = new Refund();
        refund.paymentId = payment.id;
        refund.amount = result.amount();
        refund.reason = why;
        refund.idempotencyKey = key;
        refund.gatewayRef = result.reference();
        refund.refundedBy = actor;
        refund.createdAt = Instant.now(clock);
        refund.persist();
        em.flush();
        return refund;
    }

    private BigDecimal refunded(Long paymentId) {
        return em.createQuery(
                        "select coalesce(sum(r.amount), 0) from Refund r where r.paymentId = ?1", BigDecimal.class)
                .setParameter(1, paymentId)
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
