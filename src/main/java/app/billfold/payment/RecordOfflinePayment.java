package app.billfold.payment;

import app.billfold.account.Account;
import app.billfold.account.AccountRepository;
import app.billfold.account.AccountStatus;
import app.billfold.audit.AuditLog;
import app.billfold.audit.Changes;
import app.billfold.biller.Biller;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.Money;
import app.billfold.invoice.CreditNotes;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records money a clerk received off-line and settles the account's open invoices with it; what no
 * open invoice takes (there is none, or the money is more than they owe, or the clerk's split leaves
 * some out) stays on the account as credit, which the account's next bills take on issue. A closed
 * account gets no new bills, so it may not be left holding credit.
 */
@ApplicationScoped
public class RecordOfflinePayment {

    @Inject
    AccountRepository accounts;

    @Inject
    InvoiceRepository invoices;

    @Inject
    PaymentRepository payments;

    @Inject
    Biller biller;

    @Inject
    AuditLog audit;

    @Inject
    ReceiptNotice receipts;

    @Inject
    Clock clock;

    @Inject
    CreditNotes creditNotes;

    @Transactional
    public Payment record(Long accountId, OfflinePaymentForm form, String actor) {
        Account account = accounts.lock(accountId);
        List<Invoice> payable = invoices.listPayableForAccount(accountId);
        String currency = biller.settings().currency;

        FieldErrors errors = new FieldErrors();
        BigDecimal amount = FormInput.decimal(errors, "amount", form.amount(), true);
        if (amount != null
                && (amount.signum() <= 0
                        || amount.stripTrailingZeros().scale()
                                > Money.scaleOf(java.util.Currency.getInstance(currency)))) {
            errors.reject("amount", "error_amount");
            amount = null;
        }
        LocalDate receivedOn = FormInput.date(errors, "receivedOn", form.receivedOn(), true);
        if (receivedOn != null && receivedOn.isAfter(biller.today())) {
            errors.reject("receivedOn", "error_date_future");
        }
        PaymentMethod method = FormInput.choice(errors, "method", form.method(), PaymentMethod.class);
        if (method != null && !PaymentMethod.OFFLINE.contains(method)) {
            // Card and bank payments go through the gateway, never typed in by a clerk.
            errors.reject("method", "error_choice");
        }
        String reference = FormInput.text(errors, "reference", form.reference(), false, 100);

        Map<Invoice, BigDecimal> split = new LinkedHashMap<>();
        BigDecimal owed = payable.stream().map(i -> i.balance).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal creditBefore = creditNotes.available(accountId);
        if (amount != null) {
            split = allocate(amount, payable, form.allocations(), errors);
            BigDecimal settled = split.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (errors.isEmpty() && settled.compareTo(amount) < 0 && account.status == AccountStatus.CLOSED) {
                errors.reject("amount", "error_credit_account_closed");
            }
        }
        errors.throwIfAny();

        Payment payment = new Payment();
        payment.account = account;
        payment.amount = Money.round(amount, currency);
        payment.currency = currency;
        payment.receivedOn = receivedOn;
        payment.method = method;
        payment.reference = reference.isEmpty() ? null : reference;
        payment.status = PaymentStatus.SUCCEEDED;
        payment.recordedBy = actor;
        payment.createdAt = Instant.now(clock);
        for (Map.Entry<Invoice, BigDecimal> part : split.entrySet()) {
            part.getKey().applyPayment(part.getValue());
            PaymentAllocation allocation = new PaymentAllocation();
            allocation.payment = payment;
            allocation.invoice = part.getKey();
            allocation.amount = part.getValue();
            payment.allocations.add(allocation);
        }
        payments.persist(payment);
        receipts.record(payment);
        BigDecimal owedAfter = payable.stream().map(i -> i.balance).reduce(BigDecimal.ZERO, BigDecimal::add);
        audit.change(
                actor,
                "payment.record",
                "account:" + account.id,
                payment.money() + " " + method + (payment.reference == null ? "" : " " + payment.reference),
                Changes.of()
                        .field("owed", shown(owed, currency), shown(owedAfter, currency))
                        .field(
                                "account credit",
                                shown(creditBefore, currency),
                                shown(creditNotes.available(accountId), currency)));
        return payment;
    }

    private static Money shown(BigDecimal amount, String currency) {
        return Money.of(Money.round(amount, currency), currency);
    }

    /**
     * The clerk's split, or with none the oldest due bills first; either way no more than the
     * amount, and what is left over becomes account credit.
     */
    private static Map<Invoice, BigDecimal> allocate(
            BigDecimal amount, List<Invoice> payable, Map<Long, String> requested, FieldErrors errors) {
        Map<Invoice, BigDecimal> split = new LinkedHashMap<>();
        boolean given = requested != null && requested.values().stream().anyMatch(v -> v != null && !v.isBlank());
        if (!given) {
            BigDecimal left = amount;
            for (Invoice invoice : payable) {
                if (left.signum() == 0) {
                    break;
                }
                BigDecimal part = left.min(invoice.balance);
                split.put(invoice, part);
                left = left.subtract(part);
            }
            return split;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Invoice invoice : payable) {
            String field = "allocation." + invoice.id;
            BigDecimal part = FormInput.decimal(errors, field, requested.get(invoice.id), false);
            if (part == null || part.signum() == 0) {
                continue;
            }
            if (part.signum() < 0 || part.compareTo(invoice.balance) > 0) {
                errors.reject(field, "error_allocation_exceeds_balance");
                continue;
            }
            split.put(invoice, part);
            sum = sum.add(part);
        }
        if (errors.isEmpty() && sum.compareTo(amount) > 0) {
            errors.reject("amount", "error_allocation_sum");
        }
        return split;
    }
}
