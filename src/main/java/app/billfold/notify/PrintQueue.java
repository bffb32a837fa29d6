package app.billfold.notify;

import app.billfold.audit.AuditLog;
import app.billfold.audit.Changes;
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Waiting> waitingWithReasons() {
        boolean printPaid = biller.settings().printPaidBills;
        java.util.Map<Long, PrintItem> items = new java.util.HashMap<>();
        for (PrintItem item : PrintItem.<PrintItem>list("printedAt is null")) {
            items.put(item.invoiceId, item);
        }
        return invoices
                .list("id in (select p.invoiceId from PrintItem p where p.printedAt is null) order by number")
                .stream()
                .filter(bill -> printPaid || bill.status.isPayable())
                .map(bill -> {
                    PrintItem item = items.get(bill.id);
                    return new Waiting(bill, item.reason, item.messageId);
                })
                .toList();
    }

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
        return waiting().stream()
                .filter(bill -> chosen.isEmpty() || chosen.contains(bill.id))
                .toList();
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
        int dropped = 0;
        if (!biller.settings().printPaidBills) {
            for (PrintItem item : PrintItem.<PrintItem>list("printedAt is null")) {
                Invoice bill = invoices.findById(item.invoiceId);
                if (bill != null && !bill.status.isPayable()) {
                    item.printedAt = Instant.now(clock);
                    item.printedBy = "left out: " + bill.status;
                    dropped++;
                }
            }
        }
        audit.record(
                actor,
                "print.done",
                "print-queue",
                marked + " bills printed " + numbers
                        + (dropped > 0 ? "; " + dropped + " paid or voided left out" : ""));
        return marked;
    }
}
