package app.billfold.notify;

import app.billfold.audit.AuditLog;
import app.billfold.audit.Changes;
import app.billfold.common.Page;
import app.billfold.common.Paging;
import app.billfold.einvoice.EInvoices;
import app.billfold.einvoice.IssuedDocuments;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceRepository;
import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Paper bills waiting to be printed, each with why it is there (a paper account, or a notice no
 * channel delivered); the clerk prints all or some of them as one merged PDF, then marks those
 * printed. By the biller's rule, a bill paid or voided while it waited is left out (and leaves
 * the queue when the others are marked printed), unless the biller prints those too.
 */
@ApplicationScoped
public class PrintQueue {

    @Inject
    InvoiceRepository invoices;

    @Inject
    IssuedDocuments documents;

    @Inject
    AuditLog audit;

    @Inject
    app.billfold.biller.Biller biller;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Invoice invoice) {
        // One statement, whether or not the bill is queued already (a paperless bill can fall back).
        PrintItem.getEntityManager()
                .createNativeQuery(
                        "insert into print_item (invoice_id, queued_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, invoice.id)
                .setParameter(2, Instant.now(clock))
                .executeUpdate();
    }

    /**
     * Queues a paperless customer's bill whose notice reached no channel, naming the message that
     * failed; a bill waiting already keeps its first reason.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addUndelivered(Long invoiceId, Long messageId) {
        PrintItem.getEntityManager()
                .createNativeQuery("insert into print_item (invoice_id, queued_at, reason, message_id)"
                        + " values (?1, ?2, 'UNDELIVERED', ?3) on conflict do nothing")
                .setParameter(1, invoiceId)
                .setParameter(2, Instant.now(clock))
                .setParameter(3, messageId)
                .executeUpdate();
    }

    /** A bill waiting, and why. */
    public record Waiting(Invoice bill, String reason, Long messageId) {

        public boolean undelivered() {
            return "UNDELIVERED".equals(reason);
        }
    }

    /** The bills to print, by the biller's rule. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Invoice> waiting() {
        return waitingWithReasons().stream().map(Waiting::bill).toList();
    }

    /** Every bill to print with why (for tests and small queues; the page reads {@link #waiting(Paging)}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Waiting> waitingWithReasons() {
        return waiting(new Paging(1, Integer.MAX_VALUE - 1)).items();
    }

    /** A page of the bills to print, by number, each with why it waits. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Waiting> waiting(Paging paging) {
        boolean printPaid = biller.settings().printPaidBills;
        var query = PrintItem.getEntityManager()
                .createQuery(
                        "select i, p from Invoice i, PrintItem p where p.invoiceId = i.id and p.printedAt is null"
                                + (printPaid ? "" : " and i.status in :payable")
                                + " order by i.number",
                        Object[].class);
        if (!printPaid) {
            query.setParameter("payable", PAYABLE);
        }
        return paging.of(query.setFirstResult(paging.first()).setMaxResults(paging.rows()).getResultList().stream()
                .map(r -> {
                    PrintItem item = (PrintItem) r[1];
                    return new Waiting((Invoice) r[0], item.reason, item.messageId);
                })
                .toList());
    }

    /** How many bills wait to be printed, by the biller's rule. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long waitingCount() {
        return waitingCount(null);
    }

    /** How many bills queued by {@code upTo} (null: any time) wait to be printed, by the biller's rule. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long waitingCount(Instant upTo) {
        boolean printPaid = biller.settings().printPaidBills;
        var query = PrintItem.getEntityManager()
                .createQuery(
                        "select count(p) from Invoice i, PrintItem p where p.invoiceId = i.id and p.printedAt is null"
                                + (upTo == null ? "" : " and p.queuedAt <= :upTo")
                                + (printPaid ? "" : " and i.status in :payable"),
                        Long.class);
        if (upTo != null) {
            query.setParameter("upTo", upTo);
        }
        if (!printPaid) {
            query.setParameter("payable", PAYABLE);
        }
        return query.getSingleResult();
    }

    /**
     * The next {@code limit} bills to print after the number {@code after} (null: from the first)
     * among those queued by {@code upTo}: a print batch walks the queue with it, a short read each.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Invoice> waitingAfter(String after, Instant upTo, int limit) {
        boolean printPaid = biller.settings().printPaidBills;
        var query = invoices.getEntityManager()
                .createQuery(
                        "select i from Invoice i, PrintItem p where p.invoiceId = i.id and p.printedAt is null"
                                + " and p.queuedAt <= :upTo"
                                + (after == null ? "" : " and i.number > :after")
                                + (printPaid ? "" : " and i.status in :payable")
                                + " order by i.number",
                        Invoice.class)
                .setParameter("upTo", upTo);
        if (after != null) {
            query.setParameter("after", after);
        }
        if (!printPaid) {
            query.setParameter("payable", PAYABLE);
        }
        return query.setMaxResults(limit).getResultList();
    }

    private static final List<app.billfold.invoice.InvoiceStatus> PAYABLE =
            List.of(app.billfold.invoice.InvoiceStatus.OPEN, app.billfold.invoice.InvoiceStatus.PARTIALLY_PAID);

    /** Sets the biller's rule: print bills paid or voided while they waited, or leave them out. */
    @Transactional
    public void printPaidBills(boolean print, String actor) {
        var settings = biller.settingsForChange();
        boolean before = settings.printPaidBills;
        settings.printPaidBills = print;
        audit.change(
                actor,
                "print.rule",
                "biller",
                null,
                Changes.of().field("printPaid", before ? "yes" : "no", print ? "yes" : "no"));
    }

    /** Every waiting bill, as it was issued (its Factur-X PDF, in its customer's language), as one PDF. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] mergedPdf() {
        return mergedPdf(List.of());
    }

    /** The chosen waiting bills (none chosen: all of them), each in its customer's language, as one PDF. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] mergedPdf(List<Long> chosen) {
        return merge(chosen(chosen));
    }

    /** The same PDF taken by a clerk: an export of customers' bills, so on the audit trail. */
    @Transactional
    public byte[] mergedPdf(List<Long> chosen, String actor) {
        List<Invoice> bills = chosen(chosen);
        if (!bills.isEmpty()) {
            audit.record(
                    actor,
                    "export.print",
                    "print-queue",
                    bills.size() + " bills: "
                            + String.join(
                                    ", ", bills.stream().map(b -> b.number).toList()));
        }
        return merge(bills);
    }

    private List<Invoice> chosen(List<Long> chosen) {
        if (chosen.isEmpty()) {
            return waiting();
        }
        boolean printPaid = biller.settings().printPaidBills;
        var query = invoices.getEntityManager()
                .createQuery(
                        "select i from Invoice i, PrintItem p where p.invoiceId = i.id and p.printedAt is null"
                                + " and i.id in :chosen" + (printPaid ? "" : " and i.status in :payable")
                                + " order by i.number",
                        Invoice.class)
                .setParameter("chosen", chosen);
        if (!printPaid) {
            query.setParameter("payable", PAYABLE);
        }
        return query.getResultList();
    }

    private byte[] merge(List<Invoice> bills) {
        if (bills.isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        try {
            PdfCopy copy = new PdfCopy(document, out);
            document.open();
            for (Invoice bill : bills) {
                PdfReader reader = new PdfReader(
                        documents.ofInvoice(bill, EInvoices.Format.FACTURX).bytes());
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    copy.addPage(copy.getImportedPage(reader, page));
                }
                reader.close();
            }
            document.close();
        } catch (IOException | com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("Could not merge the paper bills", e);
        }
        return out.toByteArray();
    }

    /**
     * Marks printed the bills of a print batch: those queued by {@code upTo} and still waiting (the
     * batch took them all, by the rule of the time); bills the rule leaves out leave the queue too.
     */
    @Transactional
    public int markPrintedUpTo(Instant upTo, String actor, String batch) {
        Instant now = Instant.now(clock);
        var em = PrintItem.getEntityManager();
        String payable = biller.settings().printPaidBills
                ? ""
                : " and p.invoiceId in (select i.id from Invoice i where i.status in :payable)";
        var update = em.createQuery("update PrintItem p set p.printedAt = :now, p.printedBy = :actor"
                        + " where p.printedAt is null and p.queuedAt <= :upTo" + payable)
                .setParameter("now", now)
                .setParameter("actor", actor)
                .setParameter("upTo", upTo);
        if (!payable.isEmpty()) {
            update.setParameter("payable", PAYABLE);
        }
        int marked = update.executeUpdate();
        int dropped = leaveOutPaid();
        audit.record(
                actor,
                "print.done",
                "print-queue",
                marked + " bills printed (" + batch + ")"
                        + (dropped > 0 ? "; " + dropped + " paid or voided left out" : ""));
        return marked;
    }

    /** Under the rule that leaves them out, bills paid or voided while they waited leave the queue unprinted. */
    private int leaveOutPaid() {
        if (biller.settings().printPaidBills) {
            return 0;
        }
        int dropped = 0;
        Instant now = Instant.now(clock);
        for (app.billfold.invoice.InvoiceStatus status : app.billfold.invoice.InvoiceStatus.values()) {
            if (status.isPayable()) {
                continue;
            }
            dropped += PrintItem.getEntityManager()
                    .createQuery(
                            "update PrintItem p set p.printedAt = :now, p.printedBy = :by where p.printedAt is null"
                                    + " and p.invoiceId in (select i.id from Invoice i where i.status = :status)")
                    .setParameter("now", now)
                    .setParameter("by", "left out: " + status)
                    .setParameter("status", status)
                    .executeUpdate();
        }
        return dropped;
    }

    /**
     * Marks the given bills printed (those the clerk chose, downloaded and printed). Bills the rule
     * leaves out leave the queue at the same time, unprinted.
     */
    @Transactional
    public int markPrinted(List<Long> invoiceIds, String actor) {
        int marked = 0;
        List<String> numbers = new java.util.ArrayList<>();
        for (Long id : invoiceIds) {
            PrintItem item = PrintItem.findById(id);
            if (item != null && item.printedAt == null) {
                item.printedAt = Instant.now(clock);
                item.printedBy = actor;
                marked++;
                Invoice bill = invoices.findById(id);
                numbers.add(bill == null ? String.valueOf(id) : bill.number);
            }
        }
        int dropped = leaveOutPaid();
        audit.record(
                actor,
                "print.done",
                "print-queue",
                marked + " bills printed " + numbers
                        + (dropped > 0 ? "; " + dropped + " paid or voided left out" : ""));
        return marked;
    }
}
