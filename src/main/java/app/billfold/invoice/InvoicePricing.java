package app.billfold.invoice;

import app.billfold.common.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an invoice's amounts are computed. The rule, as printed in README: each line's net
 * (quantity x unit price) is rounded half-up to the currency's scale; the lines are grouped by VAT
 * category and rate, and each group's tax is its summed net times the rate, rounded half-up once
 * (as EN 16931 computes it, so that the e-invoice and the bill agree to the cent); the invoice's
 * net, tax and gross are the sums. A line's own tax is shown for information only.
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
        for (InvoiceLine line : invoice.lines) {
            priceLine(line, invoice.currency);
        }
        List<TaxBreakdown> groups = breakdown(
                invoice.lines.stream()
                        .map(l -> new Taxed(l.vatCategory, l.taxRate, l.netAmount))
                        .toList(),
                invoice.currency);
        invoice.netTotal = Money.round(sum(groups, TaxBreakdown::net), invoice.currency);
        invoice.taxTotal = Money.round(sum(groups, TaxBreakdown::tax), invoice.currency);
        invoice.grossTotal = invoice.netTotal.add(invoice.taxTotal);
        invoice.balance = invoice.owed();
    }

    /** The tax of some lines by the invoice rule: per category and rate, rounded once per group. */
    public static BigDecimal taxOf(List<Taxed> lines, String currency) {
        return Money.round(sum(breakdown(lines, currency), TaxBreakdown::tax), currency);
    }

    /** Net and tax per VAT category and rate, lowest rate first. */
    public static List<TaxBreakdown> breakdown(Invoice invoice) {
        return breakdown(
                invoice.lines.stream()
                        .map(l -> new Taxed(l.vatCategory, l.taxRate, l.netAmount))
                        .toList(),
                invoice.currency);
    }

    static List<TaxBreakdown> breakdown(List<Taxed> lines, String currency) {
        Map<String, BigDecimal> nets = new TreeMap<>();
        Map<String, Taxed> firstOf = new TreeMap<>();
        for (Taxed line : lines) {
            String key = String.format(java.util.Locale.ROOT, "%012.4f|%s", line.rate(), line.category());
            nets.merge(key, line.net(), BigDecimal::add);
            firstOf.putIfAbsent(key, line);
        }
        return nets.entrySet().stream()
                .map(e -> {
                    Taxed first = firstOf.get(e.getKey());
                    BigDecimal net = e.getValue();
                    return new TaxBreakdown(
                            first.category(),
                            first.rate().stripTrailingZeros(),
                            Money.of(net, currency),
                            Money.of(tax(net, first.rate(), currency), currency));
                })
                .toList();
    }

    private static BigDecimal sum(List<TaxBreakdown> groups, java.util.function.Function<TaxBreakdown, Money> part) {
        return groups.stream().map(g -> part.apply(g).amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A line as far as tax goes: its category, rate and net amount. */
    public record Taxed(VatCategory category, BigDecimal rate, BigDecimal net) {}

    public record TaxBreakdown(VatCategory category, BigDecimal rate, Money net, Money tax) {}
}
