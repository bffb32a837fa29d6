package app.billfold.billing;

import app.billfold.common.DocumentMessages;
import app.billfold.common.DocumentWords;
import app.billfold.common.Money;
import app.billfold.invoice.LineInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The invoice lines of one subscription for one period. A fixed line costs its price for a full
 * period and a share by days for a period the subscription covers in part (its first and last);
 * a metered line charges the period's usage, band by band when the line has tiers.
 */
public final class PeriodCharges {

    private PeriodCharges() {}

    /** Usage is missing for a metered line: the period cannot be billed yet. */
    public static class MissingUsage extends RuntimeException {
        public MissingUsage(String line) {
            super("no usage for \"" + line + "\"");
        }
    }

    /**
     * @param usage the period's usage per plan line id
     * @param currency the currency whose rounding a share by days follows
     */
    public static List<LineInput> lines(
            Subscription subscription, BillingPeriod period, Map<Long, BigDecimal> usage, String currency) {
        // The bill speaks the customer's language; dates stay ISO, which reads the same in both.
        return DocumentWords.in(
                subscription.account.customer.language, words -> lines(subscription, period, usage, currency, words));
    }

    private static List<LineInput> lines(
            Subscription subscription,
            BillingPeriod period,
            Map<Long, BigDecimal> usage,
            String currency,
            DocumentMessages words) {
        List<LineInput> lines = new ArrayList<>();
        long covered = period.coveredDays(subscription.startsOn, subscription.endsOn);
        String label =
                " " + words.period(period.start().toString(), period.lastDay().toString());
        for (PlanLine line : subscription.plan.lines) {
            if (!line.metered()) {
                if (covered == period.days()) {
                    lines.add(line(line.description + label, BigDecimal.ONE, line.unitPrice, line.taxRate));
                } else {
                    BigDecimal share = Money.share(line.unitPrice, covered, period.days(), currency);
                    String days = " "
                            + words.period_share(
                                    String.valueOf(covered),
                                    String.valueOf(period.days()),
                                    period.start().toString(),
                                    period.lastDay().toString());
                    lines.add(line(line.description + days, BigDecimal.ONE, share, line.taxRate));
                }
                continue;
            }
            BigDecimal quantity = usage.get(line.id);
            if (quantity == null) {
                throw new MissingUsage(line.description);
            }
            lines.addAll(metered(line, quantity, label, words));
        }
        return lines;
    }

    /** The usage split over the line's tiers: one invoice line per band used. */
    static List<LineInput> metered(PlanLine line, BigDecimal quantity, String label, DocumentMessages words) {
        List<LineInput> lines = new ArrayList<>();
        String unit = line.unit == null || line.unit.isBlank() ? "" : " " + line.unit;
        if (line.tiers.isEmpty()) {
            if (quantity.signum() > 0) {
                lines.add(line(line.description + label, quantity, line.unitPrice, line.taxRate));
            }
            return lines;
        }
        BigDecimal from = BigDecimal.ZERO;
        BigDecimal left = quantity;
        for (PlanTier tier : line.tiers) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal band =
                    tier.upTo == null ? left : tier.upTo.subtract(from).min(left);
            if (band.signum() > 0) {
                String range = " "
                        + (tier.upTo == null
                                ? words.tier_over(plain(from), unit)
                                : words.tier_band(plain(from), plain(tier.upTo), unit));
                lines.add(line(line.description + range + label, band, tier.unitPrice, line.taxRate));
            }
            left = left.subtract(band);
            if (tier.upTo != null) {
                from = tier.upTo;
            }
        }
        return lines;
    }

    private static LineInput line(String description, BigDecimal quantity, BigDecimal price, BigDecimal taxRate) {
        String text = description.length() > 200 ? description.substring(0, 200) : description;
        return new LineInput(text, plain(quantity), plain(price), plain(taxRate));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
