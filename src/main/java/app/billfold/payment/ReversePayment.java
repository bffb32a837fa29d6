package app.billfold.payment;

import app.billfold.account.AccountRepository;
import app.billfold.audit.AuditLog;
import app.billfold.biller.Biller;
import app.billfold.billing.LateFeePolicy;
import app.billfold.billing.LateFees;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.DocumentWords;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.LocalFormats;
import app.billfold.common.NotFoundException;
import app.billfold.invoice.DraftForm;
import app.billfold.invoice.DraftInvoices;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.IssueInvoice;
import app.billfold.invoice.LineInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Takes back an offline payment that did not stand (a bounced cheque, an amount typed wrong). The
 * payment stays in the ledger as reversed, with its reason, and stops counting from now: every bill
 * it paid owes that part again. When the biller's fee policy sets a returned-payment fee and the
 * clerk asks for it, the fee is billed on an invoice of its own. Account credit the payment left
 * goes with it, and a bill that took some of that credit owes it again (it is an allocation of
 * this payment). Card and bank payments are
 * refunded through the processor instead.
 */
@ApplicationScoped
public class ReversePayment {

    static final int FEE_TERMS_DAYS = 14;

    @Inject
    AccountRepository accounts;

    @Inject
    EntityManager em;

    @Inject
    LateFees feePolicy;

    @Inject
    DraftInvoices drafts;

    @Inject
    IssueInvoice issuer;

    @Inject
    Biller biller;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    PaymentCredit credit;

    @Transactional
    public Payment reverse(Long paymentId, String reason, boolean chargeFee, String actor) {
        Payment payment =
                Payment.<Payment>findByIdOptional(paymentId).orElseThrow(() -> new NotFoundException("payment"));
        accounts.lock(payment.account.id);
        em.refresh(payment);
        if (!payment.isReversible()) {
            throw new BusinessRuleException(
                    payment.isReversed() ? "error_payment_already_reversed" : "error_payment_not_reversible");
        }
        if (credit.partlyRefunded(payment.id)) {
            // Part of it went back to the customer as account credit: taking the whole payment back
            // would leave the account owing money it was refunded, which no bill records.
            throw new BusinessRuleException("error_payment_credit_refunded");
        }
        FieldErrors errors = new FieldErrors();
        String why = FormInput.text(errors, "reason", reason, true, 300);
        LateFeePolicy policy = feePolicy.policy();
        if (chargeFee && !policy.chargesReturnedPayments()) {
            errors.reject("chargeFee", "error_no_returned_payment_fee");
        }
        errors.throwIfAny();

        StringBuilder before = new StringBuilder(payment.money() + " " + payment.status);
        StringBuilder after = new StringBuilder(payment.money() + " " + PaymentStatus.REVERSED);
        for (PaymentAllocation allocation : payment.allocations) {
            Invoice invoice = allocation.invoice;
            before.append("; ")
                    .append(invoice.number)
                    .append(" ")
                    .append(invoice.status)
                    .append(" balance ")
                    .append(invoice.balance);
            invoice.applyRefund(allocation.amount);
            after.append("; ")
                    .append(invoice.number)
                    .append(" ")
                    .append(invoice.status)
                    .append(" balance ")
                    .append(invoice.balance);
        }
        payment.status = PaymentStatus.REVERSED;
        payment.reversedAt = Instant.now(clock);
        payment.reversedBy = actor;
        payment.reversalReason = why;
        em.flush();
        if (chargeFee) {
            Invoice fee = chargeFee(payment, policy);
            payment.feeInvoiceId = fee.id;
            after.append("; fee ").append(fee.number).append(" ").append(fee.grossTotal);
        }
        audit.change(
                actor,
                "payment.reverse",
                "account:" + payment.account.id,
                payment.money() + " " + payment.method + (payment.reference == null ? "" : " " + payment.reference)
                        + " of " + payment.receivedOn + ": " + why,
                before.toString(),
                after.toString());
        return payment;
    }

    private Invoice chargeFee(Payment payment, LateFeePolicy policy) {
        Locale locale = Locale.forLanguageTag(payment.account.customer.language);
        String description = DocumentWords.in(
                locale.getLanguage(),
                words -> words.returned_payment_fee(
                        LocalFormats.money(payment.money(), locale), LocalFormats.date(payment.receivedOn, locale)));
        Invoice fee = drafts.create(
                payment.account.id,
                new DraftForm(
                        biller.today().plusDays(FEE_TERMS_DAYS).toString(),
                        List.of(new LineInput(description, "1", policy.returnedPaymentFee.toPlainString(), "0"))),
                payment.reversedBy);
        return issuer.issue(fee.id, payment.reversedBy);
    }
}
