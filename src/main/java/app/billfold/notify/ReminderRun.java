package app.billfold.notify;

import app.billfold.biller.Biller;
import app.billfold.biller.BillerSettings;
import app.billfold.common.JobRuns;
import app.billfold.common.LocalFormats;
import app.billfold.common.PublicLinks;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.payment.ChargeStatus;
import app.billfold.payment.SavedMethod;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Writes bill reminders to the outbox on the days of the biller's reminder policy. It selects its
 * work from the database each time, so it catches up after downtime, but only with the step that
 * still makes sense: a "due on" reminder until the due date, a "due today" one on that day only,
 * an "overdue" one until the next step. Each (invoice, step, channel) goes out at most once: the
 * outbox's dedupe key. Accounts on autopay get "we will charge X on D" before and on the due date.
 * Each step goes on the channels the biller's policy gives it, as far as the customer chose them.
 * The job fires hourly and writes nothing before the biller's morning, so the biller's time zone,
 * not the server's, decides the day a reminder belongs to.
 */
@ApplicationScoped
public class ReminderRun {

    private static final Logger LOG = Logger.getLogger(ReminderRun.class);

    @Inject
    EntityManager em;

    @Inject
    Biller biller;

    @Inject
    CustomerNotice notice;

    @Inject
    java.time.Clock clock;

    /** The biller's local hour from which reminders go out, so none is written in the night. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "billfold.reminders.from-hour", defaultValue = "8")
    int fromHour;

    @Inject
    PublicLinks links;

    @Inject
    JobRuns jobRuns;

    @Scheduled(
            identity = "reminder-run",
            cron = "{billfold.reminders.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (java.time.ZonedDateTime.now(clock.withZone(biller.settings().zone()))
                        .getHour()
                < fromHour) {
            return;
        }
        LOG.infof("Reminder run wrote %d reminders", jobRuns.record("reminders", this::run));
    }

    public int run() {
        return QuarkusTransaction.requiringNew().call(() -> {
            BillerSettings settings = biller.settings();
            LocalDate today = biller.today();
            List<Integer> steps = settings.reminderSteps();
            if (steps.isEmpty()) {
                return 0;
            }
            List<Invoice> open = em.createQuery(
                            "select i from Invoice i join fetch i.account a join fetch a.customer"
                                    + " where i.status in ?1 and i.dueDate between ?2 and ?3"
                                    // A bank debit under way for it: no reminder while it settles.
                                    + " and not exists (select p from ChargeAttemptInvoice p"
                                    + " where p.invoiceId = i.id and p.attempt.status = ?4)",
                            Invoice.class)
                    .setParameter(1, List.of(InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID))
                    .setParameter(2, today.minusDays(steps.get(steps.size() - 1)))
                    .setParameter(3, today.minusDays(steps.get(0)))
                    .setParameter(4, ChargeStatus.PROCESSING)
                    .getResultList();
            int written = 0;
            for (Invoice invoice : open) {
                Integer step = currentStep(invoice.dueDate, today, steps);
                if (step != null && remind(invoice, step, settings.reminderChannels(step))) {
                    written++;
                }
            }
            return written;
        });
    }

    /** The policy step that applies today, or null when none does (or it would be stale). */
    static Integer currentStep(LocalDate due, LocalDate today, List<Integer> steps) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            int step = steps.get(i);
            LocalDate from = due.plusDays(step);
            if (from.isAfter(today)) {
                continue;
            }
            if (step < 0) {
                return today.isBefore(due) ? step : null;
            }
            if (step == 0) {
                return today.equals(due) ? step : null;
            }
            return step;
        }
        return null;
    }

    private boolean remind(Invoice invoice, int step, java.util.Set<Channel> offered) {
        var account = invoice.account;
        var customer = account.customer;
        Locale locale = Locale.forLanguageTag(customer.language);
        boolean autopay = account.autopayMethodId != null && step <= 0;
        if (autopay && hasDebitNotice(invoice.id)) {
            // The autopay run sent the notice of this debit already (with its day): one is enough.
            return false;
        }
        String kind = autopay
                ? "autopay_notice"
                : step < 0 ? "reminder_before" : step == 0 ? "reminder_due" : "reminder_after";
        Map<String, String> data = new LinkedHashMap<>();
        data.put("name", customer.name);
        data.put("number", invoice.number);
        data.put("amount", LocalFormats.money(invoice.balanceDue(), locale));
        data.put("due", LocalFormats.date(invoice.dueDate, locale));
        data.put("link", links.to("/portal/invoices/" + invoice.number));
        data.put("reminderFor", String.valueOf(invoice.id));
        if (autopay) {
            SavedMethod method = SavedMethod.findById(account.autopayMethodId);
            data.put("method", method == null ? "" : method.inWords(customer.language));
        }
        return !notice.send(customer, kind, data, "reminder:" + invoice.id + ":" + step, offered)
                .isEmpty();
    }

    private boolean hasDebitNotice(Long invoiceId) {
        return ((Number) em.createNativeQuery("select count(*) from autopay_notice where invoice_id = ?1")
                                .setParameter(1, invoiceId)
                                .getSingleResult())
                        .longValue()
                > 0;
    }
}
