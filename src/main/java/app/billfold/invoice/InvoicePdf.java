package app.billfold.invoice;

import app.billfold.biller.BillerSettings;
import app.billfold.biller.LogoImage;
import app.billfold.common.AppMessages;
import app.billfold.common.EInvoiceMessages;
import app.billfold.common.LocalFormats;
import app.billfold.common.Money;
import app.billfold.common.PublicLinks;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The printable bill (OpenPDF): biller header and logo, who is billed, dates, lines with a header
 * row repeated on every page, tax per rate, totals, what is paid and due, and how to pay. Written
 * as PDF/A-1b (fonts embedded, sRGB output intent, XMP metadata) so that it can carry its
 * Factur-X XML; credit notes are laid out the same way.
 */
@ApplicationScoped
public class InvoicePdf {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(InvoicePdf.class);

    private static final BaseFont REGULAR = font("liberation/LiberationSans-Regular.ttf");
    private static final BaseFont HEAVY = font("liberation/LiberationSans-Bold.ttf");
    private static final Font SMALL = new Font(REGULAR, 9);
    private static final Font NORMAL = new Font(REGULAR, 10);
    private static final Font BOLD = new Font(HEAVY, 10);
    private static final Font TITLE = new Font(HEAVY, 16);
    private static final byte[] SRGB = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB)
            .getData();

    @Inject
    PublicLinks links;

    public byte[] render(Invoice invoice, BillerSettings biller, Locale locale) {
        AppMessages msg = MessageBundles.get(AppMessages.class, Localized.Literal.of(locale.toLanguageTag()));
        EInvoiceMessages words = words(locale);
        return write(msg.invoice_title(invoice.number), biller, invoice.number, document -> {
            header(document, biller, msg, words);
            document.add(para(msg.invoice_title(invoice.number), TITLE));
            document.add(parties(invoice, null, msg, words, locale));
            document.add(lines(rows(invoice), invoice.currency, msg, locale));
            document.add(taxes(invoice.taxBreakdown(), msg, locale));
            document.add(totals(invoice, msg, locale));
            if (invoice.note != null) {
                Paragraph note = para(invoice.note, NORMAL);
                note.setSpacingBefore(12);
                document.add(note);
            }
            Paragraph howToPay = para(msg.pdf_how_to_pay(links.base(), invoice.account.number), NORMAL);
            howToPay.setSpacingBefore(16);
            document.add(howToPay);
        });
    }

    /** A credit note: what it takes back from which invoice, and why. */
    public byte[] render(CreditNote note, Invoice invoice, BillerSettings biller, Locale locale) {
        AppMessages msg = MessageBundles.get(AppMessages.class, Localized.Literal.of(locale.toLanguageTag()));
        EInvoiceMessages words = words(locale);
        String title = words.credit_note_title(note.number);
        return write(title, biller, note.number, document -> {
            header(document, biller, msg, words);
            document.add(para(title, TITLE));
            document.add(parties(invoice, note, msg, words, locale));
            List<PrintedLine> rows = note.lines.stream()
                    .map(l -> new PrintedLine(l.description, l.quantity, l.unitPrice, l.taxRate, l.netAmount))
                    .toList();
            document.add(lines(rows, note.currency, msg, locale));
            PdfPTable totals = totalsTable();
            total(totals, msg.total_net(), Money.of(note.netTotal, note.currency), locale, NORMAL);
            total(totals, msg.total_tax(), Money.of(note.taxTotal, note.currency), locale, NORMAL);
            total(totals, words.total_credited(), Money.of(note.grossTotal, note.currency), locale, BOLD);
            document.add(totals);
            Paragraph reason = para(words.credit_note_reason(note.reason), NORMAL);
            reason.setSpacingBefore(12);
            document.add(reason);
        });
    }

    private interface Body {
        void write(Document document) throws DocumentException, IOException;
    }

    private static byte[] write(String title, BillerSettings biller, String number, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPDFXConformance(PdfWriter.PDFA1B);
            document.addTitle(title);
            document.addAuthor(biller.legalName);
            document.addCreator("Billfold");
            document.open();
            writer.setOutputIntents("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1", SRGB);
            body.write(document);
            writer.createXmpMetadata();
            document.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Could not render " + number, e);
        }
        return out.toByteArray();
    }

    private static BaseFont font(String resource) {
        try {
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Font " + resource + " is missing", e);
        }
    }

    private static EInvoiceMessages words(Locale locale) {
        return MessageBundles.get(EInvoiceMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }

    /** A line as printed: invoices and credit notes alike. */
    private record PrintedLine(
            String description,
            java.math.BigDecimal quantity,
            java.math.BigDecimal unitPrice,
            java.math.BigDecimal taxRate,
            java.math.BigDecimal net) {}

    private static List<PrintedLine> rows(Invoice invoice) {
        return invoice.lines.stream()
                .map(l -> new PrintedLine(l.description, l.quantity, l.unitPrice, l.taxRate, l.netAmount))
                .toList();
    }

    private static void header(Document document, BillerSettings biller, AppMessages msg, EInvoiceMessages words)
            throws DocumentException, IOException {
        PdfPTable table = new PdfPTable(new float[] {1, 2});
        table.setWidthPercentage(100);
        PdfPCell logoCell = new PdfPCell();
        logoCell.setBorder(0);
        if (biller.hasLogo()) {
            Image logo = printableLogo(biller.logo);
            if (logo != null) {
                logo.scaleToFit(120, 60);
                logoCell.addElement(logo);
            }
        }
        table.addCell(logoCell);
        PdfPCell who = new PdfPCell();
        who.setBorder(0);
        who.setHorizontalAlignment(Element.ALIGN_RIGHT);
        who.addElement(right(biller.legalName, BOLD));
        who.addElement(right(biller.address, SMALL));
        if (biller.business().hasVatId()) {
            who.addElement(right(words.vat_id_pdf(biller.business().vatId), SMALL));
        }
        if (biller.taxId != null && !biller.taxId.equals(biller.business().vatId)) {
            who.addElement(right(msg.pdf_tax_id(biller.taxId), SMALL));
        }
        who.addElement(
                right(biller.supportEmail + (biller.supportPhone == null ? "" : " · " + biller.supportPhone), SMALL));
        table.addCell(who);
        table.setSpacingAfter(12);
        document.add(table);
    }

    private static PdfPTable parties(
            Invoice invoice, CreditNote note, AppMessages msg, EInvoiceMessages words, Locale locale) {
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        table.setSpacingAfter(12);
        PdfPCell billTo = new PdfPCell();
        billTo.setBorder(0);
        billTo.addElement(para(msg.pdf_bill_to(), BOLD));
        var customer = invoice.account.customer;
        billTo.addElement(para(customer.name, NORMAL));
        if (customer.isBusiness() && customer.business().street != null) {
            var b = customer.business();
            billTo.addElement(para(b.street, NORMAL));
            billTo.addElement(para(join(b.postcode, b.city, b.countryCode), NORMAL));
            if (b.hasVatId()) {
                billTo.addElement(para(words.vat_id_pdf(b.vatId), NORMAL));
            }
        } else {
            billTo.addElement(para(invoice.account.serviceAddress, NORMAL));
            billTo.addElement(para(invoice.account.postcode, NORMAL));
        }
        table.addCell(billTo);
        PdfPCell facts = new PdfPCell();
        facts.setBorder(0);
        facts.addElement(para(msg.pdf_account_number(invoice.account.number), NORMAL));
        if (note == null) {
            facts.addElement(para(msg.pdf_invoice_number(invoice.number), NORMAL));
            facts.addElement(para(msg.pdf_issue_date(date(invoice.issueDate, locale)), NORMAL));
            facts.addElement(para(msg.pdf_due_date(date(invoice.dueDate, locale)), BOLD));
        } else {
            facts.addElement(para(words.credit_note_corrects(invoice.number, date(invoice.issueDate, locale)), NORMAL));
        }
        if (invoice.buyerReference != null) {
            facts.addElement(para(words.buyer_reference_pdf(invoice.buyerReference), NORMAL));
        }
        if (invoice.orderReference != null) {
            facts.addElement(para(words.order_reference_pdf(invoice.orderReference), NORMAL));
        }
        table.addCell(facts);
        return table;
    }

    private static String join(String... parts) {
        return java.util.Arrays.stream(parts)
                .filter(p -> p != null && !p.isBlank())
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /**
     * The logo, flattened onto white (PDF/A-1 allows no transparency), or null when the stored logo
     * will not decode: the bill is printed without it rather than not at all.
     */
    private static Image printableLogo(byte[] logo) throws IOException {
        java.awt.image.BufferedImage source = LogoImage.printable(logo).orElse(null);
        if (source == null) {
            LOG.warn("The biller's logo is not a readable PNG or JPEG image within the limits; printed without it");
            return null;
        }
        java.awt.image.BufferedImage flat = new java.awt.image.BufferedImage(
                source.getWidth(), source.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = flat.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, flat.getWidth(), flat.getHeight());
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return Image.getInstance(flat, null);
    }

    private static PdfPTable lines(List<PrintedLine> rows, String currency, AppMessages msg, Locale locale) {
        PdfPTable table = new PdfPTable(new float[] {5, 1.3f, 1.6f, 1.1f, 1.6f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        headerCell(table, msg.line_description(), Element.ALIGN_LEFT);
        headerCell(table, msg.line_quantity(), Element.ALIGN_RIGHT);
        headerCell(table, msg.line_unit_price(), Element.ALIGN_RIGHT);
        headerCell(table, msg.line_tax_rate(), Element.ALIGN_RIGHT);
        headerCell(table, msg.line_net(), Element.ALIGN_RIGHT);
        for (PrintedLine line : rows) {
            cell(table, line.description(), Element.ALIGN_LEFT, NORMAL);
            cell(table, LocalFormats.number(line.quantity(), locale), Element.ALIGN_RIGHT, NORMAL);
            cell(table, LocalFormats.number(line.unitPrice(), locale), Element.ALIGN_RIGHT, NORMAL);
            cell(table, LocalFormats.percent(line.taxRate(), locale), Element.ALIGN_RIGHT, NORMAL);
            cell(table, LocalFormats.money(Money.of(line.net(), currency), locale), Element.ALIGN_RIGHT, NORMAL);
        }
        return table;
    }

    private static PdfPTable taxes(List<InvoicePricing.TaxBreakdown> breakdown, AppMessages msg, Locale locale) {
        PdfPTable table = new PdfPTable(3);
        table.setWidthPercentage(50);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(12);
        table.setHeaderRows(1);
        headerCell(table, msg.tax_rate(), Element.ALIGN_RIGHT);
        headerCell(table, msg.tax_base(), Element.ALIGN_RIGHT);
        headerCell(table, msg.tax_amount(), Element.ALIGN_RIGHT);
        for (InvoicePricing.TaxBreakdown row : breakdown) {
            cell(table, LocalFormats.percent(row.rate(), locale), Element.ALIGN_RIGHT, NORMAL);
            cell(table, LocalFormats.money(row.net(), locale), Element.ALIGN_RIGHT, NORMAL);
            cell(table, LocalFormats.money(row.tax(), locale), Element.ALIGN_RIGHT, NORMAL);
        }
        return table;
    }

    private static PdfPTable totalsTable() {
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(50);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(12);
        return table;
    }

    private static PdfPTable totals(Invoice invoice, AppMessages msg, Locale locale) {
        PdfPTable table = totalsTable();
        total(table, msg.total_net(), invoice.net(), locale, NORMAL);
        total(table, msg.total_tax(), invoice.tax(), locale, NORMAL);
        total(table, msg.total_gross(), invoice.gross(), locale, BOLD);
        total(table, msg.total_paid(), invoice.paid(), locale, NORMAL);
        total(table, msg.total_balance(), invoice.balanceDue(), locale, BOLD);
        return table;
    }

    private static void total(PdfPTable table, String label, Money amount, Locale locale, Font font) {
        cell(table, label, Element.ALIGN_LEFT, font);
        cell(table, LocalFormats.money(amount, locale), Element.ALIGN_RIGHT, font);
    }

    private static void headerCell(PdfPTable table, String text, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(pdfText(text), BOLD));
        cell.setHorizontalAlignment(align);
        cell.setBackgroundColor(new Color(0xEE, 0xEE, 0xEE));
        cell.setPadding(4);
        table.addCell(cell);
    }

    private static void cell(PdfPTable table, String text, int align, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(pdfText(text), font));
        cell.setHorizontalAlignment(align);
        cell.setPadding(4);
        table.addCell(cell);
    }

    private static Paragraph para(String text, Font font) {
        return new Paragraph(pdfText(text), font);
    }

    private static Paragraph right(String text, Font font) {
        Paragraph p = new Paragraph(pdfText(text), font);
        p.setAlignment(Element.ALIGN_RIGHT);
        return p;
    }

    private static String date(LocalDate date, Locale locale) {
        return LocalFormats.date(date, locale);
    }

    /**
     * Liberation Sans has no glyph for the narrow no-break space that French number formats use; a
     * plain space reads the same on paper.
     */
    static String pdfText(String text) {
        return text == null ? "" : text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
