package app.billfold.invoice;

import app.billfold.account.Account;
import app.billfold.account.AccountRepository;
import app.billfold.account.AccountStatus;
import app.billfold.audit.AuditLog;
import app.billfold.biller.Biller;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creating and editing draft invoices, before they are issued. */
@ApplicationScoped
public class DraftInvoices {

    static final int MAX_LINES = 500;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    InvoiceRepository invoices;

    @Inject
    AccountRepository accounts;

    @Inject
    Biller biller;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The rate a new line starts with (the biller's usual VAT rate), as the clerk would type it. */
    @ConfigProperty(name = "billfold.invoices.default-tax-rate", defaultValue = "0")
    BigDecimal defaultTaxRate;

    public String defaultRate() {
        return defaultTaxRate.stripTrailingZeros().toPlainString();
    }

    @Transactional
    public Invoice create(Long accountId, DraftForm form, String actor) {
        Account account =
                accounts.findByIdOptional(accountId).orElseThrow(() -> new NotFoundException("account " + accountId));
        if (account.status != AccountStatus.ACTIVE) {
            throw new BusinessRuleException("error_account_closed");
        }
        FieldErrors errors = new FieldErrors();
        LocalDate due = FormInput.date(errors, "dueDate", form.dueDate(), true);
        String currency = biller.settings().currency;
        List<InvoiceLine> lines = readLines(form.lines(), errors);
        References references = readReferences(form, errors);
        errors.throwIfAny();

        Invoice invoice = Invoice.draft(account, currency, due, Instant.now(clock));
        references.applyTo(invoice);
        invoice.replaceLines(lines);
        invoices.persist(invoice);
        audit.record(actor, "invoice.draft", "invoice:" + invoice.id, "account " + account.number);
        return invoice;
    }

    @Transactional
    public Invoice update(Long invoiceId, DraftForm form, String actor) {
        Invoice invoice =
                invoices.findByIdOptional(invoiceId).orElseThrow(() -> new NotFoundException("invoice " + invoiceId));
        if (invoice.status != InvoiceStatus.DRAFT) {
            throw new BusinessRuleException("error_invoice_not_draft");
        }
        FieldErrors errors = new FieldErrors();
        LocalDate due = FormInput.date(errors, "dueDate", form.dueDate(), true);
        List<InvoiceLine> lines = readLines(form.lines(), errors);
        References references = readReferences(form, errors);
        errors.throwIfAny();
        invoice.dueDate = due;
        references.applyTo(invoice);
        invoice.replaceLines(lines);
        audit.record(actor, "invoice.draft.update", "invoice:" + invoice.id, lines.size() + " lines");
        return invoice;
    }

    @Transactional
    public Long discard(Long invoiceId, String actor) {
        Invoice invoice =
                invoices.findByIdOptional(invoiceId).orElseThrow(() -> new NotFoundException("invoice " + invoiceId));
        if (invoice.status != InvoiceStatus.DRAFT) {
            throw new BusinessRuleException("error_invoice_not_draft");
        }
        Long accountId = invoice.account.id;
        invoices.delete(invoice);
        audit.record(actor, "invoice.draft.discard", "invoice:" + invoiceId, null);
        return accountId;
    }

    private record References(String buyer, String order, String note) {
        void applyTo(Invoice invoice) {
            invoice.buyerReference = buyer;
            invoice.orderReference = order;
            invoice.note = note;
        }
    }

    private static References readReferences(DraftForm form, FieldErrors errors) {
        return new References(
                FormInput.optional(errors, "buyerReference", form.buyerReference(), 100),
                FormInput.optional(errors, "orderReference", form.orderReference(), 100),
                FormInput.optional(errors, "note", form.note(), 500));
    }

    private List<InvoiceLine> readLines(List<LineInput> inputs, FieldErrors errors) {
        boolean sellerHasVatId = biller.settings().business().hasVatId();
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            LineInput input = inputs.get(i);
            if (input.isBlank()) {
                continue;
            }
            InvoiceLine line = new InvoiceLine();
            line.description = FormInput.text(errors, "description." + i, input.description(), true, 300);
            line.quantity = FormInput.decimal(errors, "quantity." + i, input.quantity(), true);
            if (line.quantity != null
                    && (line.quantity.signum() <= 0
                            || line.quantity.compareTo(MAX_AMOUNT) > 0
                            || line.quantity.stripTrailingZeros().scale() > 4)) {
                errors.reject("quantity." + i, "error_quantity");
            }
            line.unitPrice = FormInput.decimal(errors, "unitPrice." + i, input.unitPrice(), true);
            if (line.unitPrice != null
                    && (line.unitPrice.signum() < 0
                            || line.unitPrice.compareTo(MAX_AMOUNT) > 0
                            || line.unitPrice.stripTrailingZeros().scale() > 4)) {
                errors.reject("unitPrice." + i, "error_unit_price");
            }
            String rate = input.taxRate() == null || input.taxRate().isBlank() ? "0" : input.taxRate();
            line.taxRate = FormInput.decimal(errors, "taxRate." + i, rate, true);
            if (line.taxRate != null
                    && (line.taxRate.signum() < 0
                            || line.taxRate.compareTo(HUNDRED) > 0
                            || line.taxRate.stripTrailingZeros().scale() > 4)) {
                errors.reject("taxRate." + i, "error_tax_rate");
            }
            readTaxTreatment(input, i, line, sellerHasVatId, errors);
            lines.add(line);
        }
        if (lines.isEmpty()) {
            errors.reject("lines", "error_invoice_no_lines");
        } else if (lines.size() > MAX_LINES) {
            errors.reject("lines", "error_too_many_lines");
        }
        return lines;
    }

    /** The unit, the VAT category (which must fit the rate) and, where the category needs one, why no VAT. */
    private static void readTaxTreatment(
            LineInput input, int i, InvoiceLine line, boolean sellerHasVatId, FieldErrors errors) {
        String unit = input.unitCode() == null || input.unitCode().isBlank()
                ? "C62"
                : input.unitCode().strip();
        if (!UnitCode.isKnown(unit)) {
            errors.reject("unitCode." + i, "error_choice");
        }
        line.unitCode = unit;
        line.exemptionReason = FormInput.optional(errors, "exemptionReason." + i, input.exemptionReason(), 200);
        if (line.taxRate == null) {
            return;
        }
        if (input.vatCategory() == null || input.vatCategory().isBlank()) {
            line.vatCategory = VatCategory.byDefault(line.taxRate, sellerHasVatId);
        } else {
            line.vatCategory = FormInput.choice(errors, "vatCategory." + i, input.vatCategory(), VatCategory.class);
            if (line.vatCategory != null && !line.vatCategory.takesRate(line.taxRate)) {
                errors.reject("vatCategory." + i, "error_vat_category_rate");
            }
        }
        if (line.vatCategory == VatCategory.E && line.exemptionReason == null) {
            errors.reject("exemptionReason." + i, "error_exemption_reason");
        }
    }
}
