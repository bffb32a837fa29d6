package app.billfold.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.biller.Biller;
import app.billfold.biller.BillerSettingsForm;
import app.billfold.identity.Role;
import app.billfold.invoice.CreditNote;
import app.billfold.invoice.CreditNotes;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.Invoices;
import app.billfold.notify.PrintQueue;
import app.billfold.support.EInvoiceValidators;
import app.billfold.support.Exported;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issued documents are frozen: what a customer received at issue is what every later download,
 * mail, print batch and export gives, byte for byte, whatever the biller changes afterwards; each
 * download carries an entity tag and answers 304 to a client that has it; documents of bills issued
 * before they were kept are rendered once by the backfill.
 */
@QuarkusTest
class IssuedDocumentsTest {

    static final String OLD_ADDRESS = "1 Old Mill Road, Riverside";
    static final String NEW_ADDRESS = "99 Moved Avenue, Elsewhere";

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

    @Inject
    EInvoices eInvoices;

    @Inject
    DocumentBackfillJob backfill;

    @Inject
    PrintQueue printQueue;

    SellerForm sellerBefore;
    BillerSettingsForm settingsBefore;
    WebSession clerk;

    @BeforeEach
    void setUp() {
        sellerBefore = data.fresh(() -> SellerForm.of(biller.settings()));
        settingsBefore = data.fresh(() -> BillerSettingsForm.of(biller.settings()));
        seller("FR46401234562");
        biller.update(withAddress(settingsBefore, OLD_ADDRESS, null), TestData.ACTOR);
        clerk = WebSession.signedIn(data.staff(Role.CLERK, "clerk-password"), "clerk-password");
    }

    @AfterEach
    void billerAsBefore() {
        parties.updateSeller(sellerBefore, TestData.ACTOR);
        biller.update(
                new BillerSettingsForm(
                        settingsBefore.legalName(),
                        settingsBefore.address(),
                        settingsBefore.taxId(),
                        settingsBefore.currency(),
                        settingsBefore.timeZone(),
                        settingsBefore.invoicePrefix(),
                        settingsBefore.supportEmail(),
                        settingsBefore.supportPhone(),
                        settingsBefore.brandColour(),
                        null,
                        null,
                        true,
                        settingsBefore.reminderDays(),
                        settingsBefore.reminderSmsDays()),
                TestData.ACTOR);
    }

    @Test
    void aChangeOfAddressLogoOrVatNumberAfterIssueChangesNoDeliveredDocument() throws Exception {
        var owner = businessCustomer("frozen-password");
        Invoice invoice = data.anInvoice(owner.account()).due("2026-12-31").issue();
        var line = data.fresh(() -> invoices.get(invoice.id).lines.get(0));
        CreditNote note = creditNotes.issue(invoice.id, Map.of(line.id, "1"), "Goodwill", TestData.ACTOR);
        WebSession customer = WebSession.signedIn(owner.email(), "frozen-password");

        Map<String, Response> before = downloads(customer, clerk, invoice, note);
        byte[] pdfBefore =
                before.get("/portal/invoices/" + invoice.number + ".pdf").asByteArray();
        assertThat(text(pdfBefore)).contains(squash(OLD_ADDRESS));
        var report = EInvoiceValidators.facturX(pdfBefore, invoice.number + ".pdf");
        assertThat(report.valid()).as(report.xml()).isTrue();

        biller.update(withAddress(settingsBefore, NEW_ADDRESS, png()), TestData.ACTOR);
        seller("FR18552081317");
        byte[] nowRendered = data.fresh(() -> eInvoices
                .render(invoices.get(invoice.id), EInvoices.Format.FACTURX)
                .bytes());
        assertThat(text(nowRendered)).as("a bill rendered today").contains(squash(NEW_ADDRESS));

        Map<String, Response> after = downloads(customer, clerk, invoice, note);
        for (String path : before.keySet()) {
            Response was = before.get(path);
            Response is = after.get(path);
            assertThat(is.statusCode()).as(path).isEqualTo(200);
            assertThat(is.asByteArray()).as(path).isEqualTo(was.asByteArray());
            assertThat(is.header("ETag")).as(path).isNotBlank().isEqualTo(was.header("ETag"));
        }
        assertThat(new String(after.get("/console/invoices/" + invoice.id + ".cii.xml")
                        .asByteArray()))
                .contains("FR46401234562")
                .doesNotContain("FR18552081317");
        assertThat(text(pdfBefore)).doesNotContain(squash(NEW_ADDRESS));

        // The period export and the print batch hand out the same bytes too.
        String today = data.fresh(() -> biller.today().toString());
        Response zip = Exported.download(clerk, Map.of("kind", "einvoices", "from", today, "to", today));
        Map<String, byte[]> entries = unzip(zip.asByteArray());
        assertThat(entries.get(invoice.number + ".pdf")).isEqualTo(pdfBefore);
        assertThat(entries.get(invoice.number + ".ubl.xml"))
                .isEqualTo(before.get("/portal/invoices/" + invoice.number + ".xml")
                        .asByteArray());
        assertThat(entries.get(note.number + ".pdf"))
                .isEqualTo(
                        before.get("/console/credit-notes/" + note.id + ".pdf").asByteArray());
        // The credit note settled the bill, and by default settled bills leave the print queue unprinted.
        printQueue.printPaidBills(true, TestData.ACTOR);
        try {
            byte[] printBatch = data.fresh(() -> printQueue.mergedPdf());
            assertThat(text(printBatch)).contains(squash(invoice.number)).doesNotContain(squash(NEW_ADDRESS));
        } finally {
            printQueue.printPaidBills(false, TestData.ACTOR);
        }
    }

