package app.billfold.autopay;

import app.billfold.account.Account;
import app.billfold.account.AccountRepository;
import app.billfold.audit.AuditLog;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.LocalFormats;
import app.billfold.common.NotFoundException;
import app.billfold.common.PublicLinks;
import app.billfold.identity.Signer;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.Invoices;
import app.billfold.notify.CustomerNotice;
import app.billfold.notify.PrintQueue;
import app.billfold.payment.GuestPayment;
import app.billfold.payment.SavedMethod;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The notice before every automatic debit. No bill is debited before its notice went out and the
 * notice period (days) has passed: each bill of an account on autopay gets one notice as soon as
 * the autopay run sees it, naming the day of the debit, which is its due date or, when the notice
 * goes out too late for that, the day the period ends. From the notice (a signed link, no sign-in)
 * or the portal the customer can choose to pay that one bill themselves; autopay then leaves it
 * alone. A guest's notice also carries a link to manage autopay, valid while autopay stays on.
 */
@ApplicationScoped
@Named("debitNotices")
public class DebitNotices {

    static final String SKIP_LINK = "autopay-skip";
    /** The skip link works until well after the debit day; after that there is nothing to skip. */
    static final Duration SKIP_LINK_VALIDITY = Duration.ofDays(60);
    /** A manage link is checked against the enrolment it was made for, so it may live this long. */
    static final Duration MANAGE_LINK_VALIDITY = Duration.ofDays(3650);

    /** What the portal shows of a bill on autopay. */
    public record State(boolean onAutopay, boolean skippable, boolean skipped, LocalDate debitOn) {}

    @Inject
    EntityManager em;

    @Inject
    AccountRepository accounts;

    @Inject
    Invoices invoices;

    @Inject
    CustomerNotice notice;

    @Inject
    PrintQueue printQueue;

    @Inject
    Signer signer;

    @Inject
    PublicLinks links;

