package app.billfold.einvoice;

import app.billfold.account.Account;
import app.billfold.invoice.CreditNote;
import app.billfold.invoice.CreditNoteLine;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceLine;
import app.billfold.invoice.VatCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * An issued invoice or credit note as an e-invoice sees it (type 380 or 381): numbers, dates,
 * references, and lines with their VAT treatment (the totals follow from the lines, as EN 16931
 * computes them and as Billfold prices its bills).
 */
public record EInvoiceDocument(
        boolean creditNote,
        String number,
        LocalDate issueDate,
        LocalDate dueDate,
        String currency,
        Account account,
        String buyerReference,
        String orderReference,
        String note,
        String correctedNumber,
        LocalDate correctedIssueDate,
        List<Line> lines) {

    public record Line(
            String description,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal taxRate,
            VatCategory category,
            String unitCode,
            String exemptionReason) {}

    public static EInvoiceDocument of(Invoice invoice) {
        return new EInvoiceDocument(
                false,
                invoice.number,
                invoice.issueDate,
                invoice.dueDate,
                invoice.currency,
                invoice.account,
                invoice.buyerReference,
                invoice.orderReference,
                invoice.note,
                null,
                null,
                invoice.lines.stream().map(EInvoiceDocument::line).toList());
    }

    /** A credit note, with the VAT treatment and unit of the invoice lines it credits. */
    public static EInvoiceDocument of(CreditNote note, Invoice invoice, ZoneId zone) {
        LocalDate issued = note.createdAt.atZone(zone).toLocalDate();
        List<Line> lines = note.lines.stream()
                .map(credited -> {
                    InvoiceLine line = invoice.lines.stream()
                            .filter(l -> l.id.equals(credited.invoiceLineId))
                            .findFirst()
                            .orElseThrow();
                    return line(credited, line);
                })
                .toList();
        return new EInvoiceDocument(
                true,
                note.number,
                issued,
                issued,
                note.currency,
                invoice.account,
                invoice.buyerReference,
                invoice.orderReference,
                note.reason,
                invoice.number,
                invoice.issueDate,
                lines);
    }

    private static Line line(InvoiceLine l) {
        return new Line(
                l.description, l.quantity, l.unitPrice, l.taxRate, l.vatCategory, l.unitCode, l.exemptionReason);
    }

    private static Line line(CreditNoteLine credited, InvoiceLine l) {
        return new Line(
                credited.description,
                credited.quantity,
                credited.unitPrice,
                credited.taxRate,
                l.vatCategory,
                l.unitCode,
                l.exemptionReason);
    }

    public boolean isBusiness() {
        return account.customer.isBusiness();
    }

    /** BT-10, which Peppol wants (or an order reference): given, else the customer's, else the account. */
    public String effectiveBuyerReference() {
        if (buyerReference != null) {
            return buyerReference;
        }
        String customers = account.customer.buyerReference;
        return customers != null && !customers.isBlank() ? customers : account.number;
    }

    public boolean isOutOfScope() {
        return lines.stream().anyMatch(l -> l.category() == VatCategory.O);
    }
}
