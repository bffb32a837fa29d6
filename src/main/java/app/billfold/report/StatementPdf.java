package app.billfold.report;

import app.billfold.biller.BillerSettings;
import app.billfold.common.LocalFormats;
import app.billfold.common.Money;
import app.billfold.common.StatementMessages;
import app.billfold.invoice.AccessiblePdf;
import app.billfold.invoice.AccessiblePdf.Cell;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A statement as a PDF the customer can keep or hand on: the biller, the account, the period, the
 * opening balance, every movement with the balance after it, and the closing balance, in the
 * reader's language and the biller's currency. Written as a tagged PDF like the bill ({@link
 * AccessiblePdf}), so a screen reader finds a heading and a real table with column headers.
 */
@ApplicationScoped
public class StatementPdf {

    private static final BaseFont REGULAR = font("liberation/LiberationSans-Regular.ttf");
    private static final BaseFont HEAVY = font("liberation/LiberationSans-Bold.ttf");
    private static final Font SMALL = new Font(REGULAR, 9);
    private static final Font NORMAL = new Font(REGULAR, 10);
    private static final Font BOLD = new Font(HEAVY, 10);
    private static final Font TITLE = new Font(HEAVY, 16);

    public byte[] render(Statement statement, BillerSettings biller, Locale locale) {
        StatementMessages words =
                MessageBundles.get(StatementMessages.class, Localized.Literal.of(locale.getLanguage()));
        String title = words.statement_title(statement.accountNumber());
        AccessiblePdf pdf = new AccessiblePdf(text(title), biller.legalName, locale);
        pdf.paragraph(text(biller.legalName), BOLD);
        if (biller.address != null) {
            pdf.paragraph(text(biller.address), SMALL);
        }
        pdf.space(12);
        pdf.heading(text(title), TITLE);
        pdf.space(4);
        pdf.paragraph(
                text(words.statement_for(
                        statement.customerName(),
                        statement.serviceAddress() == null ? "" : statement.serviceAddress())),
                NORMAL);
        pdf.paragraph(
                text(words.statement_period(
                        LocalFormats.date(statement.from(), locale), LocalFormats.date(statement.to(), locale))),
                NORMAL);
        pdf.space(8);

        List<Cell[]> rows = new ArrayList<>();
        rows.add(new Cell[] {
            head(words.statement_date(), Element.ALIGN_LEFT),
            head(words.statement_what(), Element.ALIGN_LEFT),
            head(words.statement_reference(), Element.ALIGN_LEFT),
            head(words.statement_charges(), Element.ALIGN_RIGHT),
            head(words.statement_credits(), Element.ALIGN_RIGHT),
            head(words.statement_balance(), Element.ALIGN_RIGHT)
        });
        rows.add(new Cell[] {
            cell(LocalFormats.date(statement.from().minusDays(1), locale), NORMAL, Element.ALIGN_LEFT),
            cell(
                    words.statement_opening(LocalFormats.date(statement.from().minusDays(1), locale)),
                    BOLD,
                    Element.ALIGN_LEFT),
            cell("", NORMAL, Element.ALIGN_LEFT),
            cell("", NORMAL, Element.ALIGN_RIGHT),
            cell("", NORMAL, Element.ALIGN_RIGHT),
            cell(money(statement.opening(), locale), BOLD, Element.ALIGN_RIGHT)
        });
        for (Statement.Line line : statement.lines()) {
            String size = money(line.size(), locale);
            rows.add(new Cell[] {
                cell(LocalFormats.date(line.date(), locale), NORMAL, Element.ALIGN_LEFT),
                cell(kind(words, line.kind()), NORMAL, Element.ALIGN_LEFT),
                cell(line.reference(), NORMAL, Element.ALIGN_LEFT),
                cell(line.isCharge() ? size : "", NORMAL, Element.ALIGN_RIGHT),
                cell(line.isCharge() ? "" : size, NORMAL, Element.ALIGN_RIGHT),
                cell(money(line.balance(), locale), NORMAL, Element.ALIGN_RIGHT)
            });
        }
        rows.add(new Cell[] {
            cell(LocalFormats.date(statement.to(), locale), NORMAL, Element.ALIGN_LEFT),
            cell(words.statement_closing(LocalFormats.date(statement.to(), locale)), BOLD, Element.ALIGN_LEFT),
            cell("", NORMAL, Element.ALIGN_LEFT),
            cell("", NORMAL, Element.ALIGN_RIGHT),
            cell("", NORMAL, Element.ALIGN_RIGHT),
            cell(money(statement.closing(), locale), BOLD, Element.ALIGN_RIGHT)
        });
        float width = pdf.right() - pdf.left();
        float[] widths = {width * 0.15f, width * 0.19f, width * 0.2f, width * 0.15f, width * 0.16f, width * 0.15f};
        pdf.table(pdf.left(), widths, rows, true, false);
        pdf.space(10);
        if (statement.lines().isEmpty()) {
            pdf.paragraph(text(words.statement_none()), NORMAL);
        }
        pdf.paragraph(text(words.statement_sign()), SMALL);
        return pdf.finish();
    }

    static String kind(StatementMessages words, Statement.Kind kind) {
        return switch (kind) {
            case BILL -> words.statement_kind_bill();
            case CREDIT_NOTE -> words.statement_kind_credit_note();
            case WRITE_OFF -> words.statement_kind_write_off();
            case PAYMENT -> words.statement_kind_payment();
            case REFUND -> words.statement_kind_refund();
            case CREDIT_REFUNDED -> words.statement_kind_credit_refunded();
            case PAYMENT_REVERSED -> words.statement_kind_payment_reversed();
            case BILL_VOIDED -> words.statement_kind_bill_voided();
        };
    }

    private static String money(Money money, Locale locale) {
        return text(LocalFormats.money(money, locale));
    }

    private static Cell head(String text, int align) {
        return new Cell(text(text), BOLD, align, true);
    }

    private static Cell cell(String text, Font font, int align) {
        return new Cell(text(text), font, align, false);
    }

    /** The PDF fonts have no narrow or plain no-break spaces (French number formats use them). */
    private static String text(String text) {
        return text == null ? "" : text.replace('\u202f', ' ').replace('\u00a0', ' ');
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
}
