package app.billfold.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.support.AxeCheckedBrowser;
import app.billfold.support.BrowserAppConfig;
import app.billfold.support.JourneyUsers;
import app.billfold.support.PageRoutes;
import app.billfold.support.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The main journeys in headless Chromium against the packaged application on PostgreSQL: a clerk
 * creates a customer and issues an invoice; the customer signs in, finds the bill and its PDF.
 * axe-core checks every page visited and fails on any moderate, serious or critical violation.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = BrowserAppConfig.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneysIT {

    static final String BASE = app.billfold.support.TestPorts.app();
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String CLERK = "clerk-" + RUN + "@billfold.test";
    static final String CUSTOMER = "grace-" + RUN + "@example.com";

    static AxeCheckedBrowser browser;
    static final PageRoutes ROUTES = PageRoutes.ofTheApplication();
    static String invoiceNumber;

    @BeforeAll
    static void startBrowser() throws Exception {
        JourneyUsers.insert(CLERK, "CLERK", null);
        // Portal, guest and sign-in pages promise to fit a phone; the console is for desks.
        browser = AxeCheckedBrowser.start(AxeCheckedBrowser.DESKTOP)
                .alsoCheckingAt(AxeCheckedBrowser.NARROW_PHONE, path -> !path.startsWith("/console"))
                .namingPagesBy(ROUTES);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aClerkCreatesACustomerAndIssuesAnInvoice() {
        browser.signIn(CLERK);
        // The console opens on its home: today's figures, each a link to its list.
        assertThat(browser.url()).endsWith("/console");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Today");
        browser.checkPage();
        browser.navigateBy(By.cssSelector("a[href='/console/invoices?due=overdue']"));
        browser.checkPage();

        browser.navigateBy(By.linkText("New customer"));
        browser.checkPage();
        // First without the required fields: the form comes back with errors tied to their fields.
        browser.find(By.id("f-name")).sendKeys("Grace Hopper " + RUN);
        browser.navigateBy(By.cssSelector("form.stack button[type=submit]"));
        assertThat(browser.find(By.id("e-email")).getText()).isEqualTo("Please fill this in.");
        assertThat(browser.find(By.id("f-email")).getAttribute("aria-describedby"))
                .isEqualTo("e-email");
        browser.checkPage();

        browser.find(By.id("f-email")).sendKeys(CUSTOMER);
        browser.find(By.id("f-serviceAddress")).sendKeys("1 Navy Yard");
        browser.find(By.id("f-postcode")).sendKeys("20374");
        browser.navigateBy(By.cssSelector("form.stack button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).isEqualTo("Customer created.");
        browser.checkPage();

        // A note on the customer, as a clerk on the phone writes it.
        browser.find(By.id("f-note")).sendKeys("Asked for paper bills");
        browser.navigateBy(By.cssSelector("form[action$='/notes'] button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).isEqualTo("Note added.");
        assertThat(browser.find(By.cssSelector("ul.notes")).getText()).contains("Asked for paper bills");
        browser.checkPage();

        browser.navigateBy(By.cssSelector("a[href^='/console/accounts/']"));
        assertThat(browser.source()).contains("Paper: bills are printed and posted.");
        browser.checkPage();
        browser.navigateBy(By.linkText("New invoice"));
        browser.checkPage();
        browser.find(By.id("l-description-0")).sendKeys("Water, March");
        browser.find(By.id("l-quantity-0")).sendKeys("12.5");
        browser.find(By.id("l-unitPrice-0")).sendKeys("2.10");
        browser.find(By.id("l-taxRate-0")).clear();
        browser.find(By.id("l-taxRate-0")).sendKeys("5.5");
        // The running total follows what is typed: 12.5 x 2.10 = 26.25, plus 5.5 % VAT.
        assertThat(browser.find(By.cssSelector("#draft-total output")).getText())
                .isEqualTo("€27.69");
        browser.navigateBy(By.cssSelector("button[value=issue]"));
        // Nothing is numbered before the clerk has seen what will be issued.
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Issue this bill?");
        browser.checkPage();
        browser.navigateBy(By.cssSelector("form[action$='/issue'] button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).isEqualTo("Invoice issued.");
        String heading = browser.find(By.tagName("h1")).getText();
        assertThat(heading).startsWith("Invoice ");
        invoiceNumber = heading.substring("Invoice ".length());
        assertThat(browser.source()).contains("€27.69");
        browser.checkPage();

        browser.navigateBy(By.linkText("Record a payment"));
        browser.checkPage();
        browser.navigateBy(By.linkText("Autopay"));
        browser.checkPage();
        browser.navigateBy(By.linkText("Messages"));
        browser.checkPage();
        // Grace's account is on paper: her bill waits in the print queue.
        browser.navigateBy(By.linkText("Print queue"));
        assertThat(browser.source()).contains(invoiceNumber);
        browser.checkPage();
        browser.navigateBy(By.linkText("Billing"));
        assertThat(browser.source()).contains("Run billing now");
        browser.checkPage();
        browser.navigateBy(By.linkText("Aging"));
        assertThat(browser.source()).contains("Not yet due");
        browser.checkPage();
        browser.navigateBy(By.linkText("Adoption"));
        assertThat(browser.findAll(By.tagName("svg"))).isNotEmpty();
        browser.checkPage();
        browser.navigateBy(By.linkText("Audit trail"));
        assertThat(browser.source()).contains("invoice.issue");
        browser.checkPage();
        browser.navigateBy(By.linkText("E-invoices for a period"));
        browser.checkPage();
        browser.signOut();
    }

    @Test
    @Order(2)
    void theCustomerSignsInFindsTheBillAndItsPdf() throws Exception {
        JourneyUsers.insert(CUSTOMER, "CUSTOMER", CUSTOMER);
        browser.get(BASE + "/");
        browser.checkPage();
        browser.signIn(CUSTOMER);
        assertThat(browser.url()).endsWith("/portal");
        assertThat(browser.find(By.cssSelector(".summary .big")).getText()).isEqualTo("€27.69");
        browser.checkPage();

        browser.navigateBy(By.linkText("My bills"));
        browser.checkPage();
        browser.navigateBy(By.linkText(invoiceNumber));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Invoice " + invoiceNumber);
        assertThat(browser.find(By.cssSelector(".totals .strong td")).getText()).isEqualTo("€27.69");
        browser.checkPage();

        String pdfHref = browser.find(By.linkText("Download PDF")).getAttribute("href");
        String invoicePage = browser.url();
        assertThat(pdfHref).endsWith("/portal/invoices/" + invoiceNumber + ".pdf");
        Cookie session = browser.driver().manage().getCookieNamed("billfold-session");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(pdfHref))
                                .header("Cookie", "billfold-session=" + session.getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");

        // Paying, with autopay: ticking the box is the only action added to paying.
        browser.get(invoicePage);
        browser.navigateBy(By.linkText("Pay this bill"));
        browser.checkPage();
        assertThat(browser.find(By.id("f-autopay")).isSelected()).isFalse();
        browser.find(By.id("f-autopay")).click();
        browser.navigateBy(By.cssSelector("form[action='/portal/pay'] button[type=submit]"));
        assertThat(browser.url()).contains("/sandbox/checkout");
        browser.checkPage();
        browser.find(By.id("f-number")).sendKeys("4242 4242 4242 4242");
        browser.find(By.id("f-expMonth")).sendKeys("12");
        browser.find(By.id("f-expYear")).sendKeys("2030");
        browser.find(By.id("f-cvc")).sendKeys("123");
        browser.navigateBy(By.cssSelector("form[action='/sandbox/checkout'] button"));
        assertThat(browser.url()).contains("/portal/receipts/");
        assertThat(browser.find(By.cssSelector(".notice")).getText()).isEqualTo("Thank you: €27.69 received.");
        assertThat(browser.source()).contains("Autopay is on");
        browser.checkPage();
        browser.get(invoicePage);
        assertThat(browser.find(By.cssSelector(".totals .strong td")).getText()).isEqualTo("€0.00");

        new Select(browser.find(By.id("lang-switch"))).selectByValue("fr");
        browser.navigateBy(By.cssSelector("form[action='/language'] button"));
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.find(By.cssSelector(".totals .strong th")).getText()).isEqualTo("Reste à payer");
        browser.checkPage();

        // SMS: choosing it asks for the number and the consent, in one form.
        browser.navigateBy(By.linkText("Notifications"));
        browser.checkPage();
        browser.find(By.id("n-sms")).click();
        browser.find(By.id("f-phone")).sendKeys("06 12 34 56 78");
        browser.navigateBy(By.cssSelector("form[action='/portal/preferences'] button[type=submit]"));
        assertThat(browser.find(By.id("e-smsConsent")).getText()).startsWith("Cochez la case");
        browser.checkPage();
        browser.find(By.id("f-smsConsent")).click();
        browser.navigateBy(By.cssSelector("form[action='/portal/preferences'] button[type=submit]"));
        assertThat(browser.source()).contains("+33612345678");
        browser.checkPage();

        // The profile, another account from a bill, and a statement with its running balance.
        browser.navigateBy(By.linkText("Votre profil"));
        browser.checkPage();
        browser.navigateBy(By.linkText("Ajouter un autre compte"));
        browser.checkPage();
        browser.get(BASE + "/portal");
        browser.navigateBy(By.partialLinkText("Relevé du compte"));
        assertThat(browser.find(By.tagName("h1")).getText()).startsWith("Relevé du compte");
        assertThat(browser.source()).contains(invoiceNumber);
        browser.checkPage();
        browser.signOut();
    }

    @Test
    @Order(3)
    void anAdminKeepsTheBillerSettingsValid() throws Exception {
        String admin = "admin-" + RUN + "@billfold.test";
        JourneyUsers.insert(admin, "ADMIN", null);
        // The customer before chose French in this browser; the admin reads English.
        browser.driver().manage().deleteCookieNamed("billfold-lang");
        browser.signIn(admin);
        browser.navigateBy(By.linkText("Biller settings"));
        browser.checkPage();
        WebElement legalName = browser.find(By.id("f-legalName"));
        legalName.clear();
        browser.navigateBy(By.cssSelector("form.stack button[type=submit]"));
        assertThat(browser.find(By.id("e-legalName")).getText()).isEqualTo("Please fill this in.");
        browser.checkPage();
        browser.navigateBy(By.linkText("E-invoicing"));
        browser.checkPage();
        WebElement vatId = browser.find(By.id("f-vatId"));
        vatId.clear();
        vatId.sendKeys("12345");
        browser.navigateBy(By.cssSelector("form.stack button[type=submit]"));
        assertThat(browser.find(By.id("e-vatId")).getText()).startsWith("Enter a VAT number");
        assertThat(browser.find(By.id("f-vatId")).getAttribute("aria-describedby"))
                .isEqualTo("e-vatId");
        browser.checkPage();
        browser.navigateBy(By.linkText("Staff"));
        assertThat(browser.source()).contains(admin);
        browser.checkPage();
        browser.signOut();
    }

    @Test
    @Order(4)
    void aGuestPaysWithTheAccountNumberAndPostcodeAndLeavesTheCustomersAutopayAlone() throws Exception {
        String accountNumber;
        try (Connection c = PostgresTestDatabase.connect();
                PreparedStatement q = c.prepareStatement(
                        "select a.number from account a join customer c on c.id = a.customer_id where c.email = ?")) {
            q.setString(1, CUSTOMER);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                accountNumber = rs.getString(1);
            }
        }
        // A second bill for Grace, paid by someone holding the paper bill.
        browser.signIn(CLERK);
        browser.get(BASE + "/console/customers?q=" + accountNumber);
        browser.navigateBy(By.partialLinkText("Grace Hopper"));
        browser.navigateBy(By.cssSelector("a[href^='/console/accounts/']"));
        browser.navigateBy(By.linkText("New invoice"));
        browser.find(By.id("l-description-0")).sendKeys("Water, April");
        browser.find(By.id("l-quantity-0")).sendKeys("1");
        browser.find(By.id("l-unitPrice-0")).sendKeys("19.90");
        browser.navigateBy(By.cssSelector("button[value=issue]"));
        browser.navigateBy(By.cssSelector("form[action$='/issue'] button[type=submit]"));
        browser.signOut();

        browser.navigateBy(By.linkText("Pay without signing in"));
        browser.checkPage();
        browser.find(By.id("f-accountNumber")).sendKeys(accountNumber);
        browser.find(By.id("f-postcode")).sendKeys("20374");
        browser.navigateBy(By.cssSelector("form[action='/guest'] button"));
        browser.checkPage();
        // Grace turned autopay on herself: whoever holds her paper bill may pay, not change that.
        assertThat(browser.findAll(By.id("f-autopay"))).isEmpty();
        assertThat(browser.source()).contains("This account already pays its bills automatically");
        browser.find(By.id("f-email")).sendKeys("grace.guest@example.com");
        browser.navigateBy(By.cssSelector("form[action='/guest/pay'] button[type=submit]"));
        browser.checkPage();
        browser.find(By.id("f-number")).sendKeys("4242424242424242");
        browser.find(By.id("f-expMonth")).sendKeys("12");
        browser.find(By.id("f-expYear")).sendKeys("2030");
        browser.find(By.id("f-cvc")).sendKeys("123");
        browser.navigateBy(By.cssSelector("form[action='/sandbox/checkout'] button"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).isEqualTo("Thank you: €19.90 received.");
        browser.checkPage();
    }

    @Test
    @Order(100)
    void everyPageVisitedWasChecked() {
        assertThat(browser.checked()).hasSizeGreaterThanOrEqualTo(30);
    }
}
