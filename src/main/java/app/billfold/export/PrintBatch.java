package app.billfold.export;

import app.billfold.einvoice.EInvoices;
import app.billfold.einvoice.IssuedDocuments;
import app.billfold.invoice.Invoice;
import app.billfold.notify.PrintQueue;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The paper bills waiting (those queued by the time the batch was asked for, by the biller's rule),
 * each as delivered, merged into PDFs of at most the printer's batch size: one PDF when they fit in
 * one, else a zip of numbered PDFs. Bills are read a page at a time in short transactions, and each
 * bill's pages are copied to the output and its reader freed before the next, so memory stays the
 * same for 60 bills or 6,000.
 */
@ApplicationScoped
public class PrintBatch {

    @Inject
    PrintQueue queue;

    @Inject
    IssuedDocuments documents;

    @Inject
    ExportsConfig config;

    public ExportFile write(Instant upTo, OutputStream out, Progress progress) throws IOException {
        int total = QuarkusTransaction.requiringNew().call(() -> (int) queue.waitingCount(upTo));
        if (total == 0) {
            throw new IllegalStateException("No paper bill waits to be printed.");
        }
        progress.total(total);
        int batch = Math.max(1, config.printBatchSize());
        boolean split = total > batch;
        ZipOutputStream zip = split ? new ZipOutputStream(new ShieldedStream(out)) : null;
        Merged file = null;
        int files = 0;
        String after = null;
        while (true) {
            String last = after;
            List<byte[]> bills = new java.util.ArrayList<>();
            String[] lastNumber = new String[1];
            QuarkusTransaction.requiringNew().run(() -> {
                for (Invoice bill : queue.waitingAfter(last, upTo, config.readPageSize())) {
                    bills.add(
                            documents.ofInvoice(bill, EInvoices.Format.FACTURX).bytes());
                    lastNumber[0] = bill.number;
                }
            });
            if (bills.isEmpty()) {
                break;
            }
            for (byte[] bill : bills) {
                if (file != null && file.bills == batch) {
                    file.close();
                    zip.closeEntry();
                    file = null;
                }
                if (file == null) {
                    files++;
                    if (split) {
                        zip.putNextEntry(new ZipEntry(String.format("paper-bills-%03d.pdf", files)));
                    }
                    file = new Merged(split ? zip : out);
                }
                file.add(bill);
            }
            progress.advance(bills.size());
            after = lastNumber[0];
        }
        if (file != null) {
            file.close();
            if (split) {
                zip.closeEntry();
            }
        }
        if (split) {
            zip.finish();
            zip.flush();
            return new ExportFile("paper-bills.zip", "application/zip");
        }
        return new ExportFile("paper-bills.pdf", "application/pdf");
    }

    /** One PDF of merged bills, written to the stream as bills are added. */
    private static final class Merged {
        final Document document = new Document();
        final PdfCopy copy;
        int bills;

        Merged(OutputStream out) {
            try {
                copy = new PdfCopy(document, new ShieldedStream(out));
                document.open();
            } catch (DocumentException e) {
                throw new IllegalStateException("Could not start a print file", e);
            }
        }

        void add(byte[] bill) {
            try {
                PdfReader reader = new PdfReader(bill);
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    copy.addPage(copy.getImportedPage(reader, page));
                }
                // Drops what the copy keeps of this bill, so the next one does not add to it.
                copy.freeReader(reader);
                reader.close();
                bills++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (DocumentException e) {
                throw new IllegalStateException("Could not add a bill to the print file", e);
            }
        }

        void close() {
            document.close();
        }
    }
}
