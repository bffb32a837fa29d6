package app.billfold.einvoice;

import app.billfold.biller.Biller;
import app.billfold.biller.BillerSettings;
import app.billfold.common.NotFoundException;
import app.billfold.invoice.AccessiblePdf;
import app.billfold.invoice.CreditNote;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoicePdf;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Renders the files an issued invoice or credit note is delivered as: Factur-X PDF (for everyone:
 * it is the bill's PDF), CII XML, and Peppol UBL (business customers: Peppol needs their
 * electronic address); always in the customer's language. They are rendered once, at issue, and
 * kept by {@link IssuedDocuments}, which is what everyone else reads.
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

    /** One file, named after the document's number, with the entity tag of its bytes. */
    public record File(String name, String mediaType, byte[] bytes, String etag) {

        static File of(String name, String mediaType, byte[] bytes) {
            return new File(name, mediaType, bytes, etagOf(bytes));
        }
    }

    /** A strong entity tag: the SHA-256 of the bytes (base64url, 43 characters). */
    static String etagOf(byte[] bytes) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether UBL (and CII) is offered: Peppol addresses businesses only. */
    public static boolean offersUbl(Invoice invoice) {
        return invoice.account.customer.isBusiness();
    }

    /**
     * The formats a document of this invoice's customer is kept in: Factur-X and its CII for
     * everyone (clerks may download a consumer's CII; the portal offers it to businesses only), UBL
     * for businesses.
     */
    static List<Format> formatsFor(Invoice invoice) {
        return offersUbl(invoice)
                ? List.of(Format.FACTURX, Format.CII, Format.UBL)
                : List.of(Format.FACTURX, Format.CII);
    }

    /**
     * One file of an issued invoice, rendered now from the current settings (once: see
     * IssuedDocuments). Message bundles look for a request's language: jobs have no request.
     */
    @ActivateRequestContext
    public File render(Invoice invoice, Format format) {
        BillerSettings settings = biller.settings();
        Locale locale = languageOf(invoice);
        return render(
                EInvoiceDocument.of(invoice),
                format,
                settings,
                enclosure -> pdf.render(invoice, settings, locale, enclosure));
    }

    /**
     * The same with the invoice's CII already made by {@link #cii(Invoice)}: issuing makes it once
     * for the Factur-X, which carries it, and for the CII file.
     */
    @ActivateRequestContext
    public File render(Invoice invoice, Format format, byte[] cii) {
        BillerSettings settings = biller.settings();
        Locale locale = languageOf(invoice);
        return render(
                EInvoiceDocument.of(invoice),
                format,
                settings,
                enclosure -> pdf.render(invoice, settings, locale, enclosure),
                cii);
    }

    /** The Cross Industry Invoice XML of an invoice, as its Factur-X carries it. */
    @ActivateRequestContext
    public byte[] cii(Invoice invoice) {
        return facturX.cii(EInvoiceDocument.of(invoice), biller.settings());
    }

    /** One file of a credit note, rendered now from the current settings (once: see IssuedDocuments). */
    @ActivateRequestContext
    public File render(CreditNote note, Invoice invoice, Format format) {
        BillerSettings settings = biller.settings();
        Locale locale = languageOf(invoice);
        return render(
                EInvoiceDocument.of(note, invoice, settings.zone()),
                format,
                settings,
                enclosure -> pdf.render(note, invoice, settings, locale, enclosure));
    }

    private static Locale languageOf(Invoice invoice) {
        return Locale.forLanguageTag(invoice.account.customer.language);
    }

    private File render(
            EInvoiceDocument doc,
            Format format,
            BillerSettings settings,
            Function<Consumer<AccessiblePdf>, byte[]> bill) {
        return render(doc, format, settings, bill, null);
    }

    /** {@code cii}: the document's CII if already made, else null. */
    private File render(
            EInvoiceDocument doc,
            Format format,
            BillerSettings settings,
            Function<Consumer<AccessiblePdf>, byte[]> bill,
            byte[] cii) {
        if (format == Format.UBL && !doc.isBusiness()) {
            throw new NotFoundException("Peppol UBL is for business customers");
        }
        byte[] bytes = switch (format) {
            case FACTURX -> cii == null ? facturX.pdf(doc, settings, bill) : facturX.pdf(doc, cii, bill);
            case CII -> cii == null ? facturX.cii(doc, settings) : cii;
            case UBL -> ubl.render(doc, settings);
        };
        return File.of(doc.number() + "." + format.extension, format.mediaType, bytes);
    }
}
