package app.billfold.invoice;

import app.billfold.biller.BillerSettings;
import app.billfold.common.AppMessages;
import app.billfold.common.LocalFormats;
import app.billfold.common.Money;
import app.billfold.common.PublicLinks;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
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
import java.util.Locale;

/**
 * The printable bill (OpenPDF): biller header and logo, who is billed, dates, lines with a header
 * row repeated on every page, tax per rate, totals, what is paid and due, and how to pay.
 */
@ApplicationScoped
public class InvoicePdf {

    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font NORMAL = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);

    @Inject
    PublicLinks links;

    public byte[] render(Invoice invoice, BillerSettings biller, Locale locale) {
        AppMessages msg = MessageBundles.get(AppMessages.class, Localized.Literal.of(locale.toLanguageTag()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(msg.invoice_title(invoice.number));
            document.addAuthor(biller.legalName);
            document.open();
            header(document, biller, msg);
            document.add(para(msg.invoice_title(invoice.number), TITLE));
            document.add(parties(invoice, msg, locale));
            document.add(lines(invoice, msg, locale));
            document.add(taxes(invoice, msg, locale));
            document.add(totals(invoice, msg, locale));
            Paragraph howToPay = para(msg.pdf_how_to_pay(links.base(), invoice.account.number), NORMAL);
            howToPay.setSpacingBefore(16);
            document.add(howToPay);
            document.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Could not render invoice " + invoice.number, e);
        }
        return out.toByteArray();
    }

    private void header(Document document, BillerSettings biller, AppMessages msg)
            throws DocumentException, IOException {
        PdfPTable table = new PdfPTable(new float[] {1, 2});
        table.setWidthPercentage(100);
        PdfPCell logoCell = new PdfPCell();
        logoCell.setBorder(0);
        if (biller.hasLogo()) {
            Image logo = Image.getInstance(biller.logo);
            logo.scaleToFit(120, 60);
            logoCell.addElement(logo);
        }
        table.addCell(logoCell);
        PdfPCell who = new PdfPCell();
        who.setBorder(0);
        who.setHorizontalAlignment(Element.ALIGN_RIGHT);
        who.addElement(right(biller.legalName, BOLD));
        who.addElement(right(biller.address, SMALL));
        if (biller.taxId != null) {
            who.addElement(right(msg.pdf_tax_id(biller.taxId), SMALL));
        }
        who.addElement(
                right(biller.supportEmail + (biller.supportPhone == null ? "" : " · " + biller.supportPhone), SMALL));
        table.addCell(who);
        table.setSpacingAfter(12);
        document.add(table);
    }

    private PdfPTable parties(Invoice invoice, AppMessages msg, Locale locale) {
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        table.setSpacingAfter(12);
        PdfPCell billTo = new PdfPCell();
        billTo.setBorder(0);
        billTo.addElement(para(msg.pdf_bill_to(), BOLD));
        billTo.addElement(para(invoice.account.customer.name, NORMAL));
        billTo.addElement(para(invoice.account.serviceAddress, NORMAL));
        billTo.addElement(para(invoice.account.postcode, NORMAL));
        table.addCell(billTo);
        PdfPCell facts = new PdfPCell();
        facts.setBorder(0);
        facts.addElement(para(msg.pdf_account_number(invoice.account.number), NORMAL));
        facts.addElement(para(msg.pdf_invoice_number(invoice.number), NORMAL));
        facts.addElement(para(msg.pdf_issue_date(date(invoice.issueDate, locale)), NORMAL));
        facts.addElement(para(msg.pdf_due_date(date(invoice.dueDate, locale)), BOLD));
        table.addCell(facts);
        return table;
    }

    private PdfPTable lines(Invoice invoice, AppMessages msg, Locale locale) {
        PdfPTable table = new PdfPTable(new float[] {5, 1.3f, 1.6f, 1.1f, 1.6f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        headerCell(table, msg.line_description(), Element.ALIGN_LEFT);
        headerCell(table, msg.line_quantity(), Element.ALIGN_RIGHT);
        headerCell(table, msg.line_unit_price(), Element.ALIGN_RIGHT);
        headerCell(table, msg.line_tax_rate(), Element.ALIGN_RIGHT);
        headerCell(table, msg.line_net(), Element.ALIGN_RIGHT);
        for (InvoiceLine line : invoice.lines) {
            cell(table, line.description, Element.ALIGN_LEFT, NORMAL);
            cell(table, LocalFormats.number(line.quantity, locale), Element.ALIGN_RIGHT, NORMAL);
            cell(table, LocalFormats.number(line.unitPrice, locale), Element.ALIGN_RIGHT, NORMAL);
            cell(table, LocalFormats.percent(line.taxRate, locale), Element.ALIGN_RIGHT, NORMAL);
            cell(table, money(line.netAmount, invoice, locale), Element.ALIGN_RIGHT, NORMAL);
        }
        return table;
    }

    private PdfPTable taxes(Invoice invoice, AppMessages msg, Locale locale) {
        PdfPTable table = new PdfPTable(3);
        table.setWidthPercentage(50);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(12);
        table.setHeaderRows(1);
        headerCell(table, msg.tax_rate(), Element.ALIGN_RIGHT);
        headerCell(table, msg.tax_base(), Element.ALIGN_RIGHT);
        headerCell(table, msg.tax_amount(), Element.ALIGN_RIGHT);
        for (InvoicePricing.TaxBreakdown row : invoice.taxBreakdown()) {
            cell(table, LocalFormats.percent(row.rate(), locale), Element.ALIGN_RIGHT, NORMAL);
            cell(table, LocalFormats.money(row.net(), locale), Element.ALIGN_RIGHT, NORMAL);
            cell(table, LocalFormats.money(row.tax(), locale), Element.ALIGN_RIGHT, NORMAL);
        }
        return table;
    }

    private PdfPTable totals(Invoice invoice, AppMessages msg, Locale locale) {
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(50);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(12);
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

    private static String money(java.math.BigDecimal amount, Invoice invoice, Locale locale) {
        return LocalFormats.money(Money.of(amount, invoice.currency), locale);
    }

    private static String date(LocalDate date, Locale locale) {
        return LocalFormats.date(date, locale);
    }

    /**
     * The built-in Helvetica has no glyph for the narrow no-break space that French number formats
     * use; a plain space reads the same on paper.
     */
    static String pdfText(String text) {
        return text == null ? "" : text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
