package app.billfold.notify;

import app.billfold.audit.AuditLog;
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

/** Paper bills waiting to be printed: one merged PDF to print, then marked printed. */
@ApplicationScoped
public class PrintQueue {

    @Inject
    InvoiceRepository invoices;

    @Inject
    IssuedDocuments documents;

    @Inject
    AuditLog audit;

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

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Invoice> waiting() {
        return invoices.list("id in (select p.invoiceId from PrintItem p where p.printedAt is null) order by number");
    }

    /** Every waiting bill, as it was issued (its Factur-X PDF, in its customer's language), as one PDF. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] mergedPdf() {
        List<Invoice> bills = waiting();
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

    /** Marks the given bills printed (those the clerk downloaded and printed). */
    @Transactional
    public int markPrinted(List<Long> invoiceIds, String actor) {
        int marked = 0;
        for (Long id : invoiceIds) {
            PrintItem item = PrintItem.findById(id);
            if (item != null && item.printedAt == null) {
                item.printedAt = Instant.now(clock);
                item.printedBy = actor;
                marked++;
            }
        }
        audit.record(actor, "print.done", "print-queue", marked + " bills");
        return marked;
    }
}
