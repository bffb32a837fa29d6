package app.billfold.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.support.BrowserAppConfig;
import app.billfold.support.PostgresTestDatabase;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

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
    static final String PASSWORD = "journey-password";
    static final Set<String> BLOCKING_IMPACTS = Set.of("moderate", "serious", "critical");
    /** The narrowest phone the portal promises to fit without sideways scrolling. */
    static final Dimension PHONE = new Dimension(360, 780);

    static WebDriver browser;
    static final List<String> visited = new ArrayList<>();
    static String invoiceNumber;

    @BeforeAll
    static void startBrowser() throws Exception {
        insertUser(CLERK, "CLERK", null);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(env("CHROME_BIN", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1000",
                "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(env("CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void aClerkCreatesACustomerAndIssuesAnInvoice() {
        signIn(CLERK);
        // The console opens on its home: today's figures, each a link to its list.
        assertThat(browser.getCurrentUrl()).endsWith("/console");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Today");
        checkPage();
        navigateBy(By.cssSelector("a[href='/console/invoices?due=overdue']"));
        checkPage();

        navigateBy(By.linkText("New customer"));
        checkPage();
        // First without the required fields: the form comes back with errors tied to their fields.
        browser.findElement(By.id("f-name")).sendKeys("Grace Hopper " + RUN);
        navigateBy(By.cssSelector("form.stack button[type=submit]"));
        assertThat(browser.findElement(By.id("e-email")).getText()).isEqualTo("Please fill this in.");
        assertThat(browser.findElement(By.id("f-email")).getAttribute("aria-describedby"))
                .isEqualTo("e-email");
        checkPage();

        browser.findElement(By.id("f-email")).sendKeys(CUSTOMER);
        browser.findElement(By.id("f-serviceAddress")).sendKeys("1 Navy Yard");
        browser.findElement(By.id("f-postcode")).sendKeys("20374");
        navigateBy(By.cssSelector("form.stack button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Customer created.");
        checkPage();

        // A note on the customer, as a clerk on the phone writes it.
        browser.findElement(By.id("f-note")).sendKeys("Asked for paper bills");
        navigateBy(By.cssSelector("form[action$='/notes'] button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Note added.");
        assertThat(browser.findElement(By.cssSelector("ul.notes")).getText()).contains("Asked for paper bills");
        checkPage();

        navigateBy(By.cssSelector("a[href^='/console/accounts/']"));
        assertThat(browser.getPageSource()).contains("Paper: bills are printed and posted.");
        checkPage();
        navigateBy(By.linkText("New invoice"));
        checkPage();
        browser.findElement(By.id("l-description-0")).sendKeys("Water, March");
        browser.findElement(By.id("l-quantity-0")).sendKeys("12.5");
        browser.findElement(By.id("l-unitPrice-0")).sendKeys("2.10");
        browser.findElement(By.id("l-taxRate-0")).clear();
        browser.findElement(By.id("l-taxRate-0")).sendKeys("5.5");
        // The running total follows what is typed: 12.5 x 2.10 = 26.25, plus 5.5 % VAT.
        assertThat(browser.findElement(By.cssSelector("#draft-total output")).getText())
                .isEqualTo("€27.69");
        navigateBy(By.cssSelector("button[value=issue]"));
        // Nothing is numbered before the clerk has seen what will be issued.
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Issue this bill?");
        checkPage();
        navigateBy(By.cssSelector("form[action$='/issue'] button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Invoice issued.");
        String heading = browser.findElement(By.tagName("h1")).getText();
        assertThat(heading).startsWith("Invoice ");
        invoiceNumber = heading.substring("Invoice ".length());
        assertThat(browser.getPageSource()).contains("€27.69");
        checkPage();

        navigateBy(By.linkText("Record a payment"));
        checkPage();
        navigateBy(By.linkText("Autopay"));
        checkPage();
        navigateBy(By.linkText("Messages"));
        checkPage();
        // Grace's account is on paper: her bill waits in the print queue.
        navigateBy(By.linkText("Print queue"));
        assertThat(browser.getPageSource()).contains(invoiceNumber);
        checkPage();
        navigateBy(By.linkText("Billing"));
        assertThat(browser.getPageSource()).contains("Run billing now");
        checkPage();
        navigateBy(By.linkText("Aging"));
        assertThat(browser.getPageSource()).contains("Not yet due");
        checkPage();
        navigateBy(By.linkText("Adoption"));
        assertThat(browser.findElements(By.tagName("svg"))).isNotEmpty();
        checkPage();
        navigateBy(By.linkText("Audit trail"));
        assertThat(browser.getPageSource()).contains("invoice.issue");
        checkPage();
        navigateBy(By.linkText("E-invoices for a period"));
        checkPage();
        signOut();
    }

    @Test
    @Order(2)
    void theCustomerSignsInFindsTheBillAndItsPdf() throws Exception {
        insertUser(CUSTOMER, "CUSTOMER", CUSTOMER);
        browser.get(BASE + "/");
        checkPage();
        signIn(CUSTOMER);
        assertThat(browser.getCurrentUrl()).endsWith("/portal");
        assertThat(browser.findElement(By.cssSelector(".summary .big")).getText())
                .isEqualTo("€27.69");
        checkPage();

        navigateBy(By.linkText("My bills"));
        checkPage();
        navigateBy(By.linkText(invoiceNumber));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Invoice " + invoiceNumber);
        assertThat(browser.findElement(By.cssSelector(".totals .strong td")).getText())
                .isEqualTo("€27.69");
        checkPage();

        String pdfHref = browser.findElement(By.linkText("Download PDF")).getAttribute("href");
        String invoicePage = browser.getCurrentUrl();
        assertThat(pdfHref).endsWith("/portal/invoices/" + invoiceNumber + ".pdf");
        Cookie session = browser.manage().getCookieNamed("billfold-session");
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
        navigateBy(By.linkText("Pay this bill"));
        checkPage();
        assertThat(browser.findElement(By.id("f-autopay")).isSelected()).isFalse();
        browser.findElement(By.id("f-autopay")).click();
        navigateBy(By.cssSelector("form[action='/portal/pay'] button[type=submit]"));
        assertThat(browser.getCurrentUrl()).contains("/sandbox/checkout");
        checkPage();
        browser.findElement(By.id("f-number")).sendKeys("4242 4242 4242 4242");
        browser.findElement(By.id("f-expMonth")).sendKeys("12");
        browser.findElement(By.id("f-expYear")).sendKeys("2030");
        browser.findElement(By.id("f-cvc")).sendKeys("123");
        navigateBy(By.cssSelector("form[action='/sandbox/checkout'] button"));
        assertThat(browser.getCurrentUrl()).contains("/portal/receipts/");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Thank you: €27.69 received.");
        assertThat(browser.getPageSource()).contains("Autopay is on");
        checkPage();
        browser.get(invoicePage);
        assertThat(browser.findElement(By.cssSelector(".totals .strong td")).getText())
                .isEqualTo("€0.00");

        new Select(browser.findElement(By.id("lang-switch"))).selectByValue("fr");
        navigateBy(By.cssSelector("form[action='/language'] button"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.findElement(By.cssSelector(".totals .strong th")).getText())
                .isEqualTo("Reste à payer");
        checkPage();

        // SMS: choosing it asks for the number and the consent, in one form.
        navigateBy(By.linkText("Notifications"));
        checkPage();
        browser.findElement(By.id("n-sms")).click();
        browser.findElement(By.id("f-phone")).sendKeys("06 12 34 56 78");
        navigateBy(By.cssSelector("form[action='/portal/preferences'] button[type=submit]"));
        assertThat(browser.findElement(By.id("e-smsConsent")).getText()).startsWith("Cochez la case");
        checkPage();
        browser.findElement(By.id("f-smsConsent")).click();
        navigateBy(By.cssSelector("form[action='/portal/preferences'] button[type=submit]"));
        assertThat(browser.getPageSource()).contains("+33612345678");
        checkPage();

        // The profile, another account from a bill, and a statement with its running balance.
        navigateBy(By.linkText("Votre profil"));
        checkPage();
        navigateBy(By.linkText("Ajouter un autre compte"));
        checkPage();
        browser.get(BASE + "/portal");
        navigateBy(By.partialLinkText("Relevé du compte"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Relevé du compte");
        assertThat(browser.getPageSource()).contains(invoiceNumber);
        checkPage();
        signOut();
    }

    @Test
    @Order(3)
    void anAdminKeepsTheBillerSettingsValid() throws Exception {
        String admin = "admin-" + RUN + "@billfold.test";
        insertUser(admin, "ADMIN", null);
        // The customer before chose French in this browser; the admin reads English.
        browser.manage().deleteCookieNamed("billfold-lang");
        signIn(admin);
        navigateBy(By.linkText("Biller settings"));
        checkPage();
        WebElement legalName = browser.findElement(By.id("f-legalName"));
        legalName.clear();
        navigateBy(By.cssSelector("form.stack button[type=submit]"));
        assertThat(browser.findElement(By.id("e-legalName")).getText()).isEqualTo("Please fill this in.");
        checkPage();
        navigateBy(By.linkText("E-invoicing"));
        checkPage();
        WebElement vatId = browser.findElement(By.id("f-vatId"));
        vatId.clear();
        vatId.sendKeys("12345");
        navigateBy(By.cssSelector("form.stack button[type=submit]"));
        assertThat(browser.findElement(By.id("e-vatId")).getText()).startsWith("Enter a VAT number");
        assertThat(browser.findElement(By.id("f-vatId")).getAttribute("aria-describedby"))
                .isEqualTo("e-vatId");
        checkPage();
        navigateBy(By.linkText("Staff"));
        assertThat(browser.getPageSource()).contains(admin);
        checkPage();
        signOut();
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
        signIn(CLERK);
        browser.get(BASE + "/console/customers?q=" + accountNumber);
        navigateBy(By.partialLinkText("Grace Hopper"));
        navigateBy(By.cssSelector("a[href^='/console/accounts/']"));
        navigateBy(By.linkText("New invoice"));
        browser.findElement(By.id("l-description-0")).sendKeys("Water, April");
        browser.findElement(By.id("l-quantity-0")).sendKeys("1");
        browser.findElement(By.id("l-unitPrice-0")).sendKeys("19.90");
        navigateBy(By.cssSelector("button[value=issue]"));
        navigateBy(By.cssSelector("form[action$='/issue'] button[type=submit]"));
        signOut();

        navigateBy(By.linkText("Pay without signing in"));
        checkPage();
        browser.findElement(By.id("f-accountNumber")).sendKeys(accountNumber);
        browser.findElement(By.id("f-postcode")).sendKeys("20374");
        navigateBy(By.cssSelector("form[action='/guest'] button"));
        checkPage();
        // Grace turned autopay on herself: whoever holds her paper bill may pay, not change that.
        assertThat(browser.findElements(By.id("f-autopay"))).isEmpty();
        assertThat(browser.getPageSource()).contains("This account already pays its bills automatically");
        browser.findElement(By.id("f-email")).sendKeys("grace.guest@example.com");
        navigateBy(By.cssSelector("form[action='/guest/pay'] button[type=submit]"));
        checkPage();
        browser.findElement(By.id("f-number")).sendKeys("4242424242424242");
        browser.findElement(By.id("f-expMonth")).sendKeys("12");
        browser.findElement(By.id("f-expYear")).sendKeys("2030");
        browser.findElement(By.id("f-cvc")).sendKeys("123");
        navigateBy(By.cssSelector("form[action='/sandbox/checkout'] button"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Thank you: €19.90 received.");
        checkPage();
    }

    @Test
    @Order(5)
    void everyVisitedPageWasChecked() {
        assertThat(visited).hasSize(42);
    }

    private static void signIn(String email) {
        browser.get(BASE + "/");
        browser.findElement(By.id("f-email")).sendKeys(email);
        browser.findElement(By.id("f-password")).sendKeys(PASSWORD);
        navigateBy(By.cssSelector("form[action='/login'] button"));
    }

    private static void signOut() {
        navigateBy(By.cssSelector("form[action='/logout'] button"));
        assertThat(browser.findElement(By.id("f-email")).isDisplayed()).isTrue();
    }

    /** Clicks a link or button and waits until the next page has replaced this one. */
    private static void navigateBy(By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        // The old page is gone once its root element can no longer be asked anything. Chromedriver
        // reports that either as a stale element or as a node outside the document.
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Runs axe-core on the current page and fails on moderate, serious or critical violations. Portal, guest
     * and sign-in pages are checked again on a phone-size window, where nothing may stick out sideways.
     */
    private static void checkPage() {
        checkAccessibility();
        if (!browser.getCurrentUrl().contains("/console")) {
            Dimension before = browser.manage().window().getSize();
            browser.manage().window().setSize(PHONE);
            try {
                assertFitsTheWindow();
                checkAccessibility();
            } finally {
                browser.manage().window().setSize(before);
            }
        }
        visited.add(browser.getCurrentUrl());
    }

    /** Nothing wider than the window: no sideways scrolling. */
    private static void assertFitsTheWindow() {
        Number inner = (Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
        Number scroll =
                (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        assertThat(inner.intValue()).as("a phone-size window").isLessThanOrEqualTo(400);
        assertThat(scroll.intValue())
                .as("width of %s at %s px", browser.getCurrentUrl(), inner)
                .isLessThanOrEqualTo(inner.intValue());
    }

    private static void checkAccessibility() {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(browser);
        List<String> blocking = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (BLOCKING_IMPACTS.contains(rule.getImpact())) {
                blocking.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .toList());
            }
        }
        assertThat(blocking)
                .as(
                        "accessibility of %s at %s",
                        browser.getCurrentUrl(), browser.manage().window().getSize())
                .isEmpty();
        assertThat(results.getUrl()).isNotBlank();
    }

    private static void insertUser(String email, String role, String customerEmail) throws Exception {
        try (Connection c = PostgresTestDatabase.connect()) {
            Long customerId = null;
            if (customerEmail != null) {
                try (PreparedStatement q = c.prepareStatement("select id from customer where email = ?")) {
                    q.setString(1, customerEmail);
                    try (ResultSet rs = q.executeQuery()) {
                        assertThat(rs.next())
                                .as("customer %s exists", customerEmail)
                                .isTrue();
                        customerId = rs.getLong(1);
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into app_user (email, password_hash, role, customer_id, enabled, created_at) "
                            + "values (?, ?, ?, ?, true, now())")) {
                insert.setString(1, email);
                insert.setString(2, BcryptUtil.bcryptHash(PASSWORD));
                insert.setString(3, role);
                insert.setObject(4, customerId);
                insert.executeUpdate();
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
