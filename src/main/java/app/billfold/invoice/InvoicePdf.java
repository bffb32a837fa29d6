package app.billfold.invoice;

import app.billfold.biller.BillerSettings;
import app.billfold.biller.LogoImage;
import app.billfold.common.AppMessages;
import app.billfold.common.DocumentMessages;
import app.billfold.common.EInvoiceMessages;
import app.billfold.common.LocalFormats;
import app.billfold.common.Money;
import app.billfold.common.PublicLinks;
import com.lowagie.text.BadElementException;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The printable bill: biller header and logo, who is billed, dates, lines with a header row
 * repeated on every page, tax per rate, totals, what is paid and due, and how to pay; credit notes
 * are laid out the same way. Written in one pass as an accessible PDF/A-3a ({@link AccessiblePdf}):
 * a screen reader finds the logo described, a heading, the parties, and real tables with column and
 * row headers, in reading order, in the customer's language. Factur-X hands in its XML to embed.
 * Fonts and the flattened logo are made once and reused by every bill.
 */
@ApplicationScoped
public class InvoicePdf {

    private static final Logger LOG = Logger.getLogger(InvoicePdf.class);

    private static final BaseFont REGULAR = font("liberation/LiberationSans-Regular.ttf");
    private static final BaseFont HEAVY = font("liberation/LiberationSans-Bold.ttf");
    private static final Font SMALL = new Font(REGULAR, 9);
    private static final Font NORMAL = new Font(REGULAR, 10);
    private static final Font BOLD = new Font(HEAVY, 10);
    private static final Font TITLE = new Font(HEAVY, 16);
    private static final Consumer<AccessiblePdf> NOTHING_ENCLOSED = pdf -> {};

    @Inject
    PublicLinks links;

    /** The last logo drawn, flattened: bills of one biller share it. */
    private volatile FlatLogo logo;

    private record FlatLogo(byte[] source, Image image) {}

    public byte[] render(Invoice invoice, BillerSettings biller, Locale locale) {
        return render(invoice, biller, locale, NOTHING_ENCLOSED);
    }

    /** The bill, with what {@code enclose} attaches to it (files and their XMP descriptions). */
    public byte[] render(Invoice invoice, BillerSettings biller, Locale locale, Consumer<AccessiblePdf> enclose) {
        AppMessages msg = messages(locale);
        EInvoiceMessages words = words(locale);
        String title = msg.invoice_title(invoice.number);
        AccessiblePdf pdf = new AccessiblePdf(pdfText(title), biller.legalName, locale);
        header(pdf, biller, msg, words);
        pdf.heading(pdfText(title), TITLE);
        parties(pdf, invoice, null, msg, words, locale);
        lines(pdf, rows(invoice), invoice.currency, msg, locale);
        taxes(pdf, invoice.taxBreakdown(), msg, locale);
        totals(
                pdf,
                locale,
                new Total(msg.total_net(), invoice.net(), NORMAL),
                new Total(msg.total_tax(), invoice.tax(), NORMAL),
                new Total(msg.total_gross(), invoice.gross(), BOLD),
                new Total(msg.total_paid(), invoice.paid(), NORMAL),
                new Total(msg.total_balance(), invoice.balanceDue(), BOLD));
        if (invoice.note != null) {
            pdf.space(12);
            pdf.paragraph(pdfText(invoice.note), NORMAL);
        }
        pdf.space(16);
        // A paper bill never names an address only this machine can reach (the default in dev).
        pdf.paragraph(
                pdfText(
                        links.isPublic()
                                ? msg.pdf_how_to_pay(links.base(), invoice.account.number)
                                : MessageBundles.get(
                                                DocumentMessages.class, Localized.Literal.of(locale.toLanguageTag()))
                                        .pdf_how_to_pay_no_address(invoice.account.number)),
                NORMAL);
        enclose.accept(pdf);
        return pdf.finish();
    }

    public byte[] render(CreditNote note, Invoice invoice, BillerSettings biller, Locale locale) {
        return render(note, invoice, biller, locale, NOTHING_ENCLOSED);
    }

