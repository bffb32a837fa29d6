package app.billfold.invoice;

import app.billfold.common.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an invoice's amounts are computed. The rule, as printed in README: each line's net
 * (quantity x unit price) is rounded half-up to the currency's scale; each line's tax (net x rate)
 * is rounded half-up the same way; the invoice's net, tax and gross are the sums of the rounded
 * line amounts, and the tax breakdown per rate sums the lines of that rate.
 */
public final class InvoicePricing {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private InvoicePricing() {}

    public static void priceLine(InvoiceLine line, String currency) {
        line.netAmount = net(line.quantity, line.unitPrice, currency);
        line.taxAmount = tax(line.netAmount, line.taxRate, currency);
    }

    /** A line's net amount: quantity times unit price, rounded to the currency. */
    public static BigDecimal net(BigDecimal quantity, BigDecimal unitPrice, String currency) {
        return Money.round(quantity.multiply(unitPrice), currency);
    }

    /** A line's tax: its net amount at the rate (a percentage), rounded to the currency. */
    public static BigDecimal tax(BigDecimal net, BigDecimal rate, String currency) {
        return Money.round(net.multiply(rate).divide(HUNDRED), currency);
    }

    /** Re-prices every line and sets the invoice's totals and balance from them. */
    public static void priceInvoice(Invoice invoice) {
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (InvoiceLine line : invoice.lines) {
            priceLine(line, invoice.currency);
            net = net.add(line.netAmount);
            tax = tax.add(line.taxAmount);
        }
        invoice.netTotal = Money.round(net, invoice.currency);
        invoice.taxTotal = Money.round(tax, invoice.currency);
        invoice.grossTotal = invoice.netTotal.add(invoice.taxTotal);
        invoice.balance = invoice.owed();
    }

    /** Net and tax per tax rate, lowest rate first. */
    public static List<TaxBreakdown> breakdown(Invoice invoice) {
        Map<BigDecimal, BigDecimal[]> byRate = new TreeMap<>();
        for (InvoiceLine line : invoice.lines) {
            BigDecimal[] sums = byRate.computeIfAbsent(
                    line.taxRate.stripTrailingZeros(), r -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(line.netAmount);
            sums[1] = sums[1].add(line.taxAmount);
        }
        return byRate.entrySet().stream()
                .map(e -> new TaxBreakdown(
                        e.getKey(),
                        Money.of(e.getValue()[0], invoice.currency),
                        Money.of(e.getValue()[1], invoice.currency)))
                .toList();
    }

    public record TaxBreakdown(BigDecimal rate, Money net, Money tax) {}
}
