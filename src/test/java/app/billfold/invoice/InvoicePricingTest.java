package app.billfold.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented rounding rule: per line, half-up to the currency's scale, then summed. */
class InvoicePricingTest {

    static InvoiceLine line(String quantity, String unitPrice, String rate) {
        InvoiceLine line = new InvoiceLine();
        line.description = "x";
        line.quantity = new BigDecimal(quantity);
        line.unitPrice = new BigDecimal(unitPrice);
        line.taxRate = new BigDecimal(rate);
        return line;
    }

    static Invoice invoiceWith(InvoiceLine... lines) {
        Invoice invoice = Invoice.draft(null, "EUR", LocalDate.of(2026, 4, 1), Instant.EPOCH);
        invoice.replaceLines(List.of(lines));
        return invoice;
    }

    @Test
    void roundsEachLineHalfUpThenSums() {
        // 3 x 0.335 = 1.005 -> 1.01 per line; summing unrounded would give 3.015 -> 3.02, not 3.03.
        Invoice invoice = invoiceWith(line("3", "0.335", "0"), line("3", "0.335", "0"), line("3", "0.335", "0"));
        assertThat(invoice.lines).allSatisfy(l -> assertThat(l.netAmount).isEqualByComparingTo("1.01"));
        assertThat(invoice.netTotal).isEqualByComparingTo("3.03");
        assertThat(invoice.grossTotal).isEqualByComparingTo("3.03");
    }

    @Test
    void roundsTaxOncePerRateAsEInvoicesDo() {
        // 0.10 at 5.5 % = 0.0055 per line, but the tax is the rate of the summed 0.20: 0.011 -> 0.01
        // (rounding each line first would give 0.02, and the e-invoice would disagree with the bill).
        Invoice invoice = invoiceWith(line("1", "0.10", "5.5"), line("1", "0.10", "5.5"));
        assertThat(invoice.taxTotal).isEqualByComparingTo("0.01");
        assertThat(invoice.grossTotal).isEqualByComparingTo("0.21");
        assertThat(invoice.netTotal.scale()).isEqualTo(2);
    }

    @Test
    void keepsVatCategoriesAtTheSameRateApart() {
        InvoiceLine zeroRated = line("1", "4", "0");
        zeroRated.vatCategory = VatCategory.Z;
        InvoiceLine exempt = line("1", "6", "0");
        exempt.vatCategory = VatCategory.E;
        List<InvoicePricing.TaxBreakdown> rows = invoiceWith(zeroRated, exempt).taxBreakdown();
        assertThat(rows)
                .extracting(InvoicePricing.TaxBreakdown::category)
                .containsExactly(VatCategory.E, VatCategory.Z);
        assertThat(rows).extracting(r -> r.net().amount().toPlainString()).containsExactly("6.00", "4.00");
    }

    @Test
    void breaksTaxDownPerRate() {
        Invoice invoice = invoiceWith(
                line("10", "2.345", "5.5"), line("1", "3", "20"), line("2", "1.50", "5.50"), line("1", "4", "0"));
        List<InvoicePricing.TaxBreakdown> rows = invoice.taxBreakdown();
        assertThat(rows).extracting(r -> r.rate().toPlainString()).containsExactly("0", "5.5", "20");
        assertThat(rows.get(1).net().amount()).isEqualByComparingTo("26.45");
        assertThat(rows.get(1).tax().amount()).isEqualByComparingTo("1.45"); // 26.45 x 5.5 % = 1.45475
        assertThat(rows.get(2).tax().amount()).isEqualByComparingTo("0.60");
        assertThat(invoice.taxTotal).isEqualByComparingTo("2.05");
        assertThat(invoice.grossTotal).isEqualByComparingTo("35.50");
        assertThat(invoice.balance).isEqualByComparingTo(invoice.grossTotal);
    }
}