    /** A credit note: what it takes back from which invoice, and why. */
    public byte[] render(
            CreditNote note, Invoice invoice, BillerSettings biller, Locale locale, Consumer<AccessiblePdf> enclose) {
        AppMessages msg = messages(locale);
        EInvoiceMessages words = words(locale);
        String title = words.credit_note_title(note.number);
        AccessiblePdf pdf = new AccessiblePdf(pdfText(title), biller.legalName, locale);
        header(pdf, biller, msg, words);
        pdf.heading(pdfText(title), TITLE);
        parties(pdf, invoice, note, msg, words, locale);
        List<PrintedLine> rows = note.lines.stream()
                .map(l -> new PrintedLine(l.description, l.quantity, null, l.unitPrice, l.taxRate, l.netAmount))
                .toList();
        lines(pdf, rows, note.currency, msg, locale);
        totals(
                pdf,
                locale,
                new Total(msg.total_net(), Money.of(note.netTotal, note.currency), NORMAL),
                new Total(msg.total_tax(), Money.of(note.taxTotal, note.currency), NORMAL),
                new Total(words.total_credited(), Money.of(note.grossTotal, note.currency), BOLD));
        pdf.space(12);
        pdf.paragraph(pdfText(words.credit_note_reason(note.reason)), NORMAL);
        enclose.accept(pdf);
        return pdf.finish();
    }

