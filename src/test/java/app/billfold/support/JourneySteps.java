package app.billfold.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.By;

/** Steps several browser journeys take on the way to the pages they are about. */
public final class JourneySteps {

    private JourneySteps() {}

    /** A clerk issues a one-line bill on the account page given (after its confirmation); its number. */
    public static String issueBill(AxeCheckedBrowser browser, String accountPage, String description, String amount) {
        browser.get(TestPorts.app() + accountPage);
        browser.navigateBy(By.linkText("New invoice"));
        browser.type("l-description-0", description);
        browser.type("l-quantity-0", "1");
        browser.type("l-unitPrice-0", amount);
        browser.navigateBy(By.cssSelector("button[value=issue]"));
        // Issuing asks for confirmation on a page that shows what will be sent.
        browser.navigateBy(By.cssSelector("form[action$='/issue'] button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).isEqualTo("Invoice issued.");
        return browser.heading().substring("Invoice ".length());
    }

    /** On the sandbox's card page: the card number (a test number), an expiry and a CVC, then pay. */
    public static void payOnSandbox(AxeCheckedBrowser browser, String cardNumber) {
        assertThat(browser.path())
                .as(
                        "on the way to the sandbox's page: %s",
                        browser.find(By.tagName("main")).getText())
                .isEqualTo("/sandbox/checkout");
        browser.type("f-number", cardNumber);
        browser.type("f-expMonth", "12");
        browser.type("f-expYear", "2030");
        browser.type("f-cvc", "123");
        browser.navigateBy(By.cssSelector("form[action='/sandbox/checkout'] button"));
    }
}
