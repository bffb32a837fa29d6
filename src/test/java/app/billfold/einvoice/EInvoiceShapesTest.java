package app.billfold.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.CustomerForm;
import app.billfold.account.Customers;
import app.billfold.biller.Biller;
import app.billfold.invoice.CreditNote;
import app.billfold.invoice.CreditNotes;
import app.billfold.invoice.DraftForm;
import app.billfold.invoice.DraftInvoices;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceLine;
import app.billfold.invoice.IssueInvoice;
import app.billfold.invoice.LineInput;
import app.billfold.support.EInvoiceValidators;
import app.billfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every shape of bill Billfold issues, as Factur-X that Mustang's validator finds valid (PDF/A-3 and
 * EN 16931 XML, no error) and, for business customers, as Peppol UBL that passes the UBL schema and
 * the Peppol BIS 3 rules; and in every file the amount due is the bill's, to the cent.
 */
@QuarkusTest
class EInvoiceShapesTest {

    static final String SELLER_VAT = "FR46401234562";
    static final String BUYER_VAT = "FR19812345676";

    @Inject
    TestData data;

    @Inject
    Customers customers;

    @Inject
    BusinessParties parties;

    @Inject
    DraftInvoices drafts;

    @Inject
    IssueInvoice issuer;

    @Inject
    CreditNotes creditNotes;

    @Inject
    IssuedDocuments documents;

    @Inject
    Biller biller;

    SellerForm before;

    @BeforeEach
    void sellerWithEverything() {
        before = data.fresh(() -> SellerForm.of(biller.settings()));
        parties.updateSeller(
                new SellerForm(
                        new BusinessDetailsForm(
                                "1 place de la Mairie", "69001", "Lyon", "FR", SELLER_VAT, "401234562", "0002", "", ""),
                        "FR76 3000 6000 0112 3456 7890 189",
                        "AGRIFRPP",
                        "S1"),
                TestData.ACTOR);
    }

    @AfterEach
    void sellerAsBefore() {
        parties.updateSeller(before, TestData.ACTOR);
    }

    @Test
    void aConsumerBill() throws Exception {
        var customer = data.aCustomer().speaking("fr").create();
        Invoice invoice = issue(customer.account().id, List.of(line("Eau potable", "12.5", "2.10", "5.5", "MTQ", "")));
        assertValidFacturX(invoice, false);
    }

    @Test
    void aBusinessBillWithVatAndReferences() throws Exception {
        Long accountId = business("FR", BUYER_VAT);
        Invoice invoice = issue(
                accountId,
                "PO-2026-118",
                "Relevé de novembre",
                List.of(
                        line("Abonnement", "1", "45.00", "20", "MON", ""),
                        line("Consommation", "1234", "0.1843", "20", "KWH", "")));
        assertValidFacturX(invoice, true);
        String ubl = assertValidUbl(invoice);
        assertThat(ubl).contains("<cac:OrderReference><cbc:ID>PO-2026-118</cbc:ID>", "schemeID=\"0002\">401234562");
    }

    @Test
    void aBillAtSeveralRatesAgreesWithItsEInvoiceToTheCent() throws Exception {
        Long accountId = business("FR", BUYER_VAT);
        Invoice invoice = issue(
                accountId,
                List.of(
                        line("Part A", "3", "0.335", "20", "C62", ""),
                        line("Part B", "7", "1.15", "20", "C62", ""),
                        line("Part C", "1", "9.99", "10", "C62", ""),
                        line("Part D", "2.5", "3.333", "5.5", "KGM", ""),
                        line("Part E", "11", "0.07", "2.1", "C62", "")));
        assertValidForBusiness(invoice);
    }

    @Test
    void aBillWithAnExemptLine() throws Exception {
        Long accountId = business("FR", BUYER_VAT);
        Invoice invoice = issue(
                accountId,
                List.of(
                        line("Maintenance", "2", "80.00", "20", "HUR", ""),
                        new LineInput(
                                "Formation professionnelle",
                                "1",
                                "300.00",
                                "0",
                                "C62",
                                "E",
                                "Exonération de TVA, article 261-4-4° du CGI")));
        assertValidForBusiness(invoice);
    }

    @Test
    void aReverseChargeBillToABusinessInAnotherMemberState() throws Exception {
        Long accountId = business("DE", "DE123456789");
        Invoice invoice = issue(accountId, List.of(new LineInput("Consulting", "10", "95.00", "0", "HUR", "AE", "")));
        assertValidForBusiness(invoice);
    }

