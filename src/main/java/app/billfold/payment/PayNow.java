package app.billfold.payment;

import app.billfold.account.Account;
import app.billfold.account.AccountRepository;
import app.billfold.biller.Biller;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.InvalidInputException;
import app.billfold.common.Money;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceRepository;
import app.billfold.payment.gateway.HostedPage;
import app.billfold.payment.gateway.InvalidTokenException;
import app.billfold.payment.gateway.MethodDetails;
import app.billfold.payment.gateway.MethodKind;
import app.billfold.payment.gateway.PaymentGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A customer paying now: which bills and how much (in full or in part, never more than owed), with
 * a saved method or a new token, optionally saving it and enrolling in autopay on the way.
 */
@ApplicationScoped
public class PayNow {

    @Inject
    AccountRepository accounts;

    @Inject
    InvoiceRepository invoices;

    @Inject
    SavedMethods methods;

    @Inject
    Autopay autopay;

    @Inject
    TakePayment takePayment;

    @Inject
    PaymentGateway gateway;

    @Inject
    Biller biller;

    /** One of the customer's own accounts; anyone else's is not found. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Account account(Long customerId, Long accountId) {
        return accounts.findOwnedBy(accountId, customerId);
    }

    /**
     * Splits the amount over the chosen open invoices, oldest due first. A blank amount pays them in
     * full. Refuses nothing chosen, zero, fractions of a cent and more than they owe.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LinkedHashMap<Long, BigDecimal> parts(Long accountId, List<Long> chosen, String amountText) {
        FieldErrors errors = new FieldErrors();
        List<Invoice> payable = invoices.listPayableForAccount(accountId).stream()
                .filter(i -> chosen != null && chosen.contains(i.id))
                .toList();
        if (payable.isEmpty()) {
            errors.reject("invoice", "error_pay_choose");
            errors.throwIfAny();
        }
        BigDecimal owed = payable.stream().map(i -> i.balance).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal amount = amountText == null || amountText.isBlank()
                ? owed
                : FormInput.decimal(errors, "amount", amountText, true);
        int scale = Money.scaleOf(Currency.getInstance(biller.settings().currency));
        if (amount != null
                && (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > scale)) {
            errors.reject("amount", "error_amount");
        } else if (amount != null && amount.compareTo(owed) > 0) {
            errors.reject("amount", "error_pay_too_much");
        }
        errors.throwIfAny();
        LinkedHashMap<Long, BigDecimal> parts = new LinkedHashMap<>();
        BigDecimal left = amount;
        for (Invoice invoice : payable) {
            BigDecimal part = left.min(invoice.balance);
            if (part.signum() > 0) {
                parts.put(invoice.id, part);
                left = left.subtract(part);
            }
        }
        return parts;
    }

    /**
     * What a pay form promises to pay, shown beside its button before anything is sent: the amount
     * typed when it is one that would be accepted, else the chosen bills in full (zero when none is
     * chosen). Never refuses: the refusal comes with {@link #parts} when the form is sent.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Money formTotal(Long accountId, List<Long> chosen, String amountText) {
        String currency = biller.settings().currency;
        try {
            BigDecimal total =
                    parts(accountId, chosen, amountText).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            return Money.of(total, currency);
        } catch (InvalidInputException e) {
            BigDecimal owed = invoices.listPayableForAccount(accountId).stream()
                    .filter(i -> chosen != null && chosen.contains(i.id))
                    .map(i -> i.balance)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return Money.of(owed, currency);
        }
    }

    /** Pays with a method the customer saved before. */
    public ChargeAttempt withSavedMethod(
            Long customerId,
            Long accountId,
            LinkedHashMap<Long, BigDecimal> parts,
            Long methodId,
            boolean enrolAutopay,
            String key,
            String actor,
            ChargePurpose purpose) {
        SavedMethod method = methods.get(customerId, methodId);
        ChargeAttempt attempt = takePayment.pay(
                new PayOrder(accountId, parts, method.token, method.kind, method.label(), purpose, key, actor));
        if (attempt.status == ChargeStatus.SUCCEEDED && enrolAutopay) {
            autopay.enrol(customerId, accountId, method.id, actor);
        }
        return attempt;
    }

