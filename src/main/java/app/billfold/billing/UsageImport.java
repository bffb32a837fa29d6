package app.billfold.billing;

import app.billfold.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Usage from a CSV file with the header account,plan,line,period_start,quantity: the account
 * number, the plan's name, the metered line's description, the first day of the period, and the
 * units used. Every row is checked first; if one is wrong, nothing of the file is applied and each
 * bad row is reported with its line number and reason. A row for a usage already recorded replaces
 * it, so importing the same file twice changes nothing the second time.
 */
@ApplicationScoped
public class UsageImport {

    static final int MAX_ROWS = 50_000;

    /** A bad row: its line in the file (the header is line 1) and why. */
    public record Problem(long line, String reason) {}

    /** What an import did, or would have done. */
    public record Result(int rows, List<Problem> problems) {
        public boolean applied() {
            return problems.isEmpty();
        }
    }

    private record Row(Subscription subscription, PlanLine line, LocalDate periodStart, BigDecimal quantity) {}

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public Result importCsv(String text, String actor) {
        List<Problem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (CSVParser parser = app.billfold.common.UploadedCsv.parse(text)) {
            if (!parser.getHeaderNames().equals(List.of("account", "plan", "line", "period_start", "quantity"))) {
                return new Result(
                        0, List.of(new Problem(1, "the header must be account,plan,line,period_start,quantity")));
            }
            for (CSVRecord record : parser) {
                long lineNumber = parser.getCurrentLineNumber();
                if (rows.size() + problems.size() >= MAX_ROWS) {
                    problems.add(new Problem(lineNumber, "more than " + MAX_ROWS + " rows: split the file"));
                    break;
                }
                if (!record.isConsistent()) {
                    problems.add(new Problem(lineNumber, "expected 5 columns, found " + record.size()));
                    continue;
                }
                try {
                    Row row = read(record);
                    String key = row.subscription.id + "/" + row.line.id + "/" + row.periodStart;
                    if (!seen.add(key)) {
                        throw new IllegalArgumentException(
                                "the same account, line and period appear twice in the file");
                    }
                    rows.add(row);
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(lineNumber, e.getMessage()));
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            // The parser's own message names Java exceptions; the clerk needs to know what to fix.
            return new Result(
                    0,
                    List.of(new Problem(
                            1, "not a readable CSV file: check that every quote is closed and the file is complete")));
        } catch (IllegalArgumentException e) {
            // Commons CSV's answer to a header with an empty or repeated column name.
            return new Result(0, List.of(new Problem(1, "the header must be account,plan,line,period_start,quantity")));
        }
        if (!problems.isEmpty()) {
            return new Result(rows.size() + problems.size(), problems);
        }
        Instant now = Instant.now(clock);
        for (Row row : rows) {
            UsageRecord usage = UsageRecord.<UsageRecord>find(
                            "subscriptionId = ?1 and planLineId = ?2 and periodStart = ?3",
                            row.subscription.id,
                            row.line.id,
                            row.periodStart)
                    .firstResult();
            if (usage == null) {
                usage = new UsageRecord();
                usage.subscriptionId = row.subscription.id;
                usage.planLineId = row.line.id;
                usage.periodStart = row.periodStart;
            } else if (usage.quantity.compareTo(row.quantity) == 0) {
                continue;
            }
            usage.quantity = row.quantity;
            usage.importedAt = now;
            usage.importedBy = actor;
            usage.persist();
        }
        audit.record(actor, "usage.import", "usage", rows.size() + " rows");
        return new Result(rows.size(), List.of());
    }

    private Row read(CSVRecord record) {
        String accountNumber = record.get("account").replaceAll("\\s", "");
        String planName = record.get("plan");
        String lineName = record.get("line");
        List<Subscription> subscriptions = Subscription.list(
                "account.number = ?1 and lower(plan.name) = ?2",
                accountNumber,
                planName.toLowerCase(java.util.Locale.ROOT));
        if (subscriptions.isEmpty()) {
            throw new IllegalArgumentException(
                    "account " + accountNumber + " has no subscription to plan \"" + planName + "\"");
        }
        LocalDate periodStart;
        try {
            periodStart = LocalDate.parse(record.get("period_start"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("period_start must be a date like 2026-03-01");
        }
        Subscription subscription = subscriptions.stream()
                .filter(s -> !s.startsOn.isAfter(periodStart.plusMonths(s.plan.frequency.months))
                        && (s.endsOn == null || !s.endsOn.isBefore(periodStart)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the subscription does not cover " + periodStart));
        Plan plan = subscription.plan;
        if (!BillingPeriod.containing(periodStart, plan.frequency, plan.billingDay)
                .start()
                .equals(periodStart)) {
            throw new IllegalArgumentException(
                    "period_start " + periodStart + " is not the first day of a period of plan \"" + plan.name + "\"");
        }
        PlanLine line = plan.lines.stream()
                .filter(l -> l.metered() && l.description.equalsIgnoreCase(lineName.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "plan \"" + plan.name + "\" has no metered line \"" + lineName + "\""));
        BigDecimal quantity;
        try {
            quantity = new BigDecimal(record.get("quantity").replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("quantity must be a number, like 12.5");
        }
        if (quantity.signum() < 0 || quantity.stripTrailingZeros().scale() > 4 || quantity.compareTo(Plans.MAX) > 0) {
            throw new IllegalArgumentException("quantity must be zero or more, with at most 4 decimals");
        }
        return new Row(subscription, line, periodStart, quantity);
    }
}