    @Test
    void aClientThatHasTheDocumentGets304() {
        var owner = businessCustomer("etag-password");
        Invoice invoice = data.anInvoice(owner.account()).due("2026-12-31").issue();
        WebSession customer = WebSession.signedIn(owner.email(), "etag-password");
        String path = "/portal/invoices/" + invoice.number + ".pdf";

        Response first = customer.get(path);
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[A-Za-z0-9_-]{43}\"");
        assertThat(first.header("Cache-Control")).isEqualTo("no-store");

        Response again = customer.request().header("If-None-Match", etag).get(path);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.asByteArray()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(customer.request()
                        .header("If-None-Match", "\"other\", W/" + etag)
                        .get(path)
                        .statusCode())
                .isEqualTo(304);

        Response stale =
                customer.request().header("If-None-Match", "\"something-else\"").get(path);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.asByteArray()).isEqualTo(first.asByteArray());

        String console = "/console/invoices/" + invoice.id + ".ubl.xml";
        String ublTag = clerk.get(console).header("ETag");
        assertThat(ublTag).isNotEqualTo(etag);
        assertThat(clerk.request().header("If-None-Match", ublTag).get(console).statusCode())
                .isEqualTo(304);

        // Another customer learns nothing from a tag: the bill is not theirs.
        var stranger = data.aCustomer().withLogin("stranger-etag").create();
        assertThat(WebSession.signedIn(stranger.email(), "stranger-etag")
                        .request()
                        .header("If-None-Match", etag)
                        .get(path)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void billsIssuedBeforeDocumentsWereKeptGetThemOnceFromTheBackfill() throws Exception {
        var owner = businessCustomer("backfill-password");
        Invoice invoice = data.anInvoice(owner.account()).due("2026-12-31").issue();
        var line = data.fresh(() -> invoices.get(invoice.id).lines.get(0));
        CreditNote note = creditNotes.issue(invoice.id, Map.of(line.id, "1"), "Goodwill", TestData.ACTOR);
        var consumer = data.aCustomer().create();
        Invoice plain = data.anInvoice(consumer.account()).issue();
        // As they were before this release: issued, with no stored document.
        QuarkusTransaction.requiringNew()
                .run(() -> IssuedDocument.delete(
                        "invoiceId in ?1 or creditNoteId = ?2", java.util.List.of(invoice.id, plain.id), note.id));
        assertThat(storedFormats(invoice.id, null)).isEmpty();

        assertThat(backfill.run()).isGreaterThanOrEqualTo(3);

        assertThat(storedFormats(invoice.id, null))
                .containsExactlyInAnyOrder(EInvoices.Format.FACTURX, EInvoices.Format.CII, EInvoices.Format.UBL);
        assertThat(storedFormats(null, note.id))
                .containsExactlyInAnyOrder(EInvoices.Format.FACTURX, EInvoices.Format.CII, EInvoices.Format.UBL);
        assertThat(storedFormats(plain.id, null))
                .containsExactlyInAnyOrder(EInvoices.Format.FACTURX, EInvoices.Format.CII);
        byte[] filled = stored(invoice.id, EInvoices.Format.FACTURX);
        var report = EInvoiceValidators.facturX(filled, invoice.number + ".pdf");
        assertThat(report.valid()).as(report.xml()).isTrue();

        // Rendered once: a second run leaves them alone, and downloads serve what it stored.
        assertThat(backfill.run()).isZero();
        assertThat(stored(invoice.id, EInvoices.Format.FACTURX)).isEqualTo(filled);
        assertThat(clerk.get("/console/invoices/" + invoice.id + ".pdf").asByteArray())
                .isEqualTo(filled);
    }

    @Test
    void aDocumentMissingAtItsFirstDownloadIsKeptFromThen() {
        var consumer = data.aCustomer().create();
        Invoice invoice = data.anInvoice(consumer.account()).issue();
        QuarkusTransaction.requiringNew().run(() -> IssuedDocument.delete("invoiceId", invoice.id));

        byte[] first = clerk.get("/console/invoices/" + invoice.id + ".pdf").asByteArray();
        assertThat(stored(invoice.id, EInvoices.Format.FACTURX)).isEqualTo(first);
        assertThat(clerk.get("/console/invoices/" + invoice.id + ".pdf").asByteArray())
                .isEqualTo(first);
    }

    private Map<String, Response> downloads(WebSession customer, WebSession clerk, Invoice invoice, CreditNote note) {
        Map<String, Response> got = new LinkedHashMap<>();
        for (String path : new String[] {
            "/portal/invoices/" + invoice.number + ".pdf",
            "/portal/invoices/" + invoice.number + ".xml",
            "/portal/invoices/" + invoice.number + ".cii.xml",
            "/portal/credit-notes/" + note.number + ".pdf",
            "/portal/credit-notes/" + note.number + ".xml",
        }) {
            got.put(path, customer.get(path));
        }
        for (String path : new String[] {
            "/console/invoices/" + invoice.id + ".pdf",
            "/console/invoices/" + invoice.id + ".cii.xml",
            "/console/invoices/" + invoice.id + ".ubl.xml",
            "/console/credit-notes/" + note.id + ".pdf",
            "/console/credit-notes/" + note.id + ".ubl.xml",
        }) {
            got.put(path, clerk.get(path));
        }
        got.forEach(
                (path, response) -> assertThat(response.statusCode()).as(path).isEqualTo(200));
        return got;
    }

    private java.util.List<EInvoices.Format> storedFormats(Long invoiceId, Long creditNoteId) {
        return data.fresh(() -> IssuedDocument.<IssuedDocument>list(
                        invoiceId != null ? "invoiceId" : "creditNoteId", invoiceId != null ? invoiceId : creditNoteId)
                .stream()
                .map(d -> d.format)
                .toList());
    }

    private byte[] stored(Long invoiceId, EInvoices.Format format) {
        return data.fresh(() -> IssuedDocument.<IssuedDocument>find("invoiceId = ?1 and format = ?2", invoiceId, format)
                .firstResult()
                .content);
    }

    private void seller(String vatId) {
        parties.updateSeller(
                new SellerForm(
                        new BusinessDetailsForm(
                                "1 place de la Mairie", "69001", "Lyon", "FR", vatId, "401234562", "0002", "", ""),
                        "FR7630006000011234567890189",
                        "",
                        "S1"),
                TestData.ACTOR);
    }

    private TestData.CreatedCustomer businessCustomer(String password) {
        var customer = data.aCustomer().company().withLogin(password).create();
        parties.updateBuyer(
                customer.id(),
                new BusinessDetailsForm(
                        "5 rue du Port", "13002", "Marseille", "FR", "FR19812345676", "812345676", "0002", "", ""),
                "SERVICE-ACHATS",
                TestData.ACTOR);
        return customer;
    }

    private static BillerSettingsForm withAddress(BillerSettingsForm f, String address, byte[] logo) {
        return new BillerSettingsForm(
                f.legalName(),
                address,
                f.taxId(),
                f.currency(),
                f.timeZone(),
                f.invoicePrefix(),
                f.supportEmail(),
                f.supportPhone(),
                f.brandColour(),
                logo,
                logo == null ? null : "image/png",
                false,
                f.reminderDays(),
                f.reminderSmsDays());
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 40, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder all = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            all.append(extractor.getTextFromPage(page));
        }
        return squash(all.toString());
    }

    private static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }
}
