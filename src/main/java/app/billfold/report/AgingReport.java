package app.billfold.report;

import app.billfold.biller.Biller;
import app.billfold.common.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was owed on a given day and how late, per account: current (not yet due), 1–30, 31–60,
 * 61–90 and over 90 days past due, and beside it the account's credit not yet used (credit notes
 * issued by then, less what of them went onto bills or back to the customer by then). Balances are
 * rebuilt as of that day from the ledger (the bill, less payments received by then, plus refunds
 * made by then, less credits taken off it by then), so a past date gives the aging that stood then,
 * not today's balances. The ledger check rebuilds the same figures by another route
 * ({@code LedgerCheck.asOf}), and a test holds the two together.
 */
@ApplicationScoped
public class AgingReport {

    /** One account's amounts per bucket, and its unused credit, at the currency's scale. */
    public record Row(
            Long accountId,
            String accountNumber,
            String customerName,
            BigDecimal current,
            BigDecimal days1to30,
            BigDecimal days31to60,
            BigDecimal days61to90,
            BigDecimal over90,
            BigDecimal credit) {

        /** What the account's bills owe, before its credit. */
        public BigDecimal total() {
            return current.add(days1to30).add(days31to60).add(days61to90).add(over90);
        }

        /** What the account owes once its credit is counted (negative: the biller owes the customer). */
        public BigDecimal net() {
            return total().subtract(credit);
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
                    over90.add(other.over90),
                    credit.add(other.credit));
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
        String currency = settings.currency;
        Instant endOfDay = day.plusDays(1).atStartOfDay(settings.zone()).toInstant();
        List<?> found = em.createNativeQuery("select a.id, a.number, c.name, i.due_date, i.gross_total"
                        + " - coalesce((select sum(pa.amount) from payment_allocation pa"
                        + "   join payment p on p.id = pa.payment_id"
                        + "   where pa.invoice_id = i.id and p.received_on <= ?1 and " + COUNTED_PAYMENT + "), 0)"
                        + " + coalesce((select sum(ra.amount) from refund_allocation ra"
                        + "   join refund r on r.id = ra.refund_id"
                        + "   where ra.invoice_id = i.id and r.created_at < ?2), 0)"
                        + " - coalesce((select sum(ca.amount) from credit_allocation ca"
                        + "   where ca.invoice_id = i.id and ca.created_at < ?2), 0)"
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
            BigDecimal owed = Money.round((BigDecimal) row[4], currency);
            if (owed.signum() <= 0) {
                continue;
            }
            LocalDate due = row[3] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) row[3];
            Long accountId = ((Number) row[0]).longValue();
            Row bucketed = bucket(accountId, (String) row[1], (String) row[2], due, day, owed, currency);
            byAccount.merge(accountId, bucketed, Row::plus);
        }
        List<?> credits = em.createNativeQuery("select a.id, a.number, c.name, sum(n.gross_total"
                        + " - coalesce((select sum(ca.amount) from credit_allocation ca"
                        + "   where ca.credit_note_id = n.id and ca.created_at < ?1), 0))"
                        + " from credit_note n join account a on a.id = n.account_id"
                        + " join customer c on c.id = a.customer_id"
                        + " where n.created_at < ?1 group by a.id, a.number, c.name")
                .setParameter(1, endOfDay)
                .getResultList();
        for (Object result : credits) {
            Object[] row = (Object[]) result;
            BigDecimal credit = Money.round((BigDecimal) row[3], currency);
            if (credit.signum() <= 0) {
                continue;
            }
            Long accountId = ((Number) row[0]).longValue();
            Row zero = empty(accountId, (String) row[1], (String) row[2], currency);
            byAccount.merge(
                    accountId,
                    new Row(
                            accountId,
                            zero.accountNumber(),
                            zero.customerName(),
                            zero.current(),
                            zero.days1to30(),
                            zero.days31to60(),
                            zero.days61to90(),
                            zero.over90(),
                            credit),
                    Row::plus);
        }
        List<Row> rows = new ArrayList<>(byAccount.values());
        rows.sort(Comparator.comparing(Row::accountNumber));
        Row totals = rows.stream().reduce(empty(null, "", "", currency), Row::plus);
        return new Report(day, currency, rows, totals);
    }

    /**
     * A payment counts from the day it was received; a reversed one stops counting at its
     * reversal. Shared by the report and kept in step with the ledger check.
     */
    static final String COUNTED_PAYMENT = "(p.status = 'SUCCEEDED' or (p.status = 'REVERSED' and p.reversed_at >= ?2))";

    /** The amount in the bucket of its lateness on the day. */
    static Row bucket(
            Long accountId,
            String number,
            String name,
            LocalDate due,
            LocalDate day,
            BigDecimal owed,
            String currency) {
        long late = ChronoUnit.DAYS.between(due, day);
        BigDecimal zero = Money.zero(currency).amount();
        return new Row(
                accountId,
                number,
                name,
                late <= 0 ? owed : zero,
                late >= 1 && late <= 30 ? owed : zero,
                late >= 31 && late <= 60 ? owed : zero,
                late >= 61 && late <= 90 ? owed : zero,
                late > 90 ? owed : zero,
                zero);
    }

    private static Row empty(Long accountId, String number, String name, String currency) {
        BigDecimal zero = Money.zero(currency).amount();
        return new Row(accountId, number, name, zero, zero, zero, zero, zero, zero);
    }
}
