package app.billfold.billing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan period: from its start (the billing day) to the next period's start, exclusive. Periods
 * follow the calendar: monthly ones every month, quarterly ones from January, April, July and
 * October, yearly ones from January, each on the plan's billing day.
 */
public record BillingPeriod(LocalDate start, LocalDate end) {

    public LocalDate lastDay() {
        return end.minusDays(1);
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end);
    }

    /** The period that contains the day. */
    public static BillingPeriod containing(LocalDate day, Frequency frequency, int billingDay) {
        LocalDate candidate = day.withDayOfMonth(billingDay);
        if (candidate.isAfter(day)) {
            candidate = candidate.minusMonths(1);
        }
        // Step back to a month where periods of this frequency start (months 1, 4, 7, 10 or 1).
        while ((candidate.getMonthValue() - 1) % frequency.months != 0) {
            candidate = candidate.minusMonths(1);
        }
        return new BillingPeriod(candidate, candidate.plusMonths(frequency.months));
    }

    /**
     * The periods of a subscription that have ended by the billing date (invoices are issued in
     * arrears, on the day a period ends): from the one holding its first day to the one holding its
     * last day, or the last one ended.
     */
    public static List<BillingPeriod> ended(
            LocalDate startsOn, LocalDate endsOn, LocalDate billingDate, Frequency frequency, int billingDay) {
        List<BillingPeriod> periods = new ArrayList<>();
        BillingPeriod period = containing(startsOn, frequency, billingDay);
        while (!period.end.isAfter(billingDate) && (endsOn == null || !period.start.isAfter(endsOn))) {
            periods.add(period);
            period = new BillingPeriod(period.end, period.end.plusMonths(frequency.months));
        }
        return periods;
    }

    /** A day past every period: the next billing day of a subscription with nothing left to bill. */
    public static final LocalDate NEVER = LocalDate.of(9999, 12, 31);

    /** The first period not yet ended by the billing date, if the subscription still covers it. */
    public static java.util.Optional<BillingPeriod> next(
            LocalDate startsOn, LocalDate endsOn, LocalDate billingDate, Frequency frequency, int billingDay) {
        List<BillingPeriod> ended = ended(startsOn, endsOn, billingDate, frequency, billingDay);
        BillingPeriod period = ended.isEmpty()
                ? containing(startsOn, frequency, billingDay)
                : new BillingPeriod(
                        ended.get(ended.size() - 1).end,
                        ended.get(ended.size() - 1).end.plusMonths(frequency.months));
        return endsOn != null && period.start.isAfter(endsOn)
                ? java.util.Optional.empty()
                : java.util.Optional.of(period);
    }

    /** Days of this period the subscription covers (its last day included). */
    public long coveredDays(LocalDate startsOn, LocalDate endsOn) {
        LocalDate from = startsOn.isAfter(start) ? startsOn : start;
        LocalDate until = endsOn == null || !endsOn.plusDays(1).isBefore(end) ? end : endsOn.plusDays(1);
        return Math.max(0, ChronoUnit.DAYS.between(from, until));
    }
}
