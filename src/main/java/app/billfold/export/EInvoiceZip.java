package app.billfold.export;

import app.billfold.biller.Biller;
import app.billfold.einvoice.EInvoices;
import app.billfold.einvoice.IssuedDocuments;
import app.billfold.invoice.CreditNote;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Every invoice and credit note issued from one day to another (the biller's days) in one zip,
 * each as delivered: Factur-X and, for business customers, CII and UBL too. Read a page of
 * documents at a time, each page in a short transaction of its own, and written to the zip as
 * read, so a year of bills needs neither one long transaction nor memory for the whole zip.
 */
@ApplicationScoped
public class EInvoiceZip {

    @Inject
    IssuedDocuments documents;

    @Inject
    Biller biller;

    @Inject
    ExportsConfig config;

    public ExportFile write(LocalDate from, LocalDate to, OutputStream out, Progress progress) throws IOException {
        var zone =
                QuarkusTransaction.requiringNew().call(() -> biller.settings().zone());
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        int size = config.readPageSize();
        progress.total(QuarkusTransaction.requiringNew().call(() -> (int)
                (Invoice.count("issueDate >= ?1 and issueDate <= ?2 and status <> ?3", from, to, InvoiceStatus.DRAFT)
                        + CreditNote.count("createdAt >= ?1 and createdAt < ?2", start, end))));
        ZipOutputStream zip = new ZipOutputStream(new ShieldedStream(out));
        String after = "";
        while (true) {
            String last = after;
            List<String> page = QuarkusTransaction.requiringNew().call(() -> {
                List<Invoice> invoices = Invoice.<Invoice>find(
                                "issueDate >= ?1 and issueDate <= ?2 and status <> ?3 and number > ?4 order by number",
                                from,
                                to,
                                InvoiceStatus.DRAFT,
                                last)
                        .page(0, size)
                        .list();
                for (Invoice invoice : invoices) {
                    add(zip, documents.exportedOf(invoice));
                }
                return invoices.stream().map(i -> i.number).toList();
            });
            if (page.isEmpty()) {
                break;
            }
            progress.advance(page.size());
            after = page.get(page.size() - 1);
        }
        long afterId = 0;
        while (true) {
            long lastId = afterId;
            List<Long> page = QuarkusTransaction.requiringNew().call(() -> {
                List<CreditNote> notes = CreditNote.<CreditNote>find(
                                "createdAt >= ?1 and createdAt < ?2 and id > ?3 order by id", start, end, lastId)
                        .page(0, size)
                        .list();
                for (CreditNote note : notes) {
                    add(zip, documents.exportedOf(note));
                }
                return notes.stream().map(n -> n.id).toList();
            });
            if (page.isEmpty()) {
                break;
            }
            progress.advance(page.size());
            afterId = page.get(page.size() - 1);
        }
        zip.finish();
        zip.flush();
        return new ExportFile("einvoices-" + from + "-" + to + ".zip", "application/zip");
    }

    private static void add(ZipOutputStream zip, List<EInvoices.File> files) {
        try {
            for (EInvoices.File file : files) {
                zip.putNextEntry(new ZipEntry(file.name()));
                zip.write(file.bytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