    private static AppMessages messages(Locale locale) {
        return MessageBundles.get(AppMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }

    private static EInvoiceMessages words(Locale locale) {
        return MessageBundles.get(EInvoiceMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }

    private static BaseFont font(String resource) {
        try {
            BaseFont font = BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            // PDF/A-2 and later take no CIDSet rather than a wrong one; the subset is what counts.
            font.setIncludeCidSet(false);
            return font;
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Font " + resource + " is missing", e);
        }
    }

    /** A line as printed: invoices and credit notes alike. */
    private record PrintedLine(
            String description,
            BigDecimal quantity,
            String unitCode,
            BigDecimal unitPrice,
            BigDecimal taxRate,
            BigDecimal net) {}

    private static List<PrintedLine> rows(Invoice invoice) {
        return invoice.lines.stream()
                .map(l -> new PrintedLine(l.description, l.quantity, l.unitCode, l.unitPrice, l.taxRate, l.netAmount))
                .toList();
    }

    /** "12 m³": the quantity with the unit it was counted in, unless it is a plain count. */
    private static String quantity(PrintedLine line, Locale locale) {
        String number = LocalFormats.number(line.quantity(), locale);
        if (line.unitCode() == null || !UnitCode.isKnown(line.unitCode())) {
            return number;
        }
        EInvoiceMessages words = words(locale);
        String unit = switch (UnitCode.valueOf(line.unitCode())) {
            case C62 -> "";
            case KWH -> words.unit_KWH();
            case MTQ -> words.unit_MTQ();
            case LTR -> words.unit_LTR();
            case KGM -> words.unit_KGM();
            case HUR -> words.unit_HUR();
            case DAY -> words.unit_DAY();
            case MON -> words.unit_MON();
            case ANN -> words.unit_ANN();
        };
        return unit.isEmpty() ? number : number + " " + unit;
    }

    /** A line of text in a block: what it says and in which font. */
    private record Text(String text, Font font) {}

    /** Logo on the left, the biller on the right; read in that order. */
    private void header(AccessiblePdf pdf, BillerSettings biller, AppMessages msg, EInvoiceMessages words) {
        float top = pdf.y();
        float logoBottom = top;
        Image image = logo(biller);
        if (image != null) {
            logoBottom = pdf.figure(image, pdfText(msg.pdf_logo_alt(biller.legalName)), pdf.left());
        }
        List<Text> who = new ArrayList<>();
        who.add(new Text(biller.legalName, BOLD));
        who.add(new Text(biller.address, SMALL));
        if (biller.business().hasVatId()) {
            who.add(new Text(words.vat_id_pdf(biller.business().vatId), SMALL));
        }
        if (biller.taxId != null && !biller.taxId.equals(biller.business().vatId)) {
            who.add(new Text(msg.pdf_tax_id(biller.taxId), SMALL));
        }
        who.add(new Text(
                biller.supportEmail + (biller.supportPhone == null ? "" : " · " + biller.supportPhone), SMALL));
        float width = pdf.right() - pdf.left();
        float whoBottom = block(pdf, who, pdf.left() + width / 3, pdf.right(), top, Element.ALIGN_RIGHT);
        pdf.moveTo(Math.min(logoBottom, whoBottom) - 12);
    }

    /** Who is billed on the left, the document's facts on the right; read in that order. */
    private static void parties(
            AccessiblePdf pdf,
            Invoice invoice,
            CreditNote note,
            AppMessages msg,
            EInvoiceMessages words,
            Locale locale) {
        pdf.space(8);
        List<Text> billTo = new ArrayList<>();
        billTo.add(new Text(msg.pdf_bill_to(), BOLD));
        var customer = invoice.account.customer;
        billTo.add(new Text(customer.name, NORMAL));
        if (customer.isBusiness() && customer.business().street != null) {
            var b = customer.business();
            billTo.add(new Text(b.street, NORMAL));
            billTo.add(new Text(join(b.postcode, b.city, b.countryCode), NORMAL));
            if (b.hasVatId()) {
                billTo.add(new Text(words.vat_id_pdf(b.vatId), NORMAL));
            }
        } else {
            billTo.add(new Text(invoice.account.serviceAddress, NORMAL));
            billTo.add(new Text(join(invoice.account.postcode, invoice.account.city), NORMAL));
        }
        List<Text> facts = new ArrayList<>();
        facts.add(new Text(msg.pdf_account_number(invoice.account.number), NORMAL));
        if (note == null) {
            facts.add(new Text(msg.pdf_invoice_number(invoice.number), NORMAL));
            facts.add(new Text(msg.pdf_issue_date(LocalFormats.date(invoice.issueDate, locale)), NORMAL));
            facts.add(new Text(msg.pdf_due_date(LocalFormats.date(invoice.dueDate, locale)), BOLD));
        } else {
            facts.add(new Text(
                    words.credit_note_corrects(invoice.number, LocalFormats.date(invoice.issueDate, locale)), NORMAL));
        }
        if (invoice.buyerReference != null) {
            facts.add(new Text(words.buyer_reference_pdf(invoice.buyerReference), NORMAL));
        }
        if (invoice.orderReference != null) {
            facts.add(new Text(words.order_reference_pdf(invoice.orderReference), NORMAL));
        }
        float top = pdf.y();
        float middle = (pdf.left() + pdf.right()) / 2;
        float left = block(pdf, billTo, pdf.left(), middle - 6, top, Element.ALIGN_LEFT);
        float right = block(pdf, facts, middle + 6, pdf.right(), top, Element.ALIGN_LEFT);
        pdf.moveTo(Math.min(left, right) - 12);
    }

    /** Paragraphs one under the other in a column from {@code top}; returns the y under the last. */
    private static float block(AccessiblePdf pdf, List<Text> texts, float x0, float x1, float top, int align) {
        float y = top;
        for (Text text : texts) {
            pdf.moveTo(y);
            y = pdf.text(pdf.root(), AccessiblePdf.PARAGRAPH, pdfText(text.text()), text.font(), x0, x1, align);
        }
        return y;
    }

    private static String join(String... parts) {
        return Arrays.stream(parts)
                .filter(p -> p != null && !p.isBlank())
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** The biller's logo, flattened once per logo; none (logged) if it cannot be drawn. */
    private Image logo(BillerSettings biller) {
        if (!biller.hasLogo()) {
            return null;
        }
        try {
            FlatLogo flat = logo;
            if (flat == null || !Arrays.equals(flat.source(), biller.logo)) {
                flat = new FlatLogo(biller.logo.clone(), opaque(biller.logo));
                logo = flat;
            }
            Image copy = Image.getInstance(flat.image());
            copy.scaleToFit(120, 60);
            return copy;
        } catch (IOException | RuntimeException e) {
            // A bill is issued with its documents: a logo that cannot be drawn must not stop it.
            LOG.warnf("The biller's logo is left off the bill: %s", e.getMessage());
            return null;
        }
    }

    /** PDF/A allows no transparency: a logo is flattened onto white first. */
    private static Image opaque(byte[] logo) throws IOException, BadElementException {
        java.awt.image.BufferedImage source = LogoImage.printable(logo).orElse(null);
        if (source == null) {
            throw new IOException("not a readable PNG or JPEG image within the limits");
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

    private static void lines(
            AccessiblePdf pdf, List<PrintedLine> rows, String currency, AppMessages msg, Locale locale) {
        List<AccessiblePdf.Cell[]> table = new ArrayList<>();
        table.add(new AccessiblePdf.Cell[] {
            head(msg.line_description(), Element.ALIGN_LEFT),
            head(msg.line_quantity(), Element.ALIGN_RIGHT),
            head(msg.line_unit_price(), Element.ALIGN_RIGHT),
            head(msg.line_tax_rate(), Element.ALIGN_RIGHT),
            head(msg.line_net(), Element.ALIGN_RIGHT)
        });
        for (PrintedLine line : rows) {
            table.add(new AccessiblePdf.Cell[] {
                cell(line.description(), Element.ALIGN_LEFT, NORMAL),
                cell(quantity(line, locale), Element.ALIGN_RIGHT, NORMAL),
                cell(LocalFormats.unitPrice(line.unitPrice(), currency, locale), Element.ALIGN_RIGHT, NORMAL),
                cell(LocalFormats.percent(line.taxRate(), locale), Element.ALIGN_RIGHT, NORMAL),
                cell(LocalFormats.money(Money.of(line.net(), currency), locale), Element.ALIGN_RIGHT, NORMAL)
            });
        }
        pdf.table(pdf.left(), widths(pdf.right() - pdf.left(), 5, 1.3f, 1.6f, 1.1f, 1.6f), table, true, false);
    }

    private static void taxes(
            AccessiblePdf pdf, List<InvoicePricing.TaxBreakdown> breakdown, AppMessages msg, Locale locale) {
        List<AccessiblePdf.Cell[]> table = new ArrayList<>();
        table.add(new AccessiblePdf.Cell[] {
            head(msg.tax_rate(), Element.ALIGN_RIGHT),
            head(msg.tax_base(), Element.ALIGN_RIGHT),
            head(msg.tax_amount(), Element.ALIGN_RIGHT)
        });
        for (InvoicePricing.TaxBreakdown row : breakdown) {
            table.add(new AccessiblePdf.Cell[] {
                cell(LocalFormats.percent(row.rate(), locale), Element.ALIGN_RIGHT, NORMAL),
                cell(LocalFormats.money(row.net(), locale), Element.ALIGN_RIGHT, NORMAL),
                cell(LocalFormats.money(row.tax(), locale), Element.ALIGN_RIGHT, NORMAL)
            });
        }
        pdf.space(12);
        float half = (pdf.right() - pdf.left()) / 2;
        pdf.table(pdf.right() - half, widths(half, 1, 1, 1), table, true, false);
    }

    private record Total(String label, Money amount, Font font) {}

    /** Totals as label and amount, the label heading its row. */
    private static void totals(AccessiblePdf pdf, Locale locale, Total... totals) {
        List<AccessiblePdf.Cell[]> table = new ArrayList<>();
        for (Total total : totals) {
            table.add(new AccessiblePdf.Cell[] {
                cell(total.label(), Element.ALIGN_LEFT, total.font()),
                cell(LocalFormats.money(total.amount(), locale), Element.ALIGN_RIGHT, total.font())
            });
        }
        pdf.space(12);
        float half = (pdf.right() - pdf.left()) / 2;
        pdf.table(pdf.right() - half, widths(half, 1, 1), table, false, true);
    }

    private static float[] widths(float total, float... relative) {
        float sum = 0;
        for (float r : relative) {
            sum += r;
        }
        float[] widths = new float[relative.length];
        for (int i = 0; i < relative.length; i++) {
            widths[i] = total * relative[i] / sum;
        }
        return widths;
    }

    private static AccessiblePdf.Cell head(String text, int align) {
        return new AccessiblePdf.Cell(pdfText(text), BOLD, align, true);
    }

    private static AccessiblePdf.Cell cell(String text, int align, Font font) {
        return new AccessiblePdf.Cell(pdfText(text), font, align, false);
    }

    /**
     * Liberation Sans has no glyph for the narrow no-break space that French number formats use; a
     * plain space reads the same on paper.
     */
    static String pdfText(String text) {
        return text == null ? "" : text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
