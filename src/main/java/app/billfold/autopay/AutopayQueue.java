package app.billfold.autopay;

import app.billfold.account.Account;
import app.billfold.biller.Biller;
import app.billfold.common.Page;
import app.billfold.common.Paging;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.payment.SavedMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What clerks need to chase: autopays that gave up, and cards that will expire before they are
 * used. Both lists are read a page at a time, filtered and ordered in the database.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AutopayQueue {

    /** A failed autopay with what a clerk needs to call the customer. */
    public record Failed(Invoice invoice, AutopaySchedule schedule) {}

    /** An enrolled account whose card expires before its next bill falls due. */
    public record Expiring(Account account, SavedMethod method, LocalDate nextDue) {}

    private static final List<InvoiceStatus> UNPAID = List.of(InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID);

    private static final String FAILED = " from AutopaySchedule s, Invoice i where i.id = s.invoiceId"
            + " and s.status = :failed and i.status in :unpaid";

    /**
     * A card is expired on a day from the month after its expiry month: its expiry as a month count
     * (year × 12 + month) is below the day's. The day is the account's next due date or, with nothing
     * due, the end of next month.
     */
    private static final String EXPIRING = " from Account a, SavedMethod m where m.id = a.autopayMethodId"
            + " and m.expYear is not null and m.expMonth is not null"
            + " and m.expYear * 12 + m.expMonth < coalesce("
            + "(select min(year(i.dueDate) * 12 + month(i.dueDate)) from Invoice i where i.account = a"
            + " and i.status in :unpaid), :fallback)";

    @Inject
    EntityManager em;

    @Inject
    Biller biller;

    /** How many failed autopays wait for a clerk (the console's home figure). */
    public long failedCount() {
        return em.createQuery("select count(s)" + FAILED, Long.class)
                .setParameter("failed", AutopayStatus.FAILED)
                .setParameter("unpaid", UNPAID)
                .getSingleResult();
    }

    /** Every failed autopay, the latest first. */
    public List<Failed> failed() {
        return failed(new Paging(1, Integer.MAX_VALUE - 1)).items();
    }

    public Page<Failed> failed(Paging paging) {
        return paging.of(em
                .createQuery("select i, s" + FAILED + " order by s.updatedAt desc, s.id desc", Object[].class)
                .setParameter("failed", AutopayStatus.FAILED)
                .setParameter("unpaid", UNPAID)
                .setFirstResult(paging.first())
                .setMaxResults(paging.rows())
                .getResultList()
                .stream()
                .map(r -> new Failed((Invoice) r[0], (AutopaySchedule) r[1]))
                .toList());
    }

    /**
     * Enrolled accounts whose card will have expired by their next due date (or, with nothing due,
     * by the end of next month): flagged ahead of time, so the customer can be asked for a new one.
     */
    public List<Expiring> expiring() {
        return expiring(new Paging(1, Integer.MAX_VALUE - 1)).items();
    }

    public Page<Expiring> expiring(Paging paging) {
        YearMonth nextMonth = YearMonth.from(biller.today()).plusMonths(1);
        List<Object[]> rows = em.createQuery(
                        "select a, m, (select min(i.dueDate) from Invoice i where i.account = a and i.status in :unpaid)"
                                + EXPIRING + " order by a.number",
                        Object[].class)
                .setParameter("unpaid", UNPAID)
                .setParameter("fallback", nextMonth.getYear() * 12 + nextMonth.getMonthValue())
                .setFirstResult(paging.first())
                .setMaxResults(paging.rows())
                .getResultList();
        return paging.of(rows.stream()
                .map(r -> new Expiring((Account) r[0], (SavedMethod) r[1], (LocalDate) r[2]))
                .toList());
    }
}