    /**
     * Pays with a token fresh from the hosted form. When the payer asked to save it or to pay future
     * bills with it automatically (autopay needs a saved method), it is kept only once the charge went
     * through (or a bank debit was accepted): a declined card is never saved.
     */
    public ChargeAttempt withNewToken(
            Long customerId,
            Long accountId,
            LinkedHashMap<Long, BigDecimal> parts,
            String token,
            boolean save,
            boolean enrolAutopay,
            String key,
            String actor,
            ChargePurpose purpose) {
        if (save || enrolAutopay) {
            Paid paid = payAndKeep(customerId, accountId, parts, token, true, key, actor, purpose);
            if (paid.method() != null && enrolAutopay) {
                autopay.enrol(customerId, accountId, paid.method().id, actor);
            }
            return paid.attempt();
        }
        MethodDetails details;
        try {
            details = gateway.describe(token);
        } catch (InvalidTokenException e) {
            throw new BusinessRuleException("error_method_token");
        }
        return takePayment.pay(new PayOrder(
                accountId, parts, token, details.kind(), SavedMethods.labelOf(details), purpose, key, actor));
    }

    /** A payment and the method it kept (null when it was not accepted). */
    public record Paid(ChargeAttempt attempt, SavedMethod method) {}

    /**
     * Attaches the token to the customer's record with the processor (so that it stays usable),
     * charges it, and keeps it as a saved method once the charge went through or a bank debit was
     * accepted. {@code mayBecomeDefault} is false for a guest, whose payment never changes the default.
     */
    public Paid payAndKeep(
            Long customerId,
            Long accountId,
            LinkedHashMap<Long, BigDecimal> parts,
            String token,
            boolean mayBecomeDefault,
            String key,
            String actor,
            ChargePurpose purpose) {
        MethodDetails details = methods.attach(customerId, token);
        ChargeAttempt attempt = takePayment.pay(new PayOrder(
                accountId, parts, details.token(), details.kind(), SavedMethods.labelOf(details), purpose, key, actor));
        if (!accepted(attempt)) {
            return new Paid(attempt, null);
        }
        return new Paid(attempt, methods.keep(customerId, details, attempt.mandateRef, mayBecomeDefault, actor));
    }

    static boolean accepted(ChargeAttempt attempt) {
        return attempt.status == ChargeStatus.SUCCEEDED || attempt.status == ChargeStatus.PROCESSING;
    }

    /** True when a new card or bank account is typed and paid on the processor's page (Stripe Checkout). */
    public boolean paysOnProcessorPage() {
        return gateway.paysOnHostedPage();
    }

    /**
     * Opens the processor's page to pay these parts. When the method is to be kept (saved, or for
     * autopay) the page is opened for the customer's processor record, so that it stays usable
     * off-session. Returns where to send the payer, or null when this key has already been paid.
     */
    public String openProcessorPage(
            Long customerId,
            Long accountId,
            LinkedHashMap<Long, BigDecimal> parts,
            MethodKind kind,
            boolean keep,
            String email,
            String key,
            String actor,
            ChargePurpose purpose,
            String returnUrl,
            String cancelUrl) {
        String customerReference = keep ? methods.processorCustomer(customerId) : null;
        HostedPage page = takePayment.openOnPage(
                new PayOrder(
                        accountId,
                        parts,
                        null,
                        kind,
                        kind.name().toLowerCase(java.util.Locale.ROOT),
                        purpose,
                        key,
                        actor),
                customerReference,
                email,
                returnUrl,
                cancelUrl);
        return page == null ? null : page.url();
    }

    /**
     * Back from the processor's page: records what happened there and, once the payment went
     * through (or a bank debit was accepted), keeps the method and enrols autopay as asked.
     */
    public ChargeAttempt finishProcessorPage(
            Long customerId, Long accountId, String key, boolean save, boolean enrolAutopay, String actor) {
        Paid paid = finishAndKeep(customerId, key, save || enrolAutopay, true, actor);
        if (paid.method() != null && enrolAutopay) {
            autopay.enrol(customerId, accountId, paid.method().id, actor);
        }
        return paid.attempt();
    }

    /**
     * Back from the processor's page: records what happened there and, when {@code keep} and the
     * payment was accepted, keeps the method that paid ({@code mayBecomeDefault}: not for a guest).
     */
    public Paid finishAndKeep(Long customerId, String key, boolean keep, boolean mayBecomeDefault, String actor) {
        ChargeAttempt attempt = takePayment.finishOnPage(key);
        if (!keep || !accepted(attempt) || attempt.token == null) {
            return new Paid(attempt, null);
        }
        MethodDetails details = methods.attach(customerId, attempt.token);
        return new Paid(attempt, methods.keep(customerId, details, attempt.mandateRef, mayBecomeDefault, actor));
    }
}