    @Inject
    NoticePeriod period;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Sends the notice of every open bill on autopay that has none yet; returns how many went. */
    public int sendDue(LocalDate today) {
        List<Long> unannounced = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "select i.id from Invoice i where i.account.autopayMethodId is not null and i.status in ?1"
                                        + " and not exists (select 1 from DebitNotice n where n.invoiceId = i.id)"
                                        + " order by i.id",
                                Long.class)
                        .setParameter(
                                1,
                                List.of(
                                        app.billfold.invoice.InvoiceStatus.OPEN,
                                        app.billfold.invoice.InvoiceStatus.PARTIALLY_PAID))
                        .getResultList());
        int sent = 0;
        for (Long invoiceId : unannounced) {
            if (QuarkusTransaction.requiringNew().call(() -> announce(invoiceId, today))) {
                sent++;
            }
        }
        return sent;
    }

    /** Claims the bill's notice (once, whichever node gets there first) and records it in the outbox. */
    boolean announce(Long invoiceId, LocalDate today) {
        Invoice invoice = em.find(Invoice.class, invoiceId);
        Account account = invoice.account;
        if (!invoice.status.isPayable() || account.autopayMethodId == null) {
            return false;
        }
        LocalDate earliest = today.plusDays(period.days());
        LocalDate debitOn = invoice.dueDate.isBefore(earliest) ? earliest : invoice.dueDate;
        int claimed = em.createNativeQuery("insert into autopay_notice (invoice_id, account_id, sent_at, debit_on)"
                        + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, invoice.id)
                .setParameter(2, account.id)
                .setParameter(3, Instant.now(clock))
                .setParameter(4, debitOn)
                .executeUpdate();
        if (claimed == 0) {
            return false;
        }
        var customer = account.customer;
        Locale locale = Locale.forLanguageTag(customer.language);
        SavedMethod method = SavedMethod.findById(account.autopayMethodId);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("name", customer.name);
        data.put("number", invoice.number);
        data.put("amount", LocalFormats.money(invoice.balanceDue(), locale));
        data.put("due", LocalFormats.date(debitOn, locale));
        data.put("method", method == null ? "" : method.inWords(customer.language));
        data.put("link", links.to("/portal/invoices/" + invoice.number));
        data.put("skipLink", links.to("/guest/autopay/skip?link=" + encode(skipLink(invoice.id))));
        guestManageLink(account).ifPresent(link -> data.put("manageLink", link));
        data.put("reminderFor", String.valueOf(invoice.id));
        var channels =
                notice.send(customer, "autopay_notice", data, "autopay-notice:" + invoice.id, CustomerNotice.ANY);
        if (channels.isEmpty()) {
            // No channel reaches the customer: the bill, which states the debit, goes on paper.
            printQueue.addUndelivered(invoice.id, null);
        }
        return true;
    }

    /** The signed link of the notice that lets the customer pay this one bill themselves. */
    public String skipLink(Long invoiceId) {
        return signer.sign(SKIP_LINK, String.valueOf(invoiceId), SKIP_LINK_VALIDITY);
    }

    /** The bill a skip link names, if the link is genuine and current. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Invoice billOfSkipLink(String link) {
        return signer.verify(SKIP_LINK, link == null ? "" : link)
                .map(Long::valueOf)
                .map(id -> em.find(Invoice.class, id))
                .orElseThrow(() -> new NotFoundException("link"));
    }

    /**
     * For a customer without a sign-in (enrolled through guest pay): a link to manage autopay that
     * holds as long as this enrolment does (it names the moment autopay was switched on, so it dies
     * when autopay is switched off, and a later enrolment needs a new one).
     */
    Optional<String> guestManageLink(Account account) {
        var customer = account.customer;
        boolean signsIn = app.billfold.identity.AppUser.count("customer.id", customer.id) > 0;
        if (signsIn || account.autopaySince == null || customer.email == null) {
            return Optional.empty();
        }
        String link = signer.sign(
                GuestPayment.MANAGE_LINK,
                account.id + "|" + customer.email + "|" + account.autopaySince.toEpochMilli(),
                MANAGE_LINK_VALIDITY);
        return Optional.of(links.to("/guest/autopay?link=" + encode(link)));
    }

    /** Pay this one bill myself: autopay will not debit it (from the notice's link). */
    @Transactional
    public Invoice skipByLink(String link) {
        Invoice invoice = billOfSkipLink(link);
        skip(invoice, "customer (notice link)");
        return invoice;
    }

    /** Pay this one bill myself: autopay will not debit it (from the portal). */
    @Transactional
    public Invoice skipForCustomer(Long customerId, String number, String actor) {
        Invoice invoice = invoices.forCustomerByNumber(customerId, number);
        skip(invoice, actor);
        return invoice;
    }

    private void skip(Invoice invoice, String actor) {
        accounts.lock(invoice.account.id);
        em.refresh(invoice);
        if (!invoice.status.isPayable()) {
            throw new BusinessRuleException("error_skip_not_payable");
        }
        AutopaySchedule schedule = em.find(AutopaySchedule.class, invoice.id);
        if (schedule != null && schedule.status != AutopayStatus.SCHEDULED) {
            throw new BusinessRuleException("error_skip_too_late");
        }
        DebitNotice debit = em.find(DebitNotice.class, invoice.id);
        if (debit == null) {
            debit = new DebitNotice();
            debit.invoiceId = invoice.id;
            debit.accountId = invoice.account.id;
            debit.sentAt = Instant.now(clock);
            debit.debitOn = invoice.dueDate;
            debit.persist();
        }
        if (debit.isSkipped()) {
            return;
        }
        debit.skippedAt = Instant.now(clock);
        debit.skippedBy = actor;
        if (schedule != null) {
            // Between two tries of a declined debit: no more tries.
            schedule.status = AutopayStatus.DONE;
            schedule.lastDeclineCode = "skipped_by_customer";
            schedule.updatedAt = debit.skippedAt;
        }
        audit.change(
                actor,
                "autopay.skip",
                "account:" + invoice.account.id,
                invoice.number,
                "autopay debits " + invoice.number + " on " + debit.debitOn,
                "paid by the customer, not by autopay");
    }

    /** Where autopay stands with a bill, for the portal. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public State stateOf(Invoice invoice) {
        if (invoice.account.autopayMethodId == null || !invoice.status.isPayable()) {
            return new State(false, false, false, null);
        }
        DebitNotice debit = em.find(DebitNotice.class, invoice.id);
        AutopaySchedule schedule = em.find(AutopaySchedule.class, invoice.id);
        boolean skipped = debit != null && debit.isSkipped();
        boolean open = schedule == null || schedule.status == AutopayStatus.SCHEDULED;
        return new State(true, !skipped && open, skipped, debit == null ? null : debit.debitOn);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
