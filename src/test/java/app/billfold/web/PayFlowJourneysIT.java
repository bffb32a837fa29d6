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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The pay flow as a person meets it, in headless Chromium against the packaged application: the
 * amount always in view (a running total and the amount on the button, the processor's page with
 * amount, payee and a way back), and on a phone, the actions it takes from the portal's home to
 * "bill paid, autopay on, paperless on". axe-core checks every page visited.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = BrowserAppConfig.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayFlowJourneysIT {

    static final String BASE = app.billfold.support.TestPorts.app();
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String CLERK = "payclerk-" + RUN + "@billfold.test";
    static final String PASSWORD = "journey-password";
    static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
    static final Dimension DESKTOP = new Dimension(1280, 1000);
    /** The phone the issue was tried on. */
    static final Dimension PHONE = new Dimension(390, 844);

    static WebDriver browser;

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
    void theTotalFollowsTheBillsChosenAndTheAmountTypedUpToTheProcessorsPage() throws Exception {
        String email = "olive-" + RUN + "@example.com";
        newCustomerWithBills("Olive " + RUN, email, "40.00", "3.71");
        insertUser(email, "CUSTOMER", email);
        signIn(email);
        navigateBy(By.partialLinkText("Pay account"));
        checkPage();
        assertThat(total()).isEqualTo("€43.71");
        assertThat(payButton()).isEqualTo("Pay €43.71");

        List<WebElement> bills = browser.findElements(By.name("invoice"));
        bills.get(1).click();
        assertThat(total()).isEqualTo("€40.00");
        assertThat(payButton()).isEqualTo("Pay €40.00");
        browser.findElement(By.id("f-amount")).sendKeys("12,5");
        assertThat(payButton()).isEqualTo("Pay €12.50");
        // More than the chosen bills owe: the button promises no amount.
        browser.findElement(By.id("f-amount")).clear();
        browser.findElement(By.id("f-amount")).sendKeys("1000");
        assertThat(payButton()).isEqualTo("Pay");
        browser.findElement(By.id("f-amount")).clear();
        browser.findElement(By.id("f-amount")).sendKeys("12.50");
        assertThat(payButton()).isEqualTo("Pay €12.50");

        navigateBy(By.id("pay-button"));
        assertThat(browser.getCurrentUrl()).contains("/sandbox/checkout");
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("€12.50");
        assertThat(browser.findElement(By.cssSelector("form[action='/sandbox/checkout'] button"))
                        .getText())
                .isEqualTo("Pay €12.50");
        checkPage();
        navigateBy(By.linkText("Cancel and go back"));
        assertThat(browser.getCurrentUrl()).contains("/portal/pay?account=");
        assertThat(payButton()).isEqualTo("Pay €43.71");
        signOut();
    }

    @Test
    @Order(2)
    void onAPhoneABillIsPaidWithAutopayAndPaperlessInFourActionsPlusTheCard() throws Exception {
        String email = "piet-" + RUN + "@example.com";
        newCustomerWithBills("Piet " + RUN, email, "27.69");
        insertUser(email, "CUSTOMER", email);
        browser.manage().window().setSize(PHONE);
        try {
            signIn(email);
            assertThat(browser.getCurrentUrl()).endsWith("/portal");
            checkPage();
            int actions = 0;

            navigateBy(By.partialLinkText("Pay account"));
            actions++;
            checkPage();
            tick("f-autopay");
            actions++;
            tick("f-paperless");
            actions++;
            assertThat(payButton()).isEqualTo("Pay €27.69");
            navigateBy(By.id("pay-button"));
            actions++;

            // The processor's page: only the card's fields and its button.
            assertThat(browser.getCurrentUrl()).contains("/sandbox/checkout");
            checkPage();
            browser.findElement(By.id("f-number")).sendKeys("4242 4242 4242 4242");
            browser.findElement(By.id("f-expMonth")).sendKeys("12");
            browser.findElement(By.id("f-expYear")).sendKeys("2030");
            browser.findElement(By.id("f-cvc")).sendKeys("123");
            navigateBy(By.cssSelector("form[action='/sandbox/checkout'] button"));

            assertThat(browser.getCurrentUrl()).contains("/portal/receipts/");
            assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                    .isEqualTo("Thank you: €27.69 received.");
            assertThat(browser.getPageSource()).contains("Autopay is on");
            assertThat(browser.findElement(By.cssSelector("input[name=paperless]"))
                            .isSelected())
                    .isTrue();
            checkPage();
            assertThat(actions)
                    .as("actions from the home page to paid, autopay and paperless")
                    .isLessThanOrEqualTo(4);
            signOut();
        } finally {
            browser.manage().window().setSize(DESKTOP);
        }
    }

    /** A clerk creates the customer (on paper) with one account and issues a bill of each amount. */
    private static void newCustomerWithBills(String name, String email, String... amounts) {
        signIn(CLERK);
        browser.get(BASE + "/console/customers/new");
        browser.findElement(By.id("f-name")).sendKeys(name);
        browser.findElement(By.id("f-email")).sendKeys(email);
        browser.findElement(By.id("f-serviceAddress")).sendKeys("1 Navy Yard");
        browser.findElement(By.id("f-postcode")).sendKeys("20374");
        navigateBy(By.cssSelector("form.stack button[type=submit]"));
        navigateBy(By.cssSelector("a[href^='/console/accounts/']"));
        String account = browser.getCurrentUrl();
        for (String amount : amounts) {
            browser.get(account);
            navigateBy(By.linkText("New invoice"));
            browser.findElement(By.id("l-description-0")).sendKeys("Water");
            browser.findElement(By.id("l-quantity-0")).sendKeys("1");
            browser.findElement(By.id("l-unitPrice-0")).sendKeys(amount);
            navigateBy(By.cssSelector("button[value=issue]"));
            // Issuing asks for confirmation on a page that shows what will be sent.
            navigateBy(By.cssSelector("form[action$='/issue'] button[type=submit]"));
            assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Invoice issued.");
        }
        signOut();
    }

    private static String total() {
        return browser.findElement(By.id("pay-total")).getText();
    }

    private static String payButton() {
        return browser.findElement(By.id("pay-button")).getText();
    }

    /** Ticks a checkbox the way a finger does: on its label, which must be in view. */
    private static void tick(String id) {
        WebElement label = browser.findElement(By.cssSelector("label[for='" + id + "']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", label);
        label.click();
        assertThat(browser.findElement(By.id(id)).isSelected()).isTrue();
    }

    private static void signIn(String email) {
        browser.manage().deleteAllCookies();
        browser.get(BASE + "/");
        browser.findElement(By.id("f-email")).sendKeys(email);
        browser.findElement(By.id("f-password")).sendKeys(PASSWORD);
        navigateBy(By.cssSelector("form[action='/login'] button"));
    }

    private static void signOut() {
        browser.manage().deleteAllCookies();
        browser.get(BASE + "/");
        assertThat(browser.findElement(By.id("f-email")).isDisplayed()).isTrue();
    }

    /** Clicks a link or button and waits until the next page has replaced this one. */
    private static void navigateBy(By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        WebElement element = browser.findElement(target);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** axe-core finds no serious or critical violation, and nothing is wider than the window. */
    private static void checkPage() {
        Number inner = (Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
        Number scroll =
                (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        assertThat(scroll.intValue())
                .as("width of %s at %s px", browser.getCurrentUrl(), inner)
                .isLessThanOrEqualTo(inner.intValue());
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
        assertThat(blocking).as("accessibility of %s", browser.getCurrentUrl()).isEmpty();
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
