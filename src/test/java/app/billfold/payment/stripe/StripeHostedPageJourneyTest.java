package app.billfold.payment.stripe;

import static app.billfold.support.StripeStandIn.checkoutSession;
import static app.billfold.support.StripeStandIn.form;
import static app.billfold.support.StripeStandIn.paymentIntent;
import static app.billfold.support.StripeStandIn.requests;
import static app.billfold.support.StripeStandIn.stub;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.invoice.Invoices;
import app.billfold.payment.LedgerCheck;
import app.billfold.support.AxeCheckedBrowser;
import app.billfold.support.StripeProfile;
import app.billfold.support.StripeStandIn;
import app.billfold.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A guest pays a bill in a real browser (Chromium) through a stand-in of Stripe's hosted Checkout
 * page: Billfold opens the session and sends the browser there; the stand-in page (served by the
 * Stripe stand-in) takes a card number and redirects back to the session's success_url, as
 * Checkout does; Billfold reads the session from Stripe and shows the receipt.
 */
@QuarkusTest
@TestProfile(StripeProfile.class)
class StripeHostedPageJourneyTest {

    @Inject
    TestData data;

    @Inject
    Invoices invoices;

    @Inject
    LedgerCheck ledger;

    @TestHTTPResource("/")
    URL app;

    WebDriver browser;

    @BeforeEach
    void startBrowser() {
        StripeStandIn.server().resetAll();
        browser = AxeCheckedBrowser.start(AxeCheckedBrowser.DESKTOP).driver();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aGuestPaysThroughTheHostedPageAndComesBackToTheReceipt() {
        var customer = data.aCustomer().named("guestjourney").create();
        Invoice invoice = data.anInvoice(customer.account())
                .withLine("Water", "1", "27.40", "0")
                .issue();
        String standIn = StripeStandIn.server().baseUrl();
        String pageUrl = standIn + "/c/pay/cs_test_journey";
        stub(
                post(urlPathEqualTo("/v1/checkout/sessions")),
                200,
                checkoutSession("cs_test_journey", "open", "unpaid", "k", 2740, null)
                        .replace("\"https://checkout.stripe.com/c/pay/cs_test_journey\"", "\"" + pageUrl + "\""));
        // The stand-in of Checkout's page: a card form that posts back to the stand-in.
        StripeStandIn.server()
                .stubFor(get(urlPathEqualTo("/c/pay/cs_test_journey"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "text/html; charset=utf-8")
                                .withBody("""
                                        <!doctype html><html lang="en"><head><title>Pay Riverside</title></head>
                                        <body><h1>Stand-in Checkout</h1>
                                        <form method="post" action="/c/pay/cs_test_journey">
                                        <label for="card">Card number</label><input id="card" name="card">
                                        <button type="submit" id="pay">Pay</button></form></body></html>""")));

        browser.get(app + "guest");
        browser.findElement(By.id("f-accountNumber")).sendKeys(customer.account().number);
        browser.findElement(By.id("f-postcode")).sendKeys(customer.account().postcode);
        browser.findElement(By.cssSelector("form[action='/guest'] button[type=submit]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .withMessage(() -> "still on " + browser.getCurrentUrl() + ": " + browser.getPageSource())
                .until(b -> b.getCurrentUrl().contains("/guest/pay"));
        browser.findElement(By.cssSelector("form[action='/guest/pay'] button[type=submit]"))
                .click();

        // On the processor's page now, not Billfold's: the card number is typed there only.
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .withMessage(() -> "still on " + browser.getCurrentUrl() + ": " + browser.getPageSource())
                .until(b -> b.getCurrentUrl().startsWith(pageUrl));
        Map<String, String> opened =
                form(requests("POST", "/v1/checkout/sessions").get(0));
        assertThat(opened)
                .containsEntry("mode", "payment")
                .containsEntry("line_items[0][price_data][unit_amount]", "2740");
        String key = opened.get("metadata[billfold_key]");
        String back = app.toString().replaceAll("/$", "")
                + opened.get("success_url")
                        .replaceFirst("^https?://[^/]+", "")
                        .replace("{CHECKOUT_SESSION_ID}", "cs_test_journey");
        StripeStandIn.server()
                .stubFor(post(urlPathEqualTo("/c/pay/cs_test_journey"))
                        .willReturn(aResponse().withStatus(303).withHeader("Location", back)));
        stub(
                get(urlPathEqualTo("/v1/checkout/sessions/cs_test_journey")),
                200,
                checkoutSession(
                        "cs_test_journey",
                        "complete",
                        "paid",
                        key,
                        2740,
                        paymentIntent(
                                "pi_test_journey",
                                2740,
                                "succeeded",
                                key,
                                null,
                                StripeStandIn.card("pm_test_journey", null, "visa", "4242"),
                                null,
                                null)));
        browser.findElement(By.id("card")).sendKeys("4242424242424242");
        browser.findElement(By.id("pay")).click();

        new WebDriverWait(browser, Duration.ofSeconds(30))
                .withMessage(() -> "still on " + browser.getCurrentUrl() + ": " + browser.getPageSource())
                .until(b -> b.getCurrentUrl().contains("/guest/receipts/"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("27.40");
        assertThat(browser.getPageSource()).contains("pi_test_journey").doesNotContain("4242424242424242");
        assertThat(data.fresh(() -> invoices.get(invoice.id).status)).isEqualTo(InvoiceStatus.PAID);
        // The card number went to the stand-in only, never to Billfold.
        assertThat(requests("POST", "/c/pay/cs_test_journey").get(0).getBodyAsString())
                .contains("4242424242424242");
        assertThat(ledger.mismatches()).isEmpty();
    }
}