    @Test
    void aCreditNoteIsItsOwnDocumentThatCitesTheInvoice() throws Exception {
        Long accountId = business("FR", BUYER_VAT);
        Invoice invoice = issue(
                accountId,
                List.of(
                        line("Abonnement", "1", "45.00", "20", "MON", ""),
                        line("Compteur", "3", "2.50", "5.5", "C62", "")));
        InvoiceLine first =
                data.fresh(() -> Invoice.<Invoice>findById(invoice.id).lines.get(1));
        CreditNote note =
                creditNotes.issue(invoice.id, Map.of(first.id, "2"), "Compteur relevé deux fois", TestData.ACTOR);

        EInvoices.File pdf =
                data.fresh(() -> documents.ofCreditNote(CreditNote.findById(note.id), EInvoices.Format.FACTURX));
        var report = EInvoiceValidators.facturX(pdf.bytes(), pdf.name());
        assertThat(report.errors()).isEmpty();
        assertThat(report.valid()).as(report.xml()).isTrue();

        String ubl = new String(
                data.fresh(() -> documents.ofCreditNote(CreditNote.findById(note.id), EInvoices.Format.UBL))
                        .bytes(),
                StandardCharsets.UTF_8);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "credit-note.ubl.xml"), ubl);
        java.nio.file.Files.write(
                java.nio.file.Path.of("target", "credit-note.cii.xml"),
                data.fresh(() -> documents.ofCreditNote(CreditNote.findById(note.id), EInvoices.Format.CII))
                        .bytes());
        assertThat(EInvoiceValidators.peppolUbl(ubl.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(ubl)
                .contains("<CreditNote", "<cbc:CreditNoteTypeCode>381", "<cac:BillingReference>", invoice.number);
        assertThat(amount(ubl, "PayableAmount")).isEqualByComparingTo(note.grossTotal);
        // Nothing is asked of the customer by a credit note: its terms say where the credit goes.
        assertThat(ubl).contains("Déduit de ce que vous devez, ou remboursé.").doesNotContain("À payer avant");
    }

    @Test
    void aBillOfManyPages() throws Exception {
        Long accountId = business("FR", BUYER_VAT);
        List<LineInput> lines = new ArrayList<>();
        for (int i = 1; i <= 90; i++) {
            lines.add(line("Relevé compteur n° " + i, String.valueOf(i), "1.37", i % 3 == 0 ? "5.5" : "20", "MTQ", ""));
        }
        Invoice invoice = issue(accountId, lines);
        byte[] pdf = assertValidFacturX(invoice, true);
        assertThat(new com.lowagie.text.pdf.PdfReader(pdf).getNumberOfPages()).isGreaterThan(2);
        assertValidUbl(invoice);
    }

    private void assertValidForBusiness(Invoice invoice) throws Exception {
        assertValidFacturX(invoice, true);
        assertValidUbl(invoice);
    }

    private byte[] assertValidFacturX(Invoice invoice, boolean business) throws Exception {
        EInvoices.File file =
                data.fresh(() -> documents.ofInvoice(Invoice.findById(invoice.id), EInvoices.Format.FACTURX));
        assertThat(file.name()).isEqualTo(invoice.number + ".pdf");
        var report = EInvoiceValidators.facturX(file.bytes(), file.name());
        assertThat(report.errors()).as(report.xml()).isEmpty();
        assertThat(report.valid()).as(report.xml()).isTrue();
        if (business) {
            // The French rules (legal mentions, SIREN) are satisfied too, not merely tolerated.
            assertThat(report.warnings()).as(report.xml()).isEmpty();
        }
        String cii = new String(
                data.fresh(() -> documents.ofInvoice(Invoice.findById(invoice.id), EInvoices.Format.CII))
                        .bytes(),
                StandardCharsets.UTF_8);
        assertThat(amount(cii, "DuePayableAmount")).isEqualByComparingTo(invoice.grossTotal);
        assertThat(amount(cii, "TaxTotalAmount")).isEqualByComparingTo(invoice.taxTotal);
        return file.bytes();
    }

    private String assertValidUbl(Invoice invoice) throws Exception {
        byte[] xml = data.fresh(() -> documents.ofInvoice(Invoice.findById(invoice.id), EInvoices.Format.UBL))
                .bytes();
        assertThat(EInvoiceValidators.peppolUbl(xml)).isEmpty();
        String ubl = new String(xml, StandardCharsets.UTF_8);
        assertThat(ubl).contains("urn:fdc:peppol.eu:2017:poacc:billing:3.0", "<cbc:InvoiceTypeCode>380");
        assertThat(amount(ubl, "PayableAmount")).isEqualByComparingTo(invoice.grossTotal);
        return ubl;
    }

    private static BigDecimal amount(String xml, String element) {
        Matcher m = Pattern.compile("<[a-z]*:" + element + "[^>]*>([0-9.]+)<").matcher(xml);
        assertThat(m.find()).as(element + " in " + xml).isTrue();
        return new BigDecimal(m.group(1));
    }

    private Long business(String country, String vatId) {
        var customer = customers.create(
                new CustomerForm(
                        "COMPANY",
                        "Société Cliente "
                                + java.util.UUID.randomUUID().toString().substring(0, 6),
                        "ap-" + java.util.UUID.randomUUID() + "@client.example",
                        "",
                        "fr",
                        "",
                        "5 rue du Port",
                        "13002"),
                TestData.ACTOR);
        parties.updateBuyer(
                customer.id,
                new BusinessDetailsForm(
                        "5 rue du Port",
                        "13002",
                        "Marseille",
                        country,
                        vatId,
                        country.equals("FR") ? "812345676" : "",
                        country.equals("FR") ? "0002" : "",
                        country.equals("FR") ? "" : vatId,
                        country.equals("FR") ? "" : "9930"),
                "",
                TestData.ACTOR);
        return customers.accountsOf(customer.id).get(0).id;
    }

    private static LineInput line(
            String description, String qty, String price, String rate, String unit, String reason) {
        return new LineInput(description, qty, price, rate, unit, "", reason);
    }

    private Invoice issue(Long accountId, List<LineInput> lines) {
        return issue(accountId, "", "", lines);
    }

    private Invoice issue(Long accountId, String order, String note, List<LineInput> lines) {
        Invoice draft = drafts.create(
                accountId,
                new DraftForm(data.fresh(() -> biller.today().plusDays(30).toString()), "", order, note, lines),
                TestData.ACTOR);
        return issuer.issue(draft.id, TestData.ACTOR);
    }
}
