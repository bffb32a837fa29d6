package app.billfold.einvoice;

import app.billfold.biller.Biller;
import app.billfold.biller.BillerSettings;
import app.billfold.common.NotFoundException;
import app.billfold.invoice.CreditNote;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoicePdf;
import app.billfold.invoice.InvoiceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The e-invoice files of issued invoices and credit notes: Factur-X PDF (for everyone: it is the
 * bill's PDF), CII XML, and Peppol UBL (business customers: Peppol needs their electronic address).
 */
@ApplicationScoped
public class EInvoices {

    @Inject
    Biller biller;

    @Inject
    InvoicePdf pdf;

    @Inject
    FacturX facturX;

    @Inject
    PeppolUbl ubl;

    public enum Format {
        FACTURX("pdf", "application/pdf"),
        CII("cii.xml", "application/xml"),
        UBL("ubl.xml", "application/xml");

        public final String extension;
        public final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        /** The format a download's extension asks for: pdf, cii.xml or ubl.xml. */
        public static Format byExtension(String extension) {
            for (Format format : values()) {
                if (format.extension.equals(extension)) {
                    return format;
                }
            }
            throw new NotFoundException("no e-invoice format " + extension);
        }
    }

    /** One file, named after the document's number. */
    public record File(String name, String mediaType, byte[] bytes) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public File ofInvoice(Invoice invoice, Format format, Locale locale) {
        if (invoice.status == InvoiceStatus.DRAFT) {
            throw new NotFoundException("a draft has no e-invoice");
        }
        return file(EInvoiceDocument.of(invoice), format, () -> pdf.render(invoice, biller.settings(), locale));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public File ofCreditNote(CreditNote note, Locale locale) {
        return ofCreditNote(note, Format.FACTURX, locale);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public File ofCreditNote(CreditNote note, Format format, Locale locale) {
        Invoice invoice = Invoice.findById(note.invoiceId);
        BillerSettings settings = biller.settings();
        return file(
                EInvoiceDocument.of(note, invoice, settings.zone()),
                format,
                () -> pdf.render(note, invoice, settings, locale));
    }

    /** Whether UBL is offered: Peppol addresses businesses only. */
    public static boolean offersUbl(Invoice invoice) {
        return invoice.account.customer.isBusiness();
    }

    private File file(EInvoiceDocument doc, Format format, java.util.function.Supplier<byte[]> pdfA1) {
        if (format == Format.UBL && !doc.isBusiness()) {
            throw new NotFoundException("Peppol UBL is for business customers");
        }
        BillerSettings settings = biller.settings();
        byte[] bytes = switch (format) {
            case FACTURX -> facturX.pdf(doc, settings, pdfA1.get());
            case CII -> facturX.cii(doc, settings);
            case UBL -> ubl.render(doc, settings);
        };
        return new File(doc.number() + "." + format.extension, format.mediaType, bytes);
    }

    /**
     * Every invoice and credit note issued from one day to another (the biller's days), as one zip:
     * each as Factur-X and, for business customers, as CII and UBL too.
     */
    @Transactional
    public byte[] zip(LocalDate from, LocalDate to) {
        BillerSettings settings = biller.settings();
        List<Invoice> invoices = Invoice.list(
                "issueDate >= ?1 and issueDate <= ?2 and status <> ?3 order by number", from, to, InvoiceStatus.DRAFT);
        List<CreditNote> notes = CreditNote.list(
                "createdAt >= ?1 and createdAt < ?2 order by id",
                from.atStartOfDay(settings.zone()).toInstant(),
                to.plusDays(1).atStartOfDay(settings.zone()).toInstant());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Invoice invoice : invoices) {
                Locale locale = Locale.forLanguageTag(invoice.account.customer.language);
                add(zip, ofInvoice(invoice, Format.FACTURX, locale));
                if (offersUbl(invoice)) {
                    add(zip, ofInvoice(invoice, Format.CII, locale));
                    add(zip, ofInvoice(invoice, Format.UBL, locale));
                }
            }
            for (CreditNote note : notes) {
                Invoice invoice = Invoice.findById(note.invoiceId);
                Locale locale = Locale.forLanguageTag(invoice.account.customer.language);
                add(zip, ofCreditNote(note, Format.FACTURX, locale));
                if (offersUbl(invoice)) {
                    add(zip, ofCreditNote(note, Format.CII, locale));
                    add(zip, ofCreditNote(note, Format.UBL, locale));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the e-invoice zip", e);
        }
        return out.toByteArray();
    }

    private static void add(ZipOutputStream zip, File file) throws IOException {
        zip.putNextEntry(new ZipEntry(file.name()));
        zip.write(file.bytes());
        zip.closeEntry();
    }
}
