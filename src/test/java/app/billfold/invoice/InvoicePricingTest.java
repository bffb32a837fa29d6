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
    void roundsTaxPerLineHalfUp() {
        // 0.10 at 5.5 % = 0.0055 -> 0.01 on each of two lines: tax 0.02 (rounding the sum, 0.011, gives 0.01).
        Invoice invoice = invoiceWith(line("1", "0.10", "5.5"), line("1", "0.10", "5.5"));
        assertThat(invoice.taxTotal).isEqualByComparingTo("0.02");
        assertThat(invoice.grossTotal).isEqualByComparingTo("0.22");
        assertThat(invoice.netTotal.scale()).isEqualTo(2);
    }

    @Test
    void breaksTaxDownPerRate() {
        Invoice invoice = invoiceWith(
                line("10", "2.345", "5.5"), line("1", "3", "20"), line("2", "1.50", "5.50"), line("1", "4", "0"));
        List<InvoicePricing.TaxBreakdown> rows = invoice.taxBreakdown();
        assertThat(rows).extracting(r -> r.rate().toPlainString()).containsExactly("0", "5.5", "20");
        assertThat(rows.get(1).net().amount()).isEqualByComparingTo("26.45");
        assertThat(rows.get(1).tax().amount()).isEqualByComparingTo("1.46"); // 1.29 + 0.17
        assertThat(rows.get(2).tax().amount()).isEqualByComparingTo("0.60");
        assertThat(invoice.taxTotal).isEqualByComparingTo("2.06");
        assertThat(invoice.grossTotal).isEqualByComparingTo("35.51");
        assertThat(invoice.balance).isEqualByComparingTo(invoice.grossTotal);
    }
}
