package app.billfold.einvoice;

import app.billfold.biller.BillerSettings;
import app.billfold.invoice.AccessiblePdf;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;
import java.util.function.Function;
import org.mustangproject.ZUGFeRD.Profile;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;

/**
 * Factur-X 1.0, profile EN 16931: the CII XML (Mustang's pull provider), and the bill's PDF written
 * once as PDF/A-3 with that XML embedded as factur-x.xml, its associated file (relationship
 * Alternative: the XML says what the PDF shows), and named in the XMP with the Factur-X extension
 * schema that PDF/A requires for it. No second pass re-saves the PDF.
 */
@ApplicationScoped
public class FacturX {

    static final Profile PROFILE = Profiles.getByName("EN16931");
    static final String FILE_NAME = "factur-x.xml";
    static final String NAMESPACE = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";

    /** What the XMP says of the embedded invoice (Factur-X 1.0, section 6.2.2). */
    private static final AccessiblePdf.XmpDescription FACTUR_X = new AccessiblePdf.XmpDescription(
            "xmlns:fx=\"" + NAMESPACE + "\"",
            "<fx:DocumentType>INVOICE</fx:DocumentType><fx:DocumentFileName>" + FILE_NAME
                    + "</fx:DocumentFileName><fx:Version>1.0</fx:Version>"
                    + "<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>");

    /** PDF/A accepts properties outside its own schemas only when an extension schema defines them. */
    private static final AccessiblePdf.XmpDescription EXTENSION_SCHEMA = new AccessiblePdf.XmpDescription(
            "xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
                    + " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
                    + " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"",
            "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">"
                    + "<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>"
                    + "<pdfaSchema:namespaceURI>" + NAMESPACE + "</pdfaSchema:namespaceURI>"
                    + "<pdfaSchema:prefix>fx</pdfaSchema:prefix>"
                    + "<pdfaSchema:property><rdf:Seq>"
                    + property("DocumentFileName", "The name of the embedded XML document")
                    + property("DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE")
                    + property("Version", "The actual version of the standard applying to the embedded XML document")
                    + property("ConformanceLevel", "The conformance level of the embedded XML document")
                    + "</rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas>");

    private static String property(String name, String description) {
        return "<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>" + name + "</pdfaProperty:name>"
                + "<pdfaProperty:valueType>Text</pdfaProperty:valueType>"
                + "<pdfaProperty:category>external</pdfaProperty:category>"
                + "<pdfaProperty:description>" + description + "</pdfaProperty:description></rdf:li>";
    }

    /** The Cross Industry Invoice XML of the document. */
    public byte[] cii(EInvoiceDocument doc, BillerSettings biller) {
        return cii(doc, biller, false);
    }

    static byte[] cii(EInvoiceDocument doc, BillerSettings biller, boolean forPeppol) {
        ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
        provider.setProfile(PROFILE);
        provider.generateXML(EInvoiceContent.transaction(doc, biller, forPeppol));
        return provider.getXML();
    }

    /**
     * The bill as Factur-X: {@code bill} writes the PDF, calling what it is given before it closes
     * the document, which embeds the CII and describes it.
     */
    public byte[] pdf(EInvoiceDocument doc, BillerSettings biller, Function<Consumer<AccessiblePdf>, byte[]> bill) {
        return pdf(doc, cii(doc, biller), bill);
    }

    /** The same with its CII already made (issuing keeps that XML as a file of its own too). */
    public byte[] pdf(EInvoiceDocument doc, byte[] xml, Function<Consumer<AccessiblePdf>, byte[]> bill) {
        return bill.apply(pdf -> {
            pdf.attach(FILE_NAME, xml, "text/xml", "Alternative", "Factur-X invoice " + doc.number());
            pdf.describe(FACTUR_X);
            pdf.describe(EXTENSION_SCHEMA);
        });
    }
}
