package app.billfold.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.CustomerRepository;
import app.billfold.audit.AuditLog;
import app.billfold.identity.Role;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.invoice.Invoices;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The clerk's forms: validation re-renders with field errors, CSRF is required, and actions are audited. */
@QuarkusTest
class ConsoleFormsTest {

    @Inject
    TestData data;

    @Inject
    CustomerRepository customers;

    @Inject
    Invoices invoices;

    @Inject
    AuditLog audit;

    @Inject
    app.billfold.einvoice.BusinessParties parties;

    @Inject
    app.billfold.biller.Biller biller;

    WebSession clerk;
    String clerkEmail;

    @BeforeEach
    void signIn() {
        clerkEmail = data.staff(Role.CLERK, "clerk-password");
        clerk = WebSession.signedIn(clerkEmail, "clerk-password");
    }

    @Test
    void aFormPostedWithoutTheTokenIsRefusedAndChangesNothing() {
        long before = customers.count();
        Map<String, String> form = Map.of(
                "kind",
                "PERSON",
                "name",
                "Forged",
                "email",
                "forged@example.com",
                "language",
                "en",
                "serviceAddress",
                "x",
                "postcode",
                "1");
        Response forged = clerk.postWithoutToken("/console/customers", form);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.asString()).contains("Form expired");
        Response wrongToken = clerk.request()
                .contentType("application/x-www-form-urlencoded")
                .formParams(form)
                .formParam("csrf", "x".repeat(43))
                .post("/console/customers");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(customers.count()).isEqualTo(before);
    }

    @Test
    void anInvalidCustomerReRendersWithFieldErrorsAndCreatesNothing() {
        long before = customers.count();
        Response page = clerk.post(
                "/console/customers",
                Map.of(
                        "kind",
                        "ROBOT",
                        "name",
                        " ",
                        "email",
                        "not-an-email",
                        "phone",
                        "call me",
                        "language",
                        "de",
                        "accountNumber",
                        "a b",
                        "serviceAddress",
                        "",
                        "postcode",
                        ""));
        assertThat(page.statusCode()).isEqualTo(400);
        String html = page.asString();
        assertThat(html).contains("Some fields need your attention");
        assertThat(html).contains("id=\"e-name\"").contains("aria-describedby=\"e-name\"");
        assertThat(html).contains("Enter an e-mail address like name@example.com.");
        assertThat(html).contains("Enter a phone number");
        assertThat(html).contains("Use 4 to 30 letters, digits or dashes.");
        assertThat(html).contains("value=\"not-an-email\"");
        assertThat(customers.count()).isEqualTo(before);
    }

    @Test
    void aClerkCreatesACustomerThenIssuesAndVoidsAnInvoice() {
        Response created = clerk.post(
                "/console/customers",
                Map.of(
                        "kind",
                        "COMPANY",
                        "name",
                        "Acme SARL",
                        "email",
                        "Billing@Acme.example",
                        "phone",
                        "+33 1 00 00 00 00",
                        "language",
                        "fr",
                        "accountNumber",
                        "",
                        "serviceAddress",
                        "3 rue X",
                        "postcode",
                        "75002"));
        assertThat(created.statusCode()).isEqualTo(303);
        String customerPage = created.header("Location");
        assertThat(customerPage).contains("notice=notice_customer_created");
        String html =
                clerk.get(customerPage.replaceFirst("^https?://[^/]+", "")).asString();
        assertThat(html).contains("Acme SARL").contains("billing@acme.example").contains("Customer created.");
        String accountPath = html.replaceAll("(?s).*href=\"(/console/accounts/\\d+)\".*", "$1");

        // A business customer's invoice needs its e-invoicing details, given on its own page.
        String customerPath = customerPage.replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*", "");
        assertThat(html).contains("href=\"" + customerPath + "/business\"");
        var seller = data.fresh(() -> app.billfold.einvoice.SellerForm.of(biller.settings()));
        parties.updateSeller(
                new app.billfold.einvoice.SellerForm(
                        new app.billfold.einvoice.BusinessDetailsForm(
                                "", "", "", "FR", "FR46401234562", "401234562", "0002", "", ""),
                        "",
                        "",
                        "S1"),
                TestData.ACTOR);
        Response details = clerk.post(
                customerPath + "/business",
                Map.of("countryCode", "FR", "registrationId", "812345676", "registrationScheme", "0002"));
        assertThat(details.statusCode()).isEqualTo(303);

        Response draft = clerk.post(
                accountPath + "/invoices",
                Map.of(
                        "dueDate",
                        "2026-04-15",
                        "description",
                        List.of("Water", "", "Meter rental"),
                        "quantity",
                        List.of("12.5", "", "1"),
                        "unitPrice",
                        List.of("2,10", "", "4"),
                        "taxRate",
                        List.of("5.5", "", "20"),
                        "unitCode",
                        List.of("MTQ", "C62", "C62"),
                        "action",
                        "issue"));
        assertThat(draft.statusCode()).isEqualTo(303);
        Long invoiceId = Long.valueOf(draft.header("Location").replaceAll(".*/console/invoices/(\\d+).*", "$1"));
        // Nothing is numbered yet: the clerk first sees what issuing will send, and its total.
        assertThat(draft.header("Location")).endsWith("/console/invoices/" + invoiceId + "/issue");
        assertThat(data.fresh(() -> invoices.get(invoiceId).number)).isNull();
        String confirm = clerk.get(draft.header("Location")).asString();
        assertThat(confirm)
                .contains("Issue this bill?")
                .contains("12.5 m³")
                .contains("Issue the bill for €32.49")
                .contains("href=\"/console/invoices/" + invoiceId + "\"");
        assertThat(clerk.post("/console/invoices/" + invoiceId + "/issue", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(clerk.get("/console/invoices/" + invoiceId).asString()).contains("12.5 m³");
        try {
            var pdf = new com.lowagie.text.pdf.PdfReader(
                    clerk.get("/console/invoices/" + invoiceId + ".pdf").asByteArray());
            assertThat(new com.lowagie.text.pdf.parser.PdfTextExtractor(pdf).getTextFromPage(1))
                    .contains("12,5 m³"); // the bill is in the customer's language, French here
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        Invoice invoice = data.fresh(() -> {
            Invoice i = invoices.get(invoiceId);
            i.lines.size();
            return i;
        });
        assertThat(invoice.status).isEqualTo(InvoiceStatus.OPEN);
        parties.updateSeller(seller, TestData.ACTOR);
        assertThat(invoice.number).startsWith("INV-");
        assertThat(invoice.lines).hasSize(2);
        assertThat(invoice.grossTotal).isEqualByComparingTo("32.49"); // 26.25 + 1.44 + 4.00 + 0.80

        Response voided = clerk.post("/console/invoices/" + invoiceId + "/void", Map.of());
        assertThat(voided.statusCode()).isEqualTo(303);
        assertThat(data.fresh(() -> invoices.get(invoiceId).status)).isEqualTo(InvoiceStatus.VOID);
        Response again = clerk.post("/console/invoices/" + invoiceId + "/void", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.asString()).contains("Only an open invoice can be voided.");

        assertThat(audit.forSubject("invoice:" + invoiceId))
                .extracting(e -> e.action + " by " + e.actor)
                .contains("invoice.issue by " + clerkEmail, "invoice.void by " + clerkEmail);
    }

    @Test
    void aNewDraftOffersFullWidthLinesWithTheDefaultRateAndUnitAndARunningTotal() {
        var customer = data.aCustomer().create();
        String page = clerk.get("/console/accounts/" + customer.account().id + "/invoices/new")
                .asString();
        assertThat(page)
                .contains("class=\"stack wide\"")
                .contains("id=\"l-taxRate-0\" name=\"taxRate\" type=\"text\" value=\"0\"")
                .contains("<option value=\"C62\" selected>")
                .contains("id=\"draft-total\"")
                .contains("<script src=\"/js/draft.js\"></script>");
        assertThat(clerk.get("/js/draft.js").statusCode()).isEqualTo(200);
        // Rows that carry only the default rate and unit are no lines.
        Response empty = clerk.post(
                "/console/accounts/" + customer.account().id + "/invoices",
                Map.of(
                        "dueDate", "2026-04-15",
                        "description", List.of("", ""),
                        "quantity", List.of("", ""),
                        "unitPrice", List.of("", ""),
                        "taxRate", List.of("0", "0"),
                        "unitCode", List.of("C62", "C62"),
                        "action", "save"));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.asString()).contains("id=\"e-lines\"");
        assertThat(invoices.forAccount(customer.account().id)).isEmpty();
    }

    @Test
    void anInvalidDraftShowsTheErrorBesideItsLine() {
        var customer = data.aCustomer().create();
        Response page = clerk.post(
                "/console/accounts/" + customer.account().id + "/invoices",
                Map.of(
                        "dueDate",
                        "someday",
                        "description",
                        List.of("Water", ""),
                        "quantity",
                        List.of("-1", ""),
                        "unitPrice",
                        List.of("abc", ""),
                        "taxRate",
                        List.of("150", ""),
                        "action",
                        "save"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.asString())
                .contains("id=\"e-quantity-0\"")
                .contains("Enter a quantity above zero")
                .contains("id=\"e-unitPrice-0\"")
                .contains("Enter a tax rate between 0 and 100.")
                .contains("Enter a date as year-month-day");
        assertThat(invoices.forAccount(customer.account().id)).isEmpty();
    }

    @Test
    void unknownIdsGiveANotFoundPageWithoutAStackTrace() {
        Response page = clerk.get("/console/customers/987654321");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.asString()).contains("Page not found").doesNotContain("Exception");
        assertThat(clerk.get("/console/invoices/987654321").statusCode()).isEqualTo(404);
        assertThat(clerk.get("/console/customers/not-a-number").statusCode()).isEqualTo(404);
    }

    @Test
    void searchGoesStraightToAnExactMatchAndListsWhatAPartMatches() {
        var customer = data.aCustomer().named("Zebulon Findme").create();
        Invoice invoice = data.anInvoice(customer.account()).issue();
        assertThat(clerk.get("/console/customers?q=zebulon").asString()).contains("Zebulon Findme");
        assertThat(clerk.get("/console/customers?q=" + customer.email()).header("Location"))
                .endsWith("/console/customers/" + customer.id());
        assertThat(clerk.get("/console/customers?q=" + customer.account().number)
                        .header("Location"))
                .endsWith("/console/accounts/" + customer.account().id);
        assertThat(clerk.get("/console/customers?q=" + invoice.number.toLowerCase())
                        .header("Location"))
                .endsWith("/console/invoices/" + invoice.id);
        // A part of a number, an address: a list, each line linking to its page.
        String digits = invoice.number.substring(invoice.number.length() - 6);
        assertThat(clerk.get("/console/customers?q=" + digits).asString())
                .contains("href=\"/console/invoices/" + invoice.id + "\">" + invoice.number);
        String accountPart = customer.account().number.substring(0, 6);
        assertThat(clerk.get("/console/customers?q=" + accountPart).asString())
                .contains("href=\"/console/accounts/" + customer.account().id + "\">");
        String street = "Zebulon Lane " + customer.id();
        assertThat(clerk.post(
                                "/console/accounts/" + customer.account().id,
                                Map.of(
                                        "accountNumber",
                                        customer.account().number,
                                        "serviceAddress",
                                        "12 " + street,
                                        "postcode",
                                        "75001",
                                        "status",
                                        "ACTIVE"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(clerk.get("/console/customers?q=" + street.toLowerCase()).asString())
                .contains("href=\"/console/accounts/" + customer.account().id + "\">");
        assertThat(clerk.get("/console/customers?q=nothing-matches-this").asString())
                .doesNotContain("Zebulon Findme");
    }

    @Test
    void onlyAdminsChangeBillerSettings() {
        assertThat(clerk.get("/console/settings").statusCode()).isEqualTo(403);
        String admin = data.staff(Role.ADMIN, "admin-password");
        WebSession asAdmin = WebSession.signedIn(admin, "admin-password");
        assertThat(asAdmin.get("/console/settings").statusCode()).isEqualTo(200);

        Response bad = asAdmin.request()
                .multiPart("csrf", asAdmin.csrfToken())
                .multiPart("legalName", "")
                .multiPart("address", "1 Quay")
                .multiPart("currency", "ABC")
                .multiPart("timeZone", "Mars/Olympus")
                .multiPart("invoicePrefix", "INV-")
                .multiPart("supportEmail", "help@example.com")
                .multiPart("brandColour", "blue")
                .multiPart("reminderDays", "every day")
                .post("/console/settings");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString())
                .contains("Enter a three-letter currency code")
                .contains("Enter a time zone like Europe/Paris.")
                .contains("Enter a colour like #0b5394.")
                .contains("Enter up to eight whole days");
        Response forged = asAdmin.request().multiPart("legalName", "Forged").post("/console/settings");
        assertThat(forged.statusCode()).isEqualTo(403);
    }
}
