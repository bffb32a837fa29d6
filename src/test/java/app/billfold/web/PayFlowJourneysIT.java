package app.billfold.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.support.AxeCheckedBrowser;
import app.billfold.support.BrowserAppConfig;
import app.billfold.support.JourneySteps;
import app.billfold.support.JourneyUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

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

    static AxeCheckedBrowser browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        JourneyUsers.insert(CLERK, "CLERK", null);
        browser = AxeCheckedBrowser.start(AxeCheckedBrowser.DESKTOP);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theTotalFollowsTheBillsChosenAndTheAmountTypedUpToTheProcessorsPage() throws Exception {
        String email = "olive-" + RUN + "@example.com";
        newCustomerWithBills("Olive " + RUN, email, "40.00", "3.71");
        JourneyUsers.insert(email, "CUSTOMER", email);
        browser.signIn(email);
        browser.navigateBy(By.partialLinkText("Pay account"));
        browser.checkPage();
        assertThat(total()).isEqualTo("€43.71");
        assertThat(payButton()).isEqualTo("Pay €43.71");

        List<WebElement> bills = browser.findAll(By.name("invoice"));
        bills.get(1).click();
        assertThat(total()).isEqualTo("€40.00");
        assertThat(payButton()).isEqualTo("Pay €40.00");
        browser.find(By.id("f-amount")).sendKeys("12,5");
        assertThat(payButton()).isEqualTo("Pay €12.50");
        // More than the chosen bills owe: the button promises no amount.
        browser.find(By.id("f-amount")).clear();
        browser.find(By.id("f-amount")).sendKeys("1000");
        assertThat(payButton()).isEqualTo("Pay");
        browser.find(By.id("f-amount")).clear();
        browser.find(By.id("f-amount")).sendKeys("12.50");
        assertThat(payButton()).isEqualTo("Pay €12.50");

        browser.navigateBy(By.id("pay-button"));
        assertThat(browser.url()).contains("/sandbox/checkout");
        assertThat(browser.find(By.cssSelector("dl.facts")).getText()).contains("€12.50");
        assertThat(browser.find(By.cssSelector("form[action='/sandbox/checkout'] button"))
                        .getText())
                .isEqualTo("Pay €12.50");
        browser.checkPage();
        browser.navigateBy(By.linkText("Cancel and go back"));
        assertThat(browser.url()).contains("/portal/pay?account=");
        assertThat(payButton()).isEqualTo("Pay €43.71");
        browser.signOut();
    }

    @Test
    @Order(2)
    void onAPhoneABillIsPaidWithAutopayAndPaperlessInFourActionsPlusTheCard() throws Exception {
        String email = "piet-" + RUN + "@example.com";
        newCustomerWithBills("Piet " + RUN, email, "27.69");
        JourneyUsers.insert(email, "CUSTOMER", email);
        browser.resize(AxeCheckedBrowser.PHONE);
        try {
            browser.signIn(email);
            assertThat(browser.url()).endsWith("/portal");
            browser.checkPage();
            int actions = 0;

            browser.navigateBy(By.partialLinkText("Pay account"));
            actions++;
            browser.checkPage();
            tick("f-autopay");
            actions++;
            tick("f-paperless");
            actions++;
            assertThat(payButton()).isEqualTo("Pay €27.69");
            browser.navigateBy(By.id("pay-button"));
            actions++;

            // The processor's page: only the card's fields and its button.
            assertThat(browser.url()).contains("/sandbox/checkout");
            browser.checkPage();
            JourneySteps.payOnSandbox(browser, "4242 4242 4242 4242");

            assertThat(browser.url()).contains("/portal/receipts/");
            assertThat(browser.find(By.cssSelector(".notice")).getText()).isEqualTo("Thank you: €27.69 received.");
            assertThat(browser.source()).contains("Autopay is on");
            assertThat(browser.find(By.cssSelector("input[name=paperless]")).isSelected())
                    .isTrue();
            browser.checkPage();
            assertThat(actions)
                    .as("actions from the home page to paid, autopay and paperless")
                    .isLessThanOrEqualTo(4);
            browser.signOut();
        } finally {
            browser.resize(AxeCheckedBrowser.DESKTOP);
        }
    }

    /** A clerk creates the customer (on paper) with one account and issues a bill of each amount. */
    private static void newCustomerWithBills(String name, String email, String... amounts) {
        browser.signIn(CLERK);
        browser.get(BASE + "/console/customers/new");
        browser.find(By.id("f-name")).sendKeys(name);
        browser.find(By.id("f-email")).sendKeys(email);
        browser.find(By.id("f-serviceAddress")).sendKeys("1 Navy Yard");
        browser.find(By.id("f-postcode")).sendKeys("20374");
        browser.navigateBy(By.cssSelector("form.stack button[type=submit]"));
        browser.navigateBy(By.cssSelector("a[href^='/console/accounts/']"));
        String account = browser.path();
        for (String amount : amounts) {
            JourneySteps.issueBill(browser, account, "Water", amount);
        }
        browser.signOut();
    }

    private static String total() {
        return browser.find(By.id("pay-total")).getText();
    }

    private static String payButton() {
        return browser.find(By.id("pay-button")).getText();
    }

    /** Ticks a checkbox the way a finger does: on its label, which must be in view. */
    private static void tick(String id) {
        WebElement label = browser.find(By.cssSelector("label[for='" + id + "']"));
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", label);
        label.click();
        assertThat(browser.find(By.id(id)).isSelected()).isTrue();
    }
}
