package app.billfold.autopay;

import app.billfold.account.Account;
import app.billfold.biller.Biller;
import app.billfold.invoice.Invoice;
import app.billfold.payment.SavedMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/** What clerks need to chase: autopays that gave up, and cards that will expire before they are used. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AutopayQueue {

    /** A failed autopay with what a clerk needs to call the customer. */
    public record Failed(Invoice invoice, AutopaySchedule schedule) {}

    /** An enrolled account whose card expires before its next bill falls due. */
    public record Expiring(Account account, SavedMethod method, LocalDate nextDue) {}

    @Inject
    EntityManager em;

    @Inject
    Biller biller;

    public List<Failed> failed() {
        return em
                .createQuery(
                        "select i, s from AutopaySchedule s, Invoice i where i.id = s.invoiceId and s.status = ?1"
                                + " and i.status in ?2 order by s.updatedAt desc",
                        Object[].class)
                .setParameter(1, AutopayStatus.FAILED)
                .setParameter(
                        2,
                        List.of(
                                app.billfold.invoice.InvoiceStatus.OPEN,
                                app.billfold.invoice.InvoiceStatus.PARTIALLY_PAID))
                .getResultList()
                .stream()
                .map(r -> new Failed((Invoice) r[0], (AutopaySchedule) r[1]))
                .toList();
    }

    /**
     * Enrolled accounts whose card will have expired by their next due date (or, with nothing due,
     * by the end of next month): flagged ahead of time, so the customer can be asked for a new one.
     */
    public List<Expiring> expiring() {
        LocalDate today = biller.today();
        List<Object[]> rows = em.createQuery(
                        "select a, m, (select min(i.dueDate) from Invoice i where i.account = a and i.status in ?1)"
                                + " from Account a, SavedMethod m where m.id = a.autopayMethodId and m.expYear is not null",
                        Object[].class)
                .setParameter(
                        1,
                        List.of(
                                app.billfold.invoice.InvoiceStatus.OPEN,
                                app.billfold.invoice.InvoiceStatus.PARTIALLY_PAID))
                .getResultList();
        return rows.stream()
                .map(r -> new Expiring((Account) r[0], (SavedMethod) r[1], (LocalDate) r[2]))
                .filter(e -> e.method()
                        .isExpiredOn(
                                e.nextDue() != null
                                        ? e.nextDue()
                                        : today.plusMonths(1)
                                                .withDayOfMonth(1)
                                                .plusMonths(1)
                                                .minusDays(1)))
                .toList();
    }
}
