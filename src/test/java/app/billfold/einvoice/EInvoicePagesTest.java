package app.billfold.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.biller.Biller;
import app.billfold.identity.Role;
import app.billfold.invoice.CreditNote;
import app.billfold.invoice.CreditNotes;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.invoice.Invoices;
import app.billfold.support.Exported;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * E-invoicing as clerks, admins and customers use it: business data is checked before a business
 * invoice takes a number, the forms refuse malformed identifiers, customers download their own
 * Factur-X and UBL only, and clerks export a period as a zip.
 */
@QuarkusTest
class EInvoicePagesTest {

    @Inject
    TestData data;

    @Inject
    BusinessParties parties;

    @Inject
    Biller biller;

    @Inject
    Invoices invoices;

    @Inject
    CreditNotes creditNotes;

    SellerForm before;
    WebSession clerk;

    @BeforeEach
    void setUp() {
        before = data.fresh(() -> SellerForm.of(biller.settings()));
        String email = data.staff(Role.CLERK, "clerk-password");
        clerk = WebSession.signedIn(email, "clerk-password");
    }

    @AfterEach
    void sellerAsBefore() {
        parties.updateSeller(before, TestData.ACTOR);
    }

    private void seller(String country, String vatId) {
        parties.updateSeller(
                new SellerForm(
                        new BusinessDetailsForm(
                                "1 place de la Mairie", "69001", "Lyon", country, vatId, "401234562", "0002", "", ""),
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

    @Test
    void aBusinessInvoiceMissingWhatItsEInvoiceNeedsIsNotIssuedAndTheClerkIsToldWhat() {
        seller("", "");
        var customer = data.aCustomer().company().create();
        Response page = clerk.post(
                "/console/accounts/" + customer.account().id + "/invoices",
                maintenanceToIssue(data.fresh(() -> biller.today().plusDays(30).toString()), ""));
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.asString())
                .contains("cannot be issued as an e-invoice yet")
                .contains("Your country is missing")
                .contains("need your VAT number")
                .contains("The customer’s country is missing")
                .contains("The customer’s electronic address is missing");
        Invoice draft = data.fresh(
                () -> Invoice.<Invoice>find("account.id", customer.account().id).firstResult());
        assertThat(draft.status).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(draft.number).isNull();

        // Once the data is there, the same draft is issued.
        seller("FR", "FR46401234562");
        parties.updateBuyer(
                customer.id(),
                new BusinessDetailsForm("5 rue du Port", "13002", "Marseille", "FR", "", "812345676", "0002", "", ""),
                "",
                TestData.ACTOR);
        Response saved = clerk.post("/console/invoices/" + draft.id, maintenanceToIssue(draft.dueDate.toString(), "S"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.header("Location")).endsWith("/console/invoices/" + draft.id + "/issue");
        assertThat(clerk.post("/console/invoices/" + draft.id + "/issue", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(data.fresh(() -> invoices.get(draft.id).status)).isEqualTo(InvoiceStatus.OPEN);
    }

    /** The draft form with one standard-rated line of two hours, posted to save and issue. */
    private static Map<String, Object> maintenanceToIssue(String dueDate, String vatCategory) {
        return Map.of(
                "dueDate", dueDate,
                "description", List.of("Maintenance"),
                "quantity", List.of("2"),
                "unitPrice", List.of("80"),
                "taxRate", List.of("20"),
                "unitCode", List.of("HUR"),
                "vatCategory", List.of(vatCategory),
                "exemptionReason", List.of(""),
                "action", "issue");
    }

    /** As the demo data does: general settings and seller details changed in one transaction. */
    @Test
    void sellerDetailsSavedWithOtherSettingsKeepThem() {
        var general = data.fresh(() -> app.billfold.biller.BillerSettingsForm.of(biller.settings()));
        try {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                biller.update(renamed(general, "Both Changed SA"), TestData.ACTOR);
                seller("FR", "FR46401234562");
            });
            var settings = data.fresh(() -> biller.settings());
            assertThat(settings.legalName).isEqualTo("Both Changed SA");
            assertThat(settings.business().vatId).isEqualTo("FR46401234562");
        } finally {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .run(() -> biller.update(renamed(general, general.legalName()), TestData.ACTOR));
        }
    }

    private static app.billfold.biller.BillerSettingsForm renamed(
            app.billfold.biller.BillerSettingsForm f, String legalName) {
        return new app.billfold.biller.BillerSettingsForm(
                legalName,
                f.address(),
                f.taxId(),
                f.currency(),
                f.timeZone(),
                f.invoicePrefix(),
                f.supportEmail(),
                f.supportPhone(),
                f.brandColour(),
                null,
                null,
                false,
                f.reminderDays(),
                f.reminderSmsDays());
    }

    @Test
    void aLineWhoseVatCategoryDoesNotFitItsRateIsRefusedBesideIt() {
        var customer = data.aCustomer().create();
        Response page = clerk.post(
                "/console/accounts/" + customer.account().id + "/invoices",
                Map.of(
                        "dueDate", "2026-12-31",
                        "description", List.of("Training", "Exempt course"),
                        "quantity", List.of("1", "1"),
                        "unitPrice", List.of("100", "300"),
                        "taxRate", List.of("20", "0"),
                        "unitCode", List.of("C62", "C62"),
                        "vatCategory", List.of("E", "E"),
                        "exemptionReason", List.of("", ""),
                        "action", "save"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.asString())
                .contains("id=\"e-vatCategory-0\"")
                .contains("Only standard-rated lines take a rate above 0")
                .contains("id=\"e-exemptionReason-1\"")
                .contains("Say why this line is exempt");
    }

    @Test
    void theSellerPageRefusesMalformedIdentifiersAndSavesNothing() {
        WebSession admin = WebSession.signedIn(data.staff(Role.ADMIN, "admin-password"), "admin-password");
        Response page = admin.post(
                "/console/settings/einvoicing",
                Map.of(
                        "countryCode", "France",
                        "vatId", "123",
                        "registrationId", "401234562",
                        "registrationScheme", "",
                        "endpointId", "401234562",
                        "endpointScheme", "EM",
                        "iban", "FR76 3000 6000 0112 3456 7890 188",
                        "bic", "AGRI",
                        "operationCategory", "S1"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.asString())
                .contains("Enter a two-letter country code")
                .contains("starts with its country code")
                .contains("Give the scheme of this identifier")
                .contains("not on the Peppol list")
                .contains("This IBAN is not valid")
                .contains("Enter a BIC of 8 or 11");
        assertThat(data.fresh(() -> biller.settings().iban))
                .isEqualTo(before.iban().isEmpty() ? null : before.iban());

        Response saved = admin.post(
                "/console/settings/einvoicing",
                Map.of(
                        "street", "1 place de la Mairie",
                        "postcode", "69001",
                        "city", "Lyon",
                        "countryCode", "fr",
                        "vatId", "fr 46 401234562",
                        "registrationId", "401234562",
                        "registrationScheme", "0002",
                        "iban", "FR76 3000 6000 0112 3456 7890 189",
                        "bic", "agrifrpp",
                        "operationCategory", "M1"));
        assertThat(saved.statusCode()).isEqualTo(303);
        var settings = data.fresh(() -> biller.settings());
        assertThat(settings.business().vatId).isEqualTo("FR46401234562");
        assertThat(settings.business().countryCode).isEqualTo("FR");
        assertThat(settings.iban).isEqualTo("FR7630006000011234567890189");
        assertThat(settings.operationCategory).isEqualTo("M1");
    }

    @Test
    void theBuyerPageRefusesMalformedDetailsAndSavesNothing() {
        var customer = businessCustomer("buyer-password");
        Response page = clerk.post(
                "/console/customers/" + customer.id() + "/business",
                Map.of("countryCode", "XX", "vatId", "19812345676", "endpointId", "812345676"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.asString())
                .contains("id=\"e-countryCode\"")
                .contains("id=\"e-vatId\"")
                .contains("id=\"e-endpointScheme\"")
                .contains("value=\"XX\"");
        var details =
                data.fresh(() -> app.billfold.account.Customer.<app.billfold.account.Customer>findById(customer.id())
                        .business());
        assertThat(details.countryCode).isEqualTo("FR");
        assertThat(details.vatId).isEqualTo("FR19812345676");
    }

    @Test
    void aBusinessCustomerDownloadsItsFacturXAndUblAndNobodyElseCan() throws Exception {
        seller("FR", "FR46401234562");
        var owner = businessCustomer("owner-password");
        Invoice invoice = data.anInvoice(owner.account()).due("2026-12-31").issue();
        var line = data.fresh(() -> invoices.get(invoice.id).lines.get(0));
        CreditNote note = creditNotes.issue(invoice.id, Map.of(line.id, "1"), "Goodwill", TestData.ACTOR);

        WebSession customer = WebSession.signedIn(owner.email(), "owner-password");
        String page = customer.get("/portal/invoices/" + invoice.number).asString();
        assertThat(page).contains("e-invoice (XML)").contains(note.number);

        Response pdf = customer.get("/portal/invoices/" + invoice.number + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(new String(pdf.asByteArray(), StandardCharsets.ISO_8859_1)).contains("factur-x.xml");

        Response xml = customer.get("/portal/invoices/" + invoice.number + ".xml");
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.asString()).contains("<cbc:ID>" + invoice.number + "</cbc:ID>", "SERVICE-ACHATS");

        Response cii = customer.get("/portal/invoices/" + invoice.number + ".cii.xml");
        assertThat(cii.statusCode()).isEqualTo(200);
        assertThat(cii.asString()).contains("CrossIndustryInvoice", invoice.number);

        Response creditXml = customer.get("/portal/credit-notes/" + note.number + ".xml");
        assertThat(creditXml.statusCode()).isEqualTo(200);
        assertThat(creditXml.asString()).contains("<CreditNote", note.number);

        var stranger = data.aCustomer().withLogin("stranger-password").create();
        WebSession other = WebSession.signedIn(stranger.email(), "stranger-password");
        assertThat(other.get("/portal/invoices/" + invoice.number + ".xml").statusCode())
                .isEqualTo(404);
        assertThat(other.get("/portal/credit-notes/" + note.number + ".pdf").statusCode())
                .isEqualTo(404);

        // A consumer's bill is a Factur-X PDF too, but Peppol UBL is for businesses.
        Invoice own = data.anInvoice(stranger.account()).due("2026-12-31").issue();
        assertThat(other.get("/portal/invoices/" + own.number + ".pdf").statusCode())
                .isEqualTo(200);
        assertThat(other.get("/portal/invoices/" + own.number + ".xml").statusCode())
                .isEqualTo(404);
        assertThat(other.get("/portal/invoices/" + own.number).asString()).doesNotContain("e-invoice (XML)");
    }

    @Test
    void clerksExportAPeriodAsOneZip() throws Exception {
        seller("FR", "FR46401234562");
        var business = businessCustomer("zip-password");
        Invoice invoice = data.anInvoice(business.account()).due("2026-12-31").issue();
        String today = data.fresh(() -> biller.today().toString());

        Response zip = Exported.download(clerk, Map.of("kind", "einvoices", "from", today, "to", today));
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.contentType()).startsWith("application/zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.asByteArray()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertThat(names).contains(invoice.number + ".pdf", invoice.number + ".cii.xml", invoice.number + ".ubl.xml");

        Response cii = clerk.get("/console/invoices/" + invoice.id + ".cii.xml");
        assertThat(cii.statusCode()).isEqualTo(200);
        assertThat(cii.asString()).contains("CrossIndustryInvoice", invoice.number);
        assertThat(clerk.get("/console/invoices/" + invoice.id + ".ubl.xml").asString())
                .contains("<cbc:ID>" + invoice.number + "</cbc:ID>");
        var line = data.fresh(() -> invoices.get(invoice.id).lines.get(0));
        CreditNote note = creditNotes.issue(invoice.id, Map.of(line.id, "1"), "Meter misread", TestData.ACTOR);
        Response credit = clerk.get("/console/credit-notes/" + note.id + ".ubl.xml");
        assertThat(credit.statusCode()).isEqualTo(200);
        assertThat(credit.asString()).contains("<CreditNote", note.number, invoice.number);
        assertThat(clerk.get("/console/credit-notes/" + note.id + ".pdf").contentType())
                .startsWith("application/pdf");

        Response backwards =
                clerk.post("/console/exports", Map.of("kind", "einvoices", "from", today, "to", "2020-01-01"));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.asString()).contains("starts before it ends");
    }
}
