package app.billfold.einvoice;

import app.billfold.biller.BillerSettings;
import app.billfold.common.FieldErrors;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceLine;
import app.billfold.invoice.VatCategory;

/**
 * What a business invoice needs before it is issued, so that its Factur-X and Peppol UBL pass
 * their rules: each problem names the missing data and where to give it. Consumer invoices are
 * not held back (their e-invoice is a courtesy; the PDF is what they pay from).
 */
public final class EInvoiceCheck {

    private EInvoiceCheck() {}

    public static FieldErrors problems(Invoice invoice, BillerSettings biller) {
        FieldErrors problems = new FieldErrors();
        if (!invoice.account.customer.isBusiness()) {
            return problems;
        }
        BusinessDetails seller = biller.business();
        BusinessDetails buyer = invoice.account.customer.business();
        boolean outOfScope = invoice.lines.stream().anyMatch(l -> l.vatCategory == VatCategory.O);
        if (!seller.hasCountry()) {
            problems.reject("seller.country", "missing_seller_country");
        }
        if (seller.endpoint() == null) {
            problems.reject("seller.endpoint", "missing_seller_endpoint");
        }
        if (outOfScope) {
            if (invoice.lines.stream().anyMatch(l -> l.vatCategory != VatCategory.O)) {
                problems.reject("lines.mixed", "out_of_scope_mixed");
            }
            if (seller.hasVatId()) {
                problems.reject("seller.vatId", "out_of_scope_with_vat_id");
            }
        } else if (!seller.hasVatId() && needsSellerVatId(invoice, biller)) {
            problems.reject("seller.vatId", "missing_seller_vat_id");
        }
        if (!buyer.hasCountry()) {
            problems.reject("buyer.country", "missing_buyer_country");
        }
        if (buyer.endpoint() == null) {
            problems.reject("buyer.endpoint", "missing_buyer_endpoint");
        }
        if (!buyer.hasVatId() && invoice.lines.stream().anyMatch(l -> l.vatCategory == VatCategory.AE)) {
            problems.reject("buyer.vatId", "missing_buyer_vat_id");
        }
        return problems;
    }

    /**
     * S, Z and AE need the seller's VAT id (BR-S-2, BR-Z-2, BR-AE-2); an exempt line is satisfied
     * by the tax registration id as well (BR-E-2).
     */
    private static boolean needsSellerVatId(Invoice invoice, BillerSettings biller) {
        boolean hasTaxRegistration = biller.taxId != null && !biller.taxId.isBlank();
        for (InvoiceLine line : invoice.lines) {
            if (line.vatCategory == VatCategory.E ? !hasTaxRegistration : line.vatCategory != VatCategory.O) {
                return true;
            }
        }
        return false;
    }
}
