package app.billfold.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;

/**
 * What a screen reader gets from a tagged PDF, read with PDFBox: the document's language, whether it
 * is marked, and its structure tree in order, each element with the text of the marked content it
 * owns (looked up by page and MCID), its alternate description and its table scope.
 */
public final class TaggedPdf {

    /** One structure element: its type, depth in the tree, text, alternate description and scope. */
    public record Node(String type, int depth, String text, String alt, String scope) {
        @Override
        public String toString() {
            return "  ".repeat(depth)
                    + type
                    + (scope == null ? "" : "[" + scope + "]")
                    + (alt == null ? "" : "{alt=" + alt + "}")
                    + (text.isEmpty() ? "" : " " + text);
        }
    }

    public final String language;
    public final boolean marked;
    public final List<Node> nodes = new ArrayList<>();
    /** Marked contents with an MCID that no structure element claims (a tagged bill has none). */
    public int unclaimedMarkedContents;

    private final java.util.Set<String> claimed = new java.util.HashSet<>();

    public TaggedPdf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var catalog = document.getDocumentCatalog();
            language = catalog.getLanguage();
            marked = catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked();
            Map<PDPage, Map<Integer, String>> texts = new HashMap<>();
            for (PDPage page : document.getPages()) {
                PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
                extractor.processPage(page);
                Map<Integer, String> byId = new HashMap<>();
                for (PDMarkedContent content : extractor.getMarkedContents()) {
                    if (content.getMCID() >= 0) {
                        byId.put(content.getMCID(), text(content));
                    }
                }
                texts.put(page, byId);
            }
            var root = catalog.getStructureTreeRoot();
            if (root != null) {
                walk(root, 0, texts);
            }
            for (var page : texts.entrySet()) {
                for (Integer mcid : page.getValue().keySet()) {
                    if (!claimed.contains(System.identityHashCode(page.getKey().getCOSObject()) + "/" + mcid)) {
                        unclaimedMarkedContents++;
                    }
                }
            }
        }
    }

    private void walk(PDStructureNode parent, int depth, Map<PDPage, Map<Integer, String>> texts) {
        for (Object kid : parent.getKids()) {
            if (kid instanceof PDStructureElement element) {
                StringBuilder text = new StringBuilder();
                for (Object part : element.getKids()) {
                    PDPage page = element.getPage();
                    int mcid = -1;
                    if (part instanceof Integer id) {
                        mcid = id;
                    } else if (part instanceof PDMarkedContentReference reference) {
                        page = reference.getPage() != null ? reference.getPage() : page;
                        mcid = reference.getMCID();
                    }
                    if (mcid >= 0 && page != null) {
                        claimed.add(System.identityHashCode(page.getCOSObject()) + "/" + mcid);
                        text.append(texts.getOrDefault(page, Map.of()).getOrDefault(mcid, ""));
                    }
                }
                COSDictionary attributes = element.getCOSObject().getCOSDictionary(COSName.A);
                String scope = attributes == null ? null : attributes.getNameAsString(COSName.getPDFName("Scope"));
                nodes.add(new Node(
                        element.getStructureType(),
                        depth,
                        text.toString().strip(),
                        element.getAlternateDescription(),
                        scope));
                walk(element, depth + 1, texts);
            }
        }
    }

    private static String text(PDMarkedContent content) {
        StringBuilder text = new StringBuilder();
        for (Object part : content.getContents()) {
            if (part instanceof TextPosition position) {
                text.append(position.getUnicode());
            } else if (part instanceof PDMarkedContent nested) {
                text.append(text(nested));
            }
        }
        return text.toString();
    }

    /** The nodes as lines: a readable picture of the tree for assertions and failure messages. */
    public List<String> outline() {
        return nodes.stream().map(Node::toString).toList();
    }
}
