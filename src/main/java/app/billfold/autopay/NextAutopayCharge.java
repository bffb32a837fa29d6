package app.billfold.autopay;

import app.billfold.account.Account;
import app.billfold.biller.Biller;
import app.billfold.common.Money;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceRepository;
import app.billfold.payment.PendingDebits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Optional;

/**
 * When autopay next charges an account, and how much: the earliest day on which one of its open
 * bills will be debited, and the sum of the bills debited that day. A bill's day is the one its
 * debit notice announced; without a notice yet, its due date, moved later when the notice period
 * would not fit before it (as {@link DebitNotices} will move it); a retry's day once a try failed.
 * Bills the customer chose to pay themselves, bills autopay gave up on and bank debits under way
 * are not charged.
 */
@ApplicationScoped
public class NextAutopayCharge {

    /** The day of the next automatic charge and its amount. */
    public record Charge(LocalDate on, Money amount) {}

    @Inject
    InvoiceRepository invoices;

    @Inject
    EntityManager em;

    @Inject
    NoticePeriod period;

    @Inject
    Biller biller;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Charge> of(Account account) {
        if (account.autopayMethodId == null) {
            return Optional.empty();
        }
        LocalDate today = biller.today();
        LocalDate first = null;
        Money amount = Money.zero(biller.settings().currency);
        for (Invoice invoice : invoices.listPayableForAccount(account.id)) {
            LocalDate on = debitDay(invoice, today);
            if (on == null || PendingDebits.covers(invoice.id)) {
                continue;
            }
            if (first == null || on.isBefore(first)) {
                first = on;
                amount = invoice.balanceDue();
            } else if (on.equals(first)) {
                amount = amount.plus(invoice.balanceDue());
            }
        }
        return first == null ? Optional.empty() : Optional.of(new Charge(first, amount));
    }

    private LocalDate debitDay(Invoice invoice, LocalDate today) {
        AutopaySchedule schedule = em.find(AutopaySchedule.class, invoice.id);
        if (schedule != null) {
            return schedule.status == AutopayStatus.SCHEDULED ? latest(schedule.nextTryOn, today) : null;
        }
        DebitNotice notice = em.find(DebitNotice.class, invoice.id);
        if (notice != null) {
            return notice.isSkipped() ? null : latest(notice.debitOn, today);
        }
        return latest(invoice.dueDate, today.plusDays(period.days()));
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? b : a;
    }
}
