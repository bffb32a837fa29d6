package app.billfold.report;

import app.billfold.autopay.AutopayQueue;
import app.billfold.biller.Biller;
import app.billfold.billing.BillingRun;
import app.billfold.billing.BillingRuns;
import app.billfold.common.Money;
import app.billfold.common.Page;
import app.billfold.common.Paging;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.notify.OutboxMessage;
import app.billfold.notify.PrintQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The console's home: what needs a clerk today, in counts and amounts, each figure read from the
 * same state as the list it links to (so the number on the home page is the length of that list).
 */
@ApplicationScoped
public class Dashboard {

    /** The bills behind a figure of the home page. */
    public enum Unpaid {
        DUE_TODAY("i.dueDate = :today"),
        OVERDUE("i.dueDate < :today");

        final String when;

        Unpaid(String when) {
            this.when = when;
        }

        /** The list a query value names ("due-today", "overdue"), if any. */
        public static java.util.Optional<Unpaid> named(String value) {
            for (Unpaid u : values()) {
                if (u.name().replace('_', '-').equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return java.util.Optional.of(u);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** Bills in one state: how many, and what they still owe in the biller's currency. */
    public record Bills(long count, Money owed) {}

    public record Figures(
            LocalDate today,
            Bills dueToday,
            Bills overdue,
            int failedAutopays,
            long deadMessages,
            int paperWaiting,
            BillingRun lastRun) {}

    private static final List<InvoiceStatus> UNPAID = List.of(InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID);

    @Inject
    EntityManager em;

    @Inject
    Biller biller;

    @Inject
    AutopayQueue autopay;

    @Inject
    PrintQueue print;

    @Inject
    BillingRuns runs;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Figures today() {
        LocalDate today = biller.today();
        String currency = biller.settings().currency;
        List<BillingRun> last = runs.recent(1);
        return new Figures(
                today,
                bills(Unpaid.DUE_TODAY, today, currency),
                bills(Unpaid.OVERDUE, today, currency),
                (int) autopay.failedCount(),
                OutboxMessage.count("status", "DEAD"),
                (int) print.waitingCount(),
                last.isEmpty() ? null : last.get(0));
    }

    /** A page of the unpaid bills behind a figure, oldest due first (the figure says how many in all). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<app.billfold.invoice.Invoice> list(Unpaid which, Paging paging) {
        return paging.of(em.createQuery(
                        "select i from Invoice i join fetch i.account a join fetch a.customer where i.status in :unpaid"
                                + " and " + which.when + " order by i.dueDate, i.number",
                        app.billfold.invoice.Invoice.class)
                .setParameter("unpaid", UNPAID)
                .setParameter("today", biller.today())
                .setFirstResult(paging.first())
                .setMaxResults(paging.rows())
                .getResultList());
    }

    private Bills bills(Unpaid which, LocalDate today, String currency) {
        String when = which.when;
        Object[] row = em.createQuery(
                        "select count(i), coalesce(sum(i.balance), 0) from Invoice i where i.status in :unpaid and "
                                + when,
                        Object[].class)
                .setParameter("unpaid", UNPAID)
                .setParameter("today", today)
                .getSingleResult();
        return new Bills((Long) row[0], Money.of((BigDecimal) row[1], currency));
    }
}
