package app.billfold.invoice;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfBoolean;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfFileSpecification;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.xml.xmp.XmpWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * A PDF/A-3a document written in one pass by OpenPDF: tagged (every piece of text, image and table
 * cell is a structure element, in reading order, and rules and repeated headers are artifacts),
 * with its language, an sRGB output intent, XMP metadata, and files embedded as associated files.
 * OpenPDF lays out nothing on tagged pages by itself, so this places text in boxes on A4 pages from
 * the top down and starts a new page when a box does not fit.
 */
public final class AccessiblePdf {

    /** The text after "xmlns:" and the content of an rdf:Description to add to the XMP. */
    public record XmpDescription(String namespaces, String content) {}

    public static final float MARGIN = 40;
    static final PdfName DOCUMENT = new PdfName("Document");
    static final PdfName ARTIFACT = new PdfName("Artifact");
    static final PdfName H1 = new PdfName("H1");
    static final PdfName PARAGRAPH = new PdfName("P");
    static final PdfName FIGURE = new PdfName("Figure");
    static final PdfName TABLE = new PdfName("Table");
    static final PdfName ROW = new PdfName("TR");
    static final PdfName HEADER_CELL = new PdfName("TH");
    static final PdfName CELL = new PdfName("TD");
    private static final PdfName AF = new PdfName("AF");
    private static final PdfName AF_RELATIONSHIP = new PdfName("AFRelationship");
    private static final PdfName SCOPE = new PdfName("Scope");
    private static final PdfName COLUMN = new PdfName("Column");
    private static final PdfName ROW_SCOPE = new PdfName("Row");
    private static final byte[] SRGB = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB)
            .getData();
    private static final float PADDING = 4;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
    private final PdfWriter writer;
    private final PdfStructureElement root;
    private final PdfArray associated = new PdfArray();
    private final PdfArray embeddedNames = new PdfArray();
    private final List<XmpDescription> metadata = new java.util.ArrayList<>();
    private float y;

    public AccessiblePdf(String title, String author, Locale language) {
        try {
            writer = PdfWriter.getInstance(document, out);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
        writer.setTagged();
        document.addTitle(title);
        document.addAuthor(author);
        document.addCreator("Billfold");
        document.open();
        writer.addViewerPreference(PdfName.DISPLAYDOCTITLE, PdfBoolean.PDFTRUE);
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(language.toLanguageTag()));
        try {
            writer.setOutputIntents("sRGB IEC61966-2.1", null, "http://www.color.org", "sRGB IEC61966-2.1", SRGB);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // PDF/A's output intent, whatever OpenPDF's PDF/A-1 mode would have named it.
        writer.getExtraCatalog().getAsArray(PdfName.OUTPUTINTENTS).getAsDict(0).put(PdfName.S, PdfName.GTS_PDFA1);
        root = new PdfStructureElement(writer.getStructureTreeRoot(), DOCUMENT);
        y = top();
    }

    public PdfStructureElement root() {
        return root;
    }

    /** Where the next thing goes, from the bottom of the page. */
    public float y() {
        return y;
    }

    public void moveTo(float y) {
        this.y = y;
    }

    public void space(float points) {
        y -= points;
    }

    public float left() {
        return MARGIN;
    }

    public float right() {
        return document.getPageSize().getWidth() - MARGIN;
    }

    private float top() {
        return document.getPageSize().getHeight() - MARGIN;
    }

    private PdfContentByte canvas() {
        return writer.getDirectContent();
    }

    /**
     * Text wrapped within [x0, x1] from the current line down, as one element of the given role
     * under the parent, on a new page if it does not fit on this one; returns the y under it.
     */
    public float text(PdfStructureElement parent, PdfName role, String text, Font font, float x0, float x1, int align) {
        if (text == null || text.isBlank()) {
            return y;
        }
        if (!fits(text, font, x0, x1, y)) {
            newPage();
        }
        PdfStructureElement element = new PdfStructureElement(parent, role);
        canvas().beginMarkedContentSequence(element);
        ColumnText column = column(text, font, x0, x1, y, align);
        go(column, false);
        canvas().endMarkedContentSequence();
        return column.getYLine() - font.getSize() * 0.35f;
    }

    /** A paragraph across the page, moving the current line under it. */
    public void paragraph(String text, Font font) {
        y = text(root, PARAGRAPH, text, font, left(), right(), Element.ALIGN_LEFT);
    }

    /** The page's one heading, moving the current line under it. */
    public void heading(String text, Font font) {
        y = text(root, H1, text, font, left(), right(), Element.ALIGN_LEFT);
    }

    /** An image whose top left corner is at (x, current line), described for those who cannot see it. */
    public float figure(Image image, String alternative, float x) {
        PdfStructureElement figure = new PdfStructureElement(root, FIGURE);
        figure.put(PdfName.ALT, new PdfString(alternative, PdfObject.TEXT_UNICODE));
        image.setAbsolutePosition(x, y - image.getScaledHeight());
        canvas().beginMarkedContentSequence(figure);
        try {
            canvas().addImage(image);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        canvas().endMarkedContentSequence();
        return y - image.getScaledHeight();
    }

    /** A table cell's text, how it is aligned and whether it is shaded (as column headers are). */
    public record Cell(String text, Font font, int align, boolean shaded) {}

    /**
     * A table at the current line, x0 and the column widths given, whose first row (when
     * {@code header}) heads the columns and is repeated on every page the table runs onto; with
     * {@code rowHeads}, the first cell of each other row heads its row (a label and its amount).
     */
    public void table(float x0, float[] widths, List<Cell[]> rows, boolean header, boolean rowHeads) {
        PdfStructureElement table = new PdfStructureElement(root, TABLE);
        Cell[] head = header ? rows.get(0) : null;
        for (int r = 0; r < rows.size(); r++) {
            Cell[] row = rows.get(r);
            float height = rowHeight(row, x0, widths);
            if (y - height < MARGIN) {
                newPage();
                if (head != null && r > 0) {
                    // On a continuation page the header row is repeated for the eye only.
                    PdfDictionary pagination = new PdfDictionary();
                    pagination.put(PdfName.TYPE, new PdfName("Pagination"));
                    canvas().beginMarkedContentSequence(ARTIFACT, pagination, true);
                    drawRow(null, head, x0, widths, rowHeight(head, x0, widths), r == 0, false);
                    canvas().endMarkedContentSequence();
                }
            }
            PdfStructureElement tr = new PdfStructureElement(table, ROW);
            drawRow(tr, row, x0, widths, height, header && r == 0, rowHeads && !(header && r == 0));
        }
    }

    private float rowHeight(Cell[] row, float x0, float[] widths) {
        float height = 0;
        float x = x0;
        for (int c = 0; c < row.length; c++) {
            ColumnText column = column(row[c].text(), row[c].font(), x + PADDING, x + widths[c] - PADDING, top(), 0);
            go(column, true);
            height = Math.max(height, top() - column.getYLine() + row[c].font().getSize() * 0.35f);
            x += widths[c];
        }
        return height + 2 * PADDING;
    }

    /** A row: rules and shading as artifacts, then each cell's text as a TH or TD of the row. */
    private void drawRow(
            PdfStructureElement tr,
            Cell[] row,
            float x0,
            float[] widths,
            float height,
            boolean columnHeads,
            boolean rowHead) {
        PdfContentByte canvas = canvas();
        if (tr != null) {
            PdfDictionary layout = new PdfDictionary();
            layout.put(PdfName.TYPE, new PdfName("Layout"));
            canvas.beginMarkedContentSequence(ARTIFACT, layout, true);
        }
        float x = x0;
        canvas.saveState();
        canvas.setLineWidth(0.5f);
        for (int c = 0; c < row.length; c++) {
            if (row[c].shaded()) {
                canvas.setColorFill(new Color(0xEE, 0xEE, 0xEE));
                canvas.rectangle(x, y - height, widths[c], height);
                canvas.fill();
            }
            canvas.setColorStroke(Color.BLACK);
            canvas.rectangle(x, y - height, widths[c], height);
            canvas.stroke();
            x += widths[c];
        }
        canvas.restoreState();
        if (tr != null) {
            canvas.endMarkedContentSequence();
        }
        x = x0;
        for (int c = 0; c < row.length; c++) {
            Cell cell = row[c];
            PdfStructureElement element = null;
            if (tr != null) {
                boolean heads = columnHeads || (rowHead && c == 0);
                element = new PdfStructureElement(tr, heads ? HEADER_CELL : CELL);
                if (heads) {
                    PdfDictionary attributes = new PdfDictionary();
                    attributes.put(PdfName.O, TABLE);
                    attributes.put(SCOPE, columnHeads ? COLUMN : ROW_SCOPE);
                    element.put(PdfName.A, attributes);
                }
                canvas.beginMarkedContentSequence(element);
            }
            ColumnText column =
                    column(cell.text(), cell.font(), x + PADDING, x + widths[c] - PADDING, y - PADDING, cell.align());
            go(column, false);
            if (tr != null) {
                canvas.endMarkedContentSequence();
            }
            x += widths[c];
        }
        y -= height;
    }

    private boolean fits(String text, Font font, float x0, float x1, float top) {
        ColumnText column = column(text, font, x0, x1, top, 0);
        return (go(column, true) & ColumnText.NO_MORE_COLUMN) == 0;
    }

    private ColumnText column(String text, Font font, float x0, float x1, float top, int align) {
        ColumnText column = new ColumnText(canvas());
        column.setSimpleColumn(x0, MARGIN, x1, top);
        column.setLeading(font.getSize() * 1.25f);
        column.setAlignment(align);
        column.addText(new Phrase(text == null ? "" : text, font));
        return column;
    }

    private static int go(ColumnText column, boolean simulate) {
        try {
            return column.go(simulate);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    public void newPage() {
        document.newPage();
        y = top();
    }

    /**
     * Embeds a file as an associated file of the document (PDF/A-3): in the EmbeddedFiles name
     * tree and the catalog's AF, with its MIME type, modification date and relationship.
     */
    public void attach(String fileName, byte[] content, String mimeType, String relationship, String description) {
        try {
            PdfDictionary parameters = new PdfDictionary();
            parameters.put(PdfName.MODDATE, new PdfDate());
            PdfFileSpecification file =
                    PdfFileSpecification.fileEmbedded(writer, null, fileName, content, true, mimeType, parameters);
            file.put(AF_RELATIONSHIP, new PdfName(relationship));
            file.addDescription(description, true);
            var reference = file.getReference();
            associated.add(reference);
            embeddedNames.add(new PdfString(fileName, PdfObject.TEXT_UNICODE));
            embeddedNames.add(reference);
        } catch (IOException e) {
            throw new IllegalStateException("Could not embed " + fileName, e);
        }
    }

    /** Adds a description to the document's XMP metadata (an extension schema must describe it). */
    public void describe(XmpDescription description) {
        metadata.add(description);
    }

    /** Writes the metadata (PDF/A-3a identification and the added descriptions) and the last page. */
    public byte[] finish() {
        if (!associated.isEmpty()) {
            writer.getExtraCatalog().put(AF, associated);
            PdfDictionary embedded = new PdfDictionary();
            embedded.put(PdfName.NAMES, embeddedNames);
            PdfDictionary names = new PdfDictionary();
            names.put(PdfName.EMBEDDEDFILES, embedded);
            writer.getExtraCatalog().put(PdfName.NAMES, names);
        }
        ByteArrayOutputStream xmp = new ByteArrayOutputStream();
        try (XmpWriter description = new XmpWriter(xmp, writer.getInfo(), PdfWriter.PDFXNONE)) {
            description.addRdfDescription(
                    "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"",
                    "<pdfaid:part>3</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>");
            for (XmpDescription extra : metadata) {
                description.addRdfDescription(extra.namespaces(), extra.content());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        writer.setXmpMetadata(xmp.toByteArray());
        document.close();
        return out.toByteArray();
    }
}
