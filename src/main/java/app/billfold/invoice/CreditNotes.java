package app.billfold.invoice;

import app.billfold.audit.AuditLog;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.einvoice.IssuedDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Credit notes against issued invoices, and the account credit they leave. A credit note takes back
 * some or all of the quantity of the invoice's lines (never more than was billed, across notes);
 * its total comes off the invoice's balance as far as the invoice still owes it, and the rest stays
 * on the account: the account's next invoices take it on issue, or it is refunded. Every move is a
 * credit_allocation, so the ledger check can recompute every balance. Money a clerk recorded beyond
 * what the bills owed is account credit too ({@link UnallocatedPayments}): it is spent here by the
 * same rules, after the credit notes, so there is one account credit however it arose.
 */
@ApplicationScoped
@jakarta.inject.Named("creditNotes")
public class CreditNotes {

    @Inject
    InvoiceRepository invoices;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    IssuedDocuments documents;

    @Inject
    UnallocatedPayments payments;

    /**
     * Issues a credit note for the given quantity of each chosen line (line id to quantity text; a
     * blank quantity leaves the line out); throws InvalidInputException naming each bad field.
     */
    @Transactional
    public CreditNote issue(Long invoiceId, Map<Long, String> quantities, String reason, String actor) {
        Invoice invoice = invoices.lockForChange(invoiceId);
        if (invoice.status == InvoiceStatus.DRAFT || invoice.status == InvoiceStatus.VOID) {
            throw new BusinessRuleException("error_credit_status");
        }
        if (writtenOff(invoice.id)) {
            throw new BusinessRuleException("error_credit_written_off");
        }
        FieldErrors errors = new FieldErrors();
        String why = FormInput.text(errors, "reason", reason, true, 300);
        CreditNote note = new CreditNote();
        note.accountId = invoice.account.id;
        note.invoiceId = invoice.id;
        note.currency = invoice.currency;
        BigDecimal net = BigDecimal.ZERO;
        List<InvoicePricing.Taxed> taxed = new java.util.ArrayList<>();
        for (InvoiceLine line : invoice.lines) {
            String text = quantities.get(line.id);
            if (text == null || text.isBlank()) {
                continue;
            }
            String field = "quantity." + line.id;
            BigDecimal quantity = FormInput.decimal(errors, field, text, true);
            if (quantity == null) {
                continue;
            }
            BigDecimal left = line.quantity.subtract(creditedQuantity(line.id));
            if (quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 4 || quantity.compareTo(left) > 0) {
                errors.reject(field, "error_credit_quantity");
                continue;
            }
            CreditNoteLine credited = new CreditNoteLine();
            credited.creditNote = note;
            credited.invoiceLineId = line.id;
            credited.description = line.description;
            credited.quantity = quantity;
            credited.unitPrice = line.unitPrice;
            credited.taxRate = line.taxRate;
            // The whole rest of a line is credited at exactly what is left of its amounts, so that
            // rounding never leaves a cent billed or credits one too many.
            if (quantity.compareTo(left) == 0) {
                credited.netAmount = line.netAmount.subtract(creditedNet(line.id));
                credited.taxAmount = line.taxAmount.subtract(creditedTax(line.id));
            } else {
                credited.netAmount = InvoicePricing.net(quantity, line.unitPrice, invoice.currency);
                credited.taxAmount = InvoicePricing.tax(credited.netAmount, line.taxRate, invoice.currency);
            }
            net = net.add(credited.netAmount);
            taxed.add(new InvoicePricing.Taxed(line.vatCategory, line.taxRate, credited.netAmount));
            note.lines.add(credited);
        }
        if (note.lines.isEmpty() && errors.isEmpty()) {
            errors.reject("lines", "error_credit_no_lines");
        }
        errors.throwIfAny();
        note.reason = why;
        note.netTotal = net;
        // The note's tax follows the invoice rule (per category and rate), as its e-invoice states it.
        BigDecimal tax = InvoicePricing.taxOf(taxed, invoice.currency);
        note.taxTotal = tax;
        note.grossTotal = net.add(tax);
        note.createdAt = Instant.now(clock);
        note.createdBy = actor;
        note.persist();
        note.number = "CN-" + String.format("%06d", note.id);

        String before = invoice.number + " " + invoice.status + " balance " + invoice.balance;
        BigDecimal onInvoice = invoice.status.isPayable() ? note.grossTotal.min(invoice.balance) : BigDecimal.ZERO;
        if (onInvoice.signum() > 0) {
            allocate(note, invoice, onInvoice);
        }
        documents.freeze(note, invoice);
        audit.change(
                actor,
                "creditnote.issue",
                "account:" + invoice.account.id,
                note.number + " for " + invoice.number + " " + note.grossTotal + ": " + why,
                before,
                invoice.number + " " + invoice.status + " balance " + invoice.balance + "; account credit "
                        + available(invoice.account.id));
        return note;
    }

