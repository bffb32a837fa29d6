package app.billfold.einvoice;

import app.billfold.biller.BillerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.mustangproject.ZUGFeRD.Profile;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA1;

/**
 * Factur-X, profile EN 16931: the CII XML, and the bill's PDF/A-1b turned into PDF/A-3 with that
 * XML embedded as factur-x.xml (Mustang).
 */
@ApplicationScoped
public class FacturX {

    static final Profile PROFILE = Profiles.getByName("EN16931");

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

    /** The PDF/A-1b bill of the document, with the XML embedded: a PDF/A-3 any reader opens. */
    public byte[] pdf(EInvoiceDocument doc, BillerSettings biller, byte[] pdfA1) {
        try (ZUGFeRDExporterFromA1 exporter = new ZUGFeRDExporterFromA1()) {
            // Our own PDF/A-1b needs no checking on every bill (PDFBox Preflight: about 20 ms); the
            // tests check the output with veraPDF instead.
            exporter.ignorePDFAErrors();
            exporter.setProducer("Billfold")
                    .setCreator(biller.legalName)
                    .setZUGFeRDVersion(2)
                    .setProfile(PROFILE)
                    .load(pdfA1);
            exporter.setTransaction(EInvoiceContent.transaction(doc, biller, false));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.export(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Could not make the Factur-X of " + doc.number(), e);
        }
    }
}
