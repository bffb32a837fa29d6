package app.billfold.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.support.AxeCheckedBrowser;
import app.billfold.support.BrowserAppConfig;
import app.billfold.support.JourneySteps;
import app.billfold.support.JourneyUsers;
import app.billfold.support.PageRoutes;
import app.billfold.support.PostgresTestDatabase;
import app.billfold.support.SignedLinks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    /** GET routes that are no page to look at; each says what it is instead. */
    static final Map<String, String> NOT_PAGES = Map.ofEntries(
            Map.entry("/brand/logo", "the biller's logo, an image"),
            Map.entry("/brand/style.css", "the biller's colours, a style sheet"),
            Map.entry("/logout", "only redirects to the sign-in page; signing out is a POST"),
            Map.entry("/signin", "Keycloak mode's hand-over: redirects to Keycloak's sign-in page"),
            Map.entry(
                    "/console/exports/{id}/file",
                    "an export's file (ZIP, CSV or PDF); its page is /console/exports/{id}"),
            Map.entry("/console/invoices/{id:\\d+}.{format:pdf|cii\\.xml|ubl\\.xml}", "an invoice's PDF or XML"),
            Map.entry("/console/credit-notes/{id:\\d+}.{format:pdf|cii\\.xml|ubl\\.xml}", "a credit note's PDF or XML"),
            Map.entry("/console/print/bills.pdf", "the print queue's bills as one PDF"),
            Map.entry("/portal/credit-notes/{number:[^/.]+}.{format:pdf|xml}", "a credit note's PDF or XML"),
            Map.entry("/portal/invoices/{number:[^/.]+}.{format:pdf|xml|cii\\.xml}", "a bill's PDF or XML"),
            Map.entry("/portal/statements/{number:[^/.]+}.pdf", "a statement's PDF"),
            Map.entry(
                    "/portal/settings/methods/new",
                    "only redirects to the processor's page (here the sandbox's) to add a method"),
            // Back from the processor's page: a redirect on success, else the form of the page
            // that sent the payer there, again with the reason (a 402, in OTHER_PAGES).
            Map.entry("/portal/pay/return", "a redirect, or the pay form again (402 in OTHER_PAGES)"),
            Map.entry("/guest/pay/return", "a redirect, or the guest pay form again (402 in OTHER_PAGES)"),
            Map.entry(
                    "/portal/settings/methods/added",
                    "a redirect, or the payment settings again (402 in OTHER_PAGES)"));

    /** Pages no route names: what a route shows instead of its page (errors, expired links). */
    static final Set<String> OTHER_PAGES = Set.of(
            "403 /console",
            "403 /console/settings",
            "404 /console/invoices/{id}",
            "402 /portal/pay/return",
            "402 /guest/pay/return",
            "402 /portal/settings/methods/added",
            "410 /password/reset",
            "410 /email-change",
            "410 /invitation",
            "404 /guest/autopay",
            "404 /guest/autopay/skip");

    static AxeCheckedBrowser browser;
    static final PageRoutes ROUTES = PageRoutes.ofTheApplication();
    static String invoiceNumber;
    static String customerPage;
    static String accountPage;
    /** A customer with no sign-in yet, who pays as a guest, enrols in autopay and registers. */
    static final String ADA = "ada-" + RUN + "@example.com";

    static String adaAccount;
    static String adaInvoice;

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
        customerPage = browser.path();
        browser.checkPage();

        // A note on the customer, as a clerk on the phone writes it.
        browser.find(By.id("f-note")).sendKeys("Asked for paper bills");
        browser.navigateBy(By.cssSelector("form[action$='/notes'] button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).isEqualTo("Note added.");
        assertThat(browser.find(By.cssSelector("ul.notes")).getText()).contains("Asked for paper bills");
        browser.checkPage();

        browser.navigateBy(By.cssSelector("a[href^='/console/accounts/']"));
        accountPage = browser.path();
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
        JourneySteps.payOnSandbox(browser, "4242 4242 4242 4242");
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
        browser.get(BASE + "/console/late-fees");
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
        JourneySteps.issueBill(browser, browser.path(), "Water, April", "19.90");
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
        JourneySteps.payOnSandbox(browser, "4242424242424242");
        assertThat(browser.find(By.cssSelector(".notice")).getText()).isEqualTo("Thank you: €19.90 received.");
        browser.checkPage();
    }

    @Test
    @Order(5)
    void aClerkReachesEveryConsolePage() throws Exception {
        browser.signIn(CLERK);
        browser.get(BASE + "/console/customers");
        browser.checkPage();
        for (String page : List.of(
                customerPage + "/edit",
                customerPage + "/accounts/new",
                customerPage + "/business",
                accountPage + "/edit",
                "/console/customers/import",
                "/console/plans/new",
                "/console/disputes")) {
            browser.get(BASE + page);
            assertThat(browser.status()).as(page).isEqualTo(200);
            browser.checkPage();
        }
        // Billing: a dry run, then a run, which opens on its progress; autopay likewise.
        browser.get(BASE + "/console/billing");
        browser.navigateBy(By.cssSelector("a[href='/console/billing/preview']"));
        browser.checkPage();
        browser.get(BASE + "/console/billing");
        browser.navigateBy(By.cssSelector("form[action='/console/billing/run'] button"));
        assertThat(browser.path()).startsWith("/console/billing/runs/");
        browser.checkPage();
        browser.get(BASE + "/console/autopay");
        browser.navigateBy(By.cssSelector("form[action='/console/autopay/run'] button"));
        assertThat(browser.path()).startsWith("/console/autopay/runs/");
        browser.checkPage();
        // An export asked for from the aging report opens on its progress; then the list of exports.
        browser.get(BASE + "/console/reports/aging");
        browser.navigateBy(By.cssSelector("form[action='/console/exports'] button"));
        assertThat(browser.path()).startsWith("/console/exports/");
        browser.checkPage();
        browser.get(BASE + "/console/exports");
        browser.checkPage();
        // What was sent, opened from the message log.
        browser.get(BASE + "/console/messages");
        browser.navigateBy(By.cssSelector("a[href^='/console/messages/']"));
        browser.checkPage();
        // A card payment is refunded; a payment the clerk recorded (a cheque), reversed.
        browser.get(BASE + accountPage);
        browser.navigateBy(By.cssSelector("a[href$='/refund']"));
        browser.checkPage();
        // A bill for Grace to pay in part by cheque here, the rest in the portal.
        JourneySteps.issueBill(browser, accountPage, "Water, May", "31.00");
        browser.get(BASE + accountPage + "/payments/new");
        browser.type("f-amount", "5.00");
        browser.navigateBy(By.cssSelector("form.stack button[type=submit]"));
        browser.navigateBy(By.cssSelector("a[href$='/reverse']"));
        browser.checkPage();
        // A customer of her own for Ada.
        browser.get(BASE + "/console/customers/new");
        browser.type("f-name", "Ada Lovelace " + RUN);
        browser.type("f-email", ADA);
        browser.type("f-serviceAddress", "12 St James's Square");
        browser.type("f-postcode", "SW1Y 4JH");
        browser.navigateBy(By.cssSelector("form.stack button[type=submit]"));
        browser.navigateBy(By.cssSelector("a[href^='/console/accounts/']"));
        String adaAccountPage = browser.path();
        adaInvoice = JourneySteps.issueBill(browser, adaAccountPage, "Water, June", "23.50");
        JourneySteps.issueBill(browser, adaAccountPage, "Water, July", "24.10");
        adaAccount = JourneyUsers.queryOne(
                "select a.number from account a join customer c on c.id = a.customer_id where c.email = ?", ADA);

        // What is not there, and what a clerk may not open.
        browser.get(BASE + "/console/invoices/999999999");
        assertThat(browser.status()).isEqualTo(404);
        browser.checkPage();
        browser.get(BASE + "/console/settings");
        assertThat(browser.status()).isEqualTo(403);
        browser.checkPage();
        browser.signOut();
    }

    @Test
    @Order(6)
    void theCustomerReachesEveryPortalPage() throws Exception {
        browser.signIn(CUSTOMER);
        browser.get(BASE + "/portal/payments");
        browser.checkPage();
        browser.get(BASE + "/portal/settings");
        browser.checkPage();
        browser.navigateBy(By.cssSelector("a[href$='/remove']"));
        assertThat(browser.path()).matches("/portal/settings/methods/\\d+/remove");
        browser.checkPage();

        // A card the processor declines, added in the settings: the settings again, saying why.
        browser.get(BASE + "/portal/settings");
        browser.navigateBy(By.cssSelector("a[href='/portal/settings/methods/new?kind=card']"));
        JourneySteps.payOnSandbox(browser, "4000000000000002");
        assertThat(browser.status()).isEqualTo(402);
        browser.checkPage();

        // Paying May's bill: a declined card brings the pay form back with the reason; a bank
        // debit then waits for the bank.
        browser.get(BASE + "/portal/pay");
        browser.find(By.id("m-new-card")).click();
        browser.navigateBy(By.id("pay-button"));
        JourneySteps.payOnSandbox(browser, "4000000000000002");
        assertThat(browser.path()).isEqualTo("/portal/pay/return");
        assertThat(browser.status()).isEqualTo(402);
        browser.checkPage();
        browser.find(By.id("m-new-bank")).click();
        browser.navigateBy(By.id("pay-button"));
        browser.type("f-number", "000222222227");
        browser.navigateBy(By.cssSelector("form[action='/sandbox/checkout'] button"));
        assertThat(browser.path()).startsWith("/portal/pay/pending/");
        browser.checkPage();

        // A new sign-in address: the link in the e-mail to it opens what will change.
        browser.get(BASE + "/portal/profile");
        browser.type("f-email", "grace.new-" + RUN + "@example.com");
        browser.type("f-email-current", JourneyUsers.PASSWORD);
        browser.navigateBy(By.cssSelector("form[action='/portal/profile/email'] button[type=submit]"));
        browser.get(JourneyUsers.mailedLink("grace.new-" + RUN + "@example.com", "/email-change"));
        assertThat(browser.status()).isEqualTo(200);
        browser.checkPage();

        // A customer opening the console is told it is not for them.
        browser.get(BASE + "/console");
        assertThat(browser.status()).isEqualTo(403);
        browser.checkPage();
        browser.signOut();
    }

    @Test
    @Order(7)
    void signedOutAPersonResetsAPasswordPaysAsAGuestAndRegisters() throws Exception {
        browser.driver().manage().deleteAllCookies();
        browser.get(BASE + "/");
        browser.navigateBy(By.cssSelector("a[href='/password/forgot']"));
        browser.checkPage();
        browser.type("f-email", CUSTOMER);
        browser.navigateBy(By.cssSelector("form[action='/password/forgot'] button[type=submit]"));
        browser.checkPage();
        browser.get(JourneyUsers.mailedLink(CUSTOMER, "/password/reset"));
        assertThat(browser.status()).isEqualTo(200);
        browser.checkPage();

        // Ada pays as a guest with autopay, which mails her a link to manage it; her next bill
        // with a card that is declined.
        browser.get(BASE + "/guest");
        browser.type("f-accountNumber", adaAccount);
        browser.type("f-postcode", "SW1Y 4JH");
        browser.navigateBy(By.cssSelector("form[action='/guest'] button"));
        browser.find(By.cssSelector("input[name=invoice]")).click();
        browser.find(By.id("f-autopay")).click();
        browser.type("f-email", ADA);
        browser.navigateBy(By.cssSelector("form[action='/guest/pay'] button[type=submit]"));
        JourneySteps.payOnSandbox(browser, "4242424242424242");
        assertThat(browser.path()).startsWith("/guest/receipts/");
        browser.get(BASE + "/guest");
        browser.type("f-accountNumber", adaAccount);
        browser.type("f-postcode", "SW1Y 4JH");
        browser.navigateBy(By.cssSelector("form[action='/guest'] button"));
        browser.navigateBy(By.cssSelector("form[action='/guest/pay'] button[type=submit]"));
        JourneySteps.payOnSandbox(browser, "4000000000000002");
        assertThat(browser.path()).isEqualTo("/guest/pay/return");
        assertThat(browser.status()).isEqualTo(402);
        browser.checkPage();
        browser.get(JourneyUsers.mailedLink(ADA, "/guest/autopay"));
        assertThat(browser.status()).isEqualTo(200);
        browser.checkPage();
        // The link a notice before a debit carries, to pay that bill another way.
        String invoiceId = JourneyUsers.queryOne("select id from invoice where number = ?", adaInvoice);
        browser.get(
                BASE + "/guest/autopay/skip?link=" + SignedLinks.sign("autopay-skip", invoiceId, Duration.ofDays(1)));
        assertThat(browser.status()).isEqualTo(200);
        browser.checkPage();

        // Registering with the account number and the bill's number: a link to set a password.
        browser.get(BASE + "/");
        browser.navigateBy(By.cssSelector("a[href='/register']"));
        browser.checkPage();
        browser.type("f-accountNumber", adaAccount);
        browser.type("f-billFact", adaInvoice);
        browser.type("f-email", ADA);
        browser.navigateBy(By.cssSelector("form[action='/register'] button[type=submit]"));
        browser.checkPage();
        browser.get(JourneyUsers.mailedLink(ADA, "/invitation"));
        assertThat(browser.status()).isEqualTo(200);
        browser.checkPage();

        // Links that are used, expired or made up say so, and how to get a new one.
        for (String dead : List.of(
                "/password/reset?link=made-up",
                "/email-change?link=made-up",
                "/invitation?link=made-up",
                "/guest/autopay?link=made-up",
                "/guest/autopay/skip?link=made-up")) {
            browser.get(BASE + dead);
            assertThat(browser.status()).as(dead).isGreaterThanOrEqualTo(400);
            browser.checkPage();
        }
    }

    @Test
    @Order(100)
    void everyPageTheApplicationServesWasChecked() {
        Set<String> routes = ROUTES.templates();
        assertThat(NOT_PAGES.keySet()).as("routes said not to be pages").isSubsetOf(routes);
        Set<String> pages = new TreeSet<>(routes);
        pages.removeAll(NOT_PAGES.keySet());
        pages.addAll(OTHER_PAGES);
        Set<String> unchecked = new TreeSet<>(pages);
        unchecked.removeAll(browser.checked());
        assertThat(unchecked)
                .as("pages no journey checked, of %s checked", browser.checked())
                .isEmpty();
    }
}