    /**
     * Gives up what a bill still owes: a credit note of kind write-off for exactly its balance, with
     * the reason, taken off the bill at once (so it never becomes account credit). The balance is
     * shared over the bill's lines by their gross amounts, each share split into net and tax at the
     * line's rate, the last line taking what rounding leaves so the note's total is the balance.
     */
    @Transactional
    public CreditNote writeOff(Long invoiceId, String reason, String actor) {
        Invoice invoice = invoices.lockForChange(invoiceId);
        if (!invoice.status.isPayable() || invoice.balance.signum() <= 0) {
            throw new BusinessRuleException("error_write_off_status");
        }
        FieldErrors errors = new FieldErrors();
        String why = FormInput.text(errors, "reason", reason, true, 280);
        errors.throwIfAny();
        java.util.Locale locale = java.util.Locale.forLanguageTag(invoice.account.customer.language);

        CreditNote note = new CreditNote();
        note.kind = CreditNoteKind.WRITE_OFF;
        note.accountId = invoice.account.id;
        note.invoiceId = invoice.id;
        note.currency = invoice.currency;
        BigDecimal balance = invoice.balance;
        BigDecimal left = balance;
        BigDecimal net = BigDecimal.ZERO;
        List<InvoiceLine> lines = invoice.lines.stream()
                .filter(l -> l.netAmount.add(l.taxAmount).signum() > 0)
                .toList();
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine line = lines.get(i);
            BigDecimal share = i == lines.size() - 1
                    ? left
                    : app.billfold.common.Money.round(
                            balance.multiply(line.netAmount.add(line.taxAmount))
                                    .divide(invoice.grossTotal, java.math.MathContext.DECIMAL128),
                            invoice.currency);
            share = share.min(left);
            if (share.signum() <= 0) {
                continue;
            }
            left = left.subtract(share);
            BigDecimal lineNet = app.billfold.common.Money.round(
                    share.divide(BigDecimal.ONE.add(line.taxRate.movePointLeft(2)), java.math.MathContext.DECIMAL128),
                    invoice.currency);
            CreditNoteLine credited = new CreditNoteLine();
            credited.creditNote = note;
            credited.invoiceLineId = line.id;
            String text = app.billfold.common.DocumentWords.in(
                    locale.getLanguage(), words -> words.write_off_line(line.description));
            credited.description = text.length() > 300 ? text.substring(0, 300) : text;
            credited.quantity = BigDecimal.ONE;
            credited.unitPrice = lineNet;
            credited.taxRate = line.taxRate;
            credited.netAmount = lineNet;
            credited.taxAmount = share.subtract(lineNet);
            net = net.add(lineNet);
            note.lines.add(credited);
        }
        note.reason = why;
        note.netTotal = net;
        note.taxTotal = balance.subtract(net);
        note.grossTotal = balance;
        note.createdAt = Instant.now(clock);
        note.createdBy = actor;
        note.persist();
        note.number = "CN-" + String.format("%06d", note.id);
        String before = invoice.number + " " + invoice.status + " balance " + invoice.balance;
        allocate(note, invoice, balance);
        documents.freeze(note, invoice);
        audit.change(
                actor,
                "invoice.writeoff",
                "account:" + invoice.account.id,
                note.number + " writes off " + invoice.number + " " + balance + ": " + why,
                before,
                invoice.number + " " + invoice.status + " balance " + invoice.balance);
        return note;
    }

    private boolean writtenOff(Long invoiceId) {
        return CreditNote.count("invoiceId = ?1 and kind = ?2", invoiceId, CreditNoteKind.WRITE_OFF) > 0;
    }

    /**
     * Applies the account's credit to a newly issued invoice: credit notes oldest first, then
     * payments' unallocated money oldest first. The caller holds the account lock (every issue
     * does), so two issues or an issue and a refund never spend the same credit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAccountCredit(Invoice invoice) {
        for (CreditNote note : CreditNote.<CreditNote>list("accountId = ?1 order by id", invoice.account.id)) {
            if (invoice.balance.signum() <= 0) {
                return;
            }
            BigDecimal left = remaining(note);
            if (left.signum() > 0) {
                allocate(note, invoice, left.min(invoice.balance));
            }
        }
        if (invoice.balance.signum() > 0) {
            payments.applyTo(invoice);
        }
    }

    /** The account's credit not yet used by an invoice or refunded: credit notes and payments. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BigDecimal available(Long accountId) {
        return CreditNote.<CreditNote>list("accountId", accountId).stream()
                .map(this::remaining)
                .reduce(payments.available(accountId), BigDecimal::add);
    }

    /** Records that part of the account's credit went back to the customer in this refund. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refunded(Long accountId, Long refundId, BigDecimal amount) {
        BigDecimal left = amount;
        for (CreditNote note : CreditNote.<CreditNote>list("accountId = ?1 order by id", accountId)) {
            BigDecimal take = remaining(note).min(left);
            if (take.signum() > 0) {
                CreditAllocation part = new CreditAllocation();
                part.creditNoteId = note.id;
                part.refundId = refundId;
                part.amount = take;
                part.createdAt = Instant.now(clock);
                part.persist();
                left = left.subtract(take);
            }
        }
        if (left.signum() > 0) {
            left = left.subtract(payments.refunded(accountId, refundId, left));
        }
        if (left.signum() > 0) {
            throw new BusinessRuleException("error_credit_refund_too_much");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CreditNote> forInvoice(Long invoiceId) {
        return CreditNote.list("invoiceId = ?1 order by id", invoiceId);
    }

    private void allocate(CreditNote note, Invoice invoice, BigDecimal amount) {
        invoice.applyCredit(amount);
        CreditAllocation part = new CreditAllocation();
        part.creditNoteId = note.id;
        part.invoiceId = invoice.id;
        part.amount = amount;
        part.createdAt = Instant.now(clock);
        part.persist();
        em.flush();
    }

    private BigDecimal remaining(CreditNote note) {
        BigDecimal used = em.createQuery(
                        "select coalesce(sum(a.amount), 0) from CreditAllocation a where a.creditNoteId = ?1",
                        BigDecimal.class)
                .setParameter(1, note.id)
                .getSingleResult();
        return note.grossTotal.subtract(used);
    }

    private BigDecimal creditedQuantity(Long lineId) {
        return sumOfLines("quantity", lineId);
    }

    private BigDecimal creditedNet(Long lineId) {
        return sumOfLines("netAmount", lineId);
    }

    private BigDecimal creditedTax(Long lineId) {
        return sumOfLines("taxAmount", lineId);
    }

    private BigDecimal sumOfLines(String field, Long lineId) {
        return em.createQuery(
                        "select coalesce(sum(l." + field + "), 0) from CreditNoteLine l where l.invoiceLineId = ?1",
                        BigDecimal.class)
                .setParameter(1, lineId)
                .getSingleResult();
    }
}
