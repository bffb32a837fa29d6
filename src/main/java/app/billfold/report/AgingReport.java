package app.billfold.report;

import app.billfold.biller.Biller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was owed on a given day and how late, per account: current (not yet due), 1–30, 31–60,
 * 61–90 and over 90 days past due. Balances are rebuilt as of that day from the ledger (the bill,
 * less payments received by then, plus refunds made by then), so a past date gives the aging that
 * stood then, not today's balances.
 */
@ApplicationScoped
public class AgingReport {

    /** One account's amounts per bucket, at the currency's scale. */
    public record Row(
            Long accountId,
            String accountNumber,
            String customerName,
            BigDecimal current,
            BigDecimal days1to30,
            BigDecimal days31to60,
            BigDecimal days61to90,
            BigDecimal over90) {

        public BigDecimal total() {
            return current.add(days1to30).add(days31to60).add(days61to90).add(over90);
        }

        Row plus(Row other) {
            return new Row(
                    accountId,
                    accountNumber,
                    customerName,
                    current.add(other.current),
                    days1to30.add(other.days1to30),
                    days31to60.add(other.days31to60),
                    days61to90.add(other.days61to90),
                    over90.add(other.over90));
        }
    }

    public record Report(LocalDate asOf, String currency, List<Row> rows, Row totals) {}

    @Inject
    EntityManager em;

    @Inject
    Biller biller;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Report asOf(LocalDate day) {
        var settings = biller.settings();
        int scale = java.util.Currency.getInstance(settings.currency).getDefaultFractionDigits();
        Instant endOfDay = day.plusDays(1).atStartOfDay(settings.zone()).toInstant();
        List<?> found = em.createNativeQuery("select a.id, a.number, c.name, i.due_date, i.gross_total"
                        + " - coalesce((select sum(pa.amount) from payment_allocation pa"
                        + "   join payment p on p.id = pa.payment_id"
                        + "   where pa.invoice_id = i.id and p.received_on <= ?1), 0)"
                        + " + coalesce((select sum(ra.amount) from refund_allocation ra"
                        + "   join refund r on r.id = ra.refund_id"
                        + "   where ra.invoice_id = i.id and r.created_at < ?2), 0)"
                        + " from invoice i join account a on a.id = i.account_id"
                        + " join customer c on c.id = a.customer_id"
                        + " where i.status <> 'DRAFT' and i.issue_date <= ?1"
                        + " and (i.voided_at is null or i.voided_at >= ?2)"
                        + " order by a.number, i.due_date")
                .setParameter(1, day)
                .setParameter(2, endOfDay)
                .getResultList();
        Map<Long, Row> byAccount = new LinkedHashMap<>();
        for (Object result : found) {
            Object[] row = (Object[]) result;
            BigDecimal owed = ((BigDecimal) row[4]).setScale(scale, RoundingMode.HALF_UP);
            if (owed.signum() <= 0) {
                continue;
            }
            LocalDate due = row[3] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) row[3];
            Long accountId = ((Number) row[0]).longValue();
            Row bucketed = bucket(accountId, (String) row[1], (String) row[2], due, day, owed, scale);
            byAccount.merge(accountId, bucketed, Row::plus);
        }
        List<Row> rows = new ArrayList<>(byAccount.values());
        Row totals = rows.stream().reduce(empty(null, "", "", scale), Row::plus);
        return new Report(day, settings.currency, rows, totals);
    }

    /** The amount in the bucket of its lateness on the day. */
    static Row bucket(
            Long accountId, String number, String name, LocalDate due, LocalDate day, BigDecimal owed, int scale) {
        long late = ChronoUnit.DAYS.between(due, day);
        BigDecimal zero = BigDecimal.ZERO.setScale(scale);
        return new Row(
                accountId,
                number,
                name,
                late <= 0 ? owed : zero,
                late >= 1 && late <= 30 ? owed : zero,
                late >= 31 && late <= 60 ? owed : zero,
                late >= 61 && late <= 90 ? owed : zero,
                late > 90 ? owed : zero);
    }

    private static Row empty(Long accountId, String number, String name, int scale) {
        BigDecimal zero = BigDecimal.ZERO.setScale(scale);
        return new Row(accountId, number, name, zero, zero, zero, zero, zero);
    }
}
