package app.billfold.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.biller.Biller;
import app.billfold.biller.BillerSettingsForm;
import app.billfold.invoice.CreditNote;
import app.billfold.invoice.CreditNotes;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.Invoices;
import app.billfold.support.EInvoiceValidators;
import app.billfold.support.TaggedPdf;
import app.billfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bill is one PDF/A-3a written once by OpenPDF, with its Factur-X XML as an associated file,
 * and readable by a screen reader. Mustang's validator runs veraPDF with the flavour the file
 * declares (PDF/A-3 level A here): it checks the level-A rules it has (the document is marked and
 * has a structure tree of standard types, every font maps to Unicode) but not the language, the
 * logo's description, table headers or reading order, so those are read back here with PDFBox.
 */
@QuarkusTest
class AccessibleFacturXTest {

    @Inject
    TestData data;

    @Inject
    Biller biller;

    @Inject
    BusinessParties parties;

    @Inject
    Invoices invoices;

    @Inject
    CreditNotes creditNotes;

    @Inject
    IssuedDocuments documents;

    SellerForm sellerBefore;
    BillerSettingsForm settingsBefore;

    @BeforeEach
    void sellerWithALogo() throws Exception {
        sellerBefore = data.fresh(() -> SellerForm.of(biller.settings()));
        settingsBefore = data.fresh(() -> BillerSettingsForm.of(biller.settings()));
        parties.updateSeller(
                new SellerForm(
                        new BusinessDetailsForm(
                                "1 place de la Mairie",
                                "69001",
                                "Lyon",
                                "FR",
                                "FR46401234562",
                                "401234562",
                                "0002",
                                "",
                                ""),
                        "FR7630006000011234567890189",
                        "",
                        "S1"),
                TestData.ACTOR);
        biller.update(logo(settingsBefore, png(), false), TestData.ACTOR);
    }

    @AfterEach
    void sellerAsBefore() {
        parties.updateSeller(sellerBefore, TestData.ACTOR);
        biller.update(logo(settingsBefore, null, true), TestData.ACTOR);
    }

    @Test
    void aBillIsOnePdfA3aWithItsXmlThatAScreenReaderReadsInOrder() throws Exception {
        var customer = data.aCustomer().company().speaking("fr").create();
        parties.updateBuyer(
                customer.id(),
                new BusinessDetailsForm(
                        "5 rue du Port", "13002", "Marseille", "FR", "FR19812345676", "812345676", "0002", "", ""),
                "",
                TestData.ACTOR);
        TestData.InvoiceBuilder builder = data.anInvoice(customer.account()).due("2026-12-31");
        for (int i = 1; i <= 60; i++) {
            builder.withLine("Relevé " + i, "1", "2.00", "20");
        }
        Invoice invoice = builder.issue();
        byte[] pdf = data.fresh(() -> documents
                .ofInvoice(invoices.get(invoice.id), EInvoices.Format.FACTURX)
                .bytes());
        String legalName = data.fresh(() -> biller.settings().legalName);

        var report = EInvoiceValidators.facturX(pdf, invoice.number + ".pdf");
        assertThat(report.errors()).as(report.xml()).isEmpty();
        assertThat(report.valid()).as(report.xml()).isTrue();
        // veraPDF checked it against PDF/A-3 level A (accessible), not only level B.
        assertThat(report.xml()).contains("flavour=3a").contains("isCompliant=true");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            // Written once, by OpenPDF: no second pass by PDFBox or Mustang.
            assertThat(document.getDocumentInformation().getProducer()).startsWith("OpenPDF");
            assertThat(new String(document.getDocumentCatalog().getMetadata().toByteArray()))
                    .doesNotContainIgnoringCase("mustang")
                    .contains("<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>A</pdfaid:conformance>")
                    .contains("<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>")
                    .contains("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>")
                    .contains("<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#");
            var catalog = document.getDocumentCatalog();
            var files = catalog.getNames().getEmbeddedFiles().getNames();
            assertThat(files).containsOnlyKeys("factur-x.xml");
            var xml = files.get("factur-x.xml");
            assertThat(xml.getCOSObject().getNameAsString(COSName.getPDFName("AFRelationship")))
                    .isEqualTo("Alternative");
            assertThat(xml.getEmbeddedFile().getSubtype()).isEqualTo("text/xml");
            assertThat(new String(xml.getEmbeddedFile().toByteArray())).contains(invoice.number);
            COSArray associated = (COSArray) catalog.getCOSObject().getDictionaryObject(COSName.getPDFName("AF"));
            assertThat(associated.size()).isEqualTo(1);
            assertThat(associated.getObject(0)).isSameAs(xml.getCOSObject());
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
        }

        TaggedPdf tagged = new TaggedPdf(pdf);
        assertThat(tagged.language).isEqualTo("fr");
        assertThat(tagged.marked).isTrue();
        assertThat(tagged.unclaimedMarkedContents).isZero();
        List<String> outline = tagged.outline();
        assertThat(outline.get(0)).isEqualTo("Document");
        // Reading order: the logo, described; who bills; the title; who is billed; the lines, under
        // their column headers; then the totals, each headed by its label.
        assertThat(outline)
                .containsSubsequence(
                        "  Figure{alt=Logo de " + legalName + "}",
                        "  P " + legalName,
                        "  H1 Facture " + invoice.number,
                        "  P Facturé à",
                        "  Table",
                        "    TR",
                        "      TH[Column] Description",
                        "      TH[Column] Montant HT",
                        "    TR",
                        "      TD Relevé 1",
                        "      TD Relevé 60",
                        "      TH[Column] Taux",
                        "      TH[Row] Total HT",
                        "      TH[Row] Reste à payer");
        // The header row repeated on the second page is drawn for the eye only.
        assertThat(outline)
                .filteredOn(line -> line.equals("      TH[Column] Description"))
                .hasSize(1);
        assertThat(outline)
                .filteredOn(line -> line.startsWith("      TD Relevé "))
                .hasSize(60);
        assertThat(outline)
                .filteredOn(line -> line.strip().startsWith("Figure"))
                .hasSize(1);

        var line = data.fresh(() -> invoices.get(invoice.id).lines.get(0));
        CreditNote note = creditNotes.issue(invoice.id, Map.of(line.id, "1"), "Relevé en double", TestData.ACTOR);
        byte[] credit = data.fresh(() -> documents
                .ofCreditNote(CreditNote.findById(note.id), EInvoices.Format.FACTURX)
                .bytes());
        TaggedPdf creditTagged = new TaggedPdf(credit);
        assertThat(creditTagged.language).isEqualTo("fr");
        assertThat(creditTagged.outline())
                .containsSubsequence(
                        "  Figure{alt=Logo de " + legalName + "}",
                        "  H1 Avoir " + note.number,
                        "      TH[Column] Description",
                        "      TD Relevé 1",
                        "      TH[Row] Total HT");
    }

    private static BillerSettingsForm logo(BillerSettingsForm f, byte[] logo, boolean remove) {
        return new BillerSettingsForm(
                f.legalName(),
                f.address(),
                f.taxId(),
                f.currency(),
                f.timeZone(),
                f.invoicePrefix(),
                f.supportEmail(),
                f.supportPhone(),
                f.brandColour(),
                logo,
                logo == null ? null : "image/png",
                remove,
                f.reminderDays(),
                f.reminderSmsDays());
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(60, 30, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setColor(new Color(0, 90, 160, 200));
        g.fillOval(0, 0, 60, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
