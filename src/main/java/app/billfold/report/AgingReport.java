package app.billfold.report;

import app.billfold.biller.Biller;
import app.billfold.common.Money;
import app.billfold.common.Page;
import app.billfold.common.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What was owed on a given day and how late, per account: current (not yet due), 1–30, 31–60,
 * 61–90 and over 90 days past due, and beside it the account's credit not yet used (credit notes
 * issued by then, less what of them went onto bills or back to the customer by then; and payments
 * received by then, less what bills issued by then took of them and what was refunded of them as
 * credit). Credit is not taken off the buckets: a bill stays as late as it is, and the credit goes
 * onto the account's next bill; {@link Row#net()} is what the account owes once its credit is
 * counted. Balances are
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
    }

    public record Report(LocalDate asOf, String currency, List<Row> rows, Row totals) {}

    @Inject
    EntityManager em;

    @Inject
    Biller biller;

    /** The whole report: every account owing or in credit on the day, and the totals. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Report asOf(LocalDate day) {
        String currency = biller.settings().currency;
        return new Report(day, currency, rows(day, null, null, Integer.MAX_VALUE, 0), totals(day));
    }

    /** One page of the report (accounts by number), with the totals of all of it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PagedReport page(LocalDate day, Paging paging) {
        String currency = biller.settings().currency;
        Page<Row> page = paging.of(rows(day, null, null, paging.rows(), paging.first()));
        return new PagedReport(new Report(day, currency, page.items(), totals(day)), page);
    }

    /** A page of the report and where it stands in the whole. */
    public record PagedReport(Report report, Page<Row> page) {}

    /**
     * The rows of the accounts numbered after {@code after} up to {@code upTo} (either null: no
     * bound), at most {@code limit} from {@code offset}, by account number. An export walks the
     * accounts range by range with it, each range a short read of its own.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Row> rows(LocalDate day, String after, String upTo, int limit, int offset) {
        String currency = biller.settings().currency;
        String range =
                (after == null ? "" : " and ra.number > :after") + (upTo == null ? "" : " and ra.number <= :upTo");
        String accounts = range.isEmpty() ? "" : " and %s in (select ra.id from account ra where true" + range + ")";
        var query = em.createNativeQuery(buckets(accounts)
                        + " select a.id, a.number, c.name, b.cur, b.d30, b.d60, b.d90, b.old, cr.credit"
                        + " from account a join customer c on c.id = a.customer_id"
                        + " left join bills b on b.account_id = a.id left join credits cr on cr.account_id = a.id"
                        + " where (b.account_id is not null or cr.account_id is not null)"
                        + (range.isEmpty() ? "" : range.replace("ra.", "a."))
                        + " order by a.number")
                .setMaxResults(limit)
                .setFirstResult(offset);
        bind(query, day);
        if (after != null) {
            query.setParameter("after", after);
        }
        if (upTo != null) {
            query.setParameter("upTo", upTo);
        }
        List<Row> rows = new ArrayList<>();
        for (Object result : query.getResultList()) {
            Object[] r = (Object[]) result;
            rows.add(new Row(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    amount(r[3], currency),
                    amount(r[4], currency),
                    amount(r[5], currency),
                    amount(r[6], currency),
                    amount(r[7], currency),
                    amount(r[8], currency)));
        }
        return rows;
    }

    /** The account numbers after {@code after} (null: from the first), {@code limit} of them: an export's ranges. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> accountNumbers(String after, int limit) {
        var query = after == null
                ? em.createQuery("select a.number from Account a order by a.number", String.class)
                : em.createQuery("select a.number from Account a where a.number > ?1 order by a.number", String.class)
                        .setParameter(1, after);
        return query.setMaxResults(limit).getResultList();
    }

    /** The sum of every row, read in one aggregate query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Row totals(LocalDate day) {
        String currency = biller.settings().currency;
        var query = em.createNativeQuery(buckets("")
                + " select (select sum(cur) from bills), (select sum(d30) from bills), (select sum(d60) from bills),"
                + " (select sum(d90) from bills), (select sum(old) from bills), (select sum(credit) from credits)");
        bind(query, day);
        Object[] r = (Object[]) query.getSingleResult();
        return new Row(
                null,
                "",
                "",
                amount(r[0], currency),
                amount(r[1], currency),
                amount(r[2], currency),
                amount(r[3], currency),
                amount(r[4], currency),
                amount(r[5], currency));
    }

    /**
     * Two named subqueries: {@code bills}, per account what its bills still owed at the end of the
     * day, by lateness (a bill owing nothing or less is left out); {@code credits}, per account the
     * credit not yet used by then, when above zero: credit notes' rest, and clerks' payments' money
     * that no bill issued by then took and that was not refunded by then. Lateness is compared as due dates against
     * the bucket's bounds (worked out in Java), which H2 and PostgreSQL read alike.
     */
    private static String buckets(String accounts) {
        return "with owed as (select i.account_id, i.due_date, i.gross_total"
                + " - coalesce((select sum(pa.amount) from payment_allocation pa"
                + "   join payment p on p.id = pa.payment_id"
                + "   where pa.invoice_id = i.id and p.received_on <= :day and " + COUNTED_PAYMENT + "), 0)"
                + " + coalesce((select sum(ra.amount) from refund_allocation ra"
                + "   join refund r on r.id = ra.refund_id"
                + "   where ra.invoice_id = i.id and r.created_at < :endOfDay), 0)"
                + " - coalesce((select sum(ca.amount) from credit_allocation ca"
                + "   where ca.invoice_id = i.id and ca.created_at < :endOfDay), 0) as amount"
                + " from invoice i where i.status <> 'DRAFT' and i.issue_date <= :day"
                + " and (i.voided_at is null or i.voided_at >= :endOfDay)"
                + (accounts.isEmpty() ? "" : accounts.formatted("i.account_id"))
                + "), bills as (select account_id,"
                + " sum(case when due_date >= :day then amount else 0 end) as cur,"
                + " sum(case when due_date < :day and due_date >= :late30 then amount else 0 end) as d30,"
                + " sum(case when due_date < :late30 and due_date >= :late60 then amount else 0 end) as d60,"
                + " sum(case when due_date < :late60 and due_date >= :late90 then amount else 0 end) as d90,"
                + " sum(case when due_date < :late90 then amount else 0 end) as old"
                + " from owed where amount > 0 group by account_id),"
                + " held as (select n.account_id, n.gross_total"
                + " - coalesce((select sum(ca.amount) from credit_allocation ca"
                + "   where ca.credit_note_id = n.id and ca.created_at < :endOfDay), 0) as amount"
                + " from credit_note n where n.created_at < :endOfDay"
                + (accounts.isEmpty() ? "" : accounts.formatted("n.account_id"))
                // Only a clerk's payment can hold money no bill took (see PaymentCredit).
                + " union all select p.account_id, p.amount"
                + " - coalesce((select sum(pa.amount) from payment_allocation pa"
                + "   join invoice pi on pi.id = pa.invoice_id"
                + "   where pa.payment_id = p.id and pi.issue_date <= :day), 0)"
                + " - coalesce((select sum(ca.amount) from credit_allocation ca"
                + "   where ca.payment_id = p.id and ca.created_at < :endOfDay), 0)"
                + " from payment p where p.method in ('CHEQUE', 'CASH', 'TRANSFER') and p.received_on <= :day"
                + " and " + COUNTED_PAYMENT
                + (accounts.isEmpty() ? "" : accounts.formatted("p.account_id"))
                + "), credits as (select account_id, sum(amount) as credit from held"
                + " group by account_id having sum(amount) > 0)";
    }

    private void bind(jakarta.persistence.Query query, LocalDate day) {
        Instant endOfDay =
                day.plusDays(1).atStartOfDay(biller.settings().zone()).toInstant();
        // A bill due on day - 30 is 30 days late (the last of 1-30); due the day before, 31.
        query.setParameter("day", day)
                .setParameter("endOfDay", endOfDay)
                .setParameter("late30", day.minusDays(30))
                .setParameter("late60", day.minusDays(60))
                .setParameter("late90", day.minusDays(90));
    }

    private static BigDecimal amount(Object value, String currency) {
        return value == null ? Money.zero(currency).amount() : Money.round((BigDecimal) value, currency);
    }

    /**
     * A payment counts from the day it was received; a reversed one stops counting at its
     * reversal. Shared by the report and kept in step with the ledger check.
     */
    static final String COUNTED_PAYMENT =
            "(p.status = 'SUCCEEDED' or (p.status = 'REVERSED' and p.reversed_at >= :endOfDay))";
}
