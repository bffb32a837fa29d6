package app.billfold.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.invoice.Invoice;
import app.billfold.invoice.Invoices;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A pay form's idempotency key belongs to the customer it was handed to. */
@QuarkusTest
class PaymentKeyScopeTest {

    @Inject
    TestData data;

    @Inject
    Invoices invoices;

    @Test
    void anotherCustomersKeyNeitherShowsHerAttemptNorStopsThisPayment() {
        var alice = data.aCustomer().withLogin("alice-pw").create();
        Invoice aliceBill = data.anInvoice(alice.account())
                .withLine("Water", "1", "30", "0")
                .issue();
        WebSession aliceBrowser = WebSession.signedIn(alice.email(), "alice-pw");
        String key =
                aliceBrowser.get("/portal/pay").asString().replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");
        Response declined = payWithNewCard(aliceBrowser, alice.account().id, aliceBill.id, key, "4000000000009995");
        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(declined.asString()).contains("declined for insufficient funds");

        var bob = data.aCustomer().withLogin("bob-pw").create();
        Invoice bobBill =
                data.anInvoice(bob.account()).withLine("Water", "1", "20", "0").issue();
        WebSession bobBrowser = WebSession.signedIn(bob.email(), "bob-pw");
        Response paid = payWithNewCard(bobBrowser, bob.account().id, bobBill.id, key, "4242424242424242");
        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.header("Location")).contains("/portal/receipts/");
        assertThat(bobBrowser.get(path(paid.header("Location"))).asString()).contains("€20.00");
        assertThat(data.fresh(() -> invoices.get(bobBill.id).balance)).isEqualByComparingTo("0");
        assertThat(data.fresh(() -> invoices.get(aliceBill.id).balance)).isEqualByComparingTo("30");
    }

    static Response payWithNewCard(WebSession browser, Long account, Long invoice, String key, String card) {
        Response toProcessor = browser.post(
                "/portal/pay",
                Map.of("account", account, "invoice", invoice, "amount", "", "method", "new-card", "key", key));
        assertThat(toProcessor.statusCode()).isEqualTo(303);
        String form = browser.get(path(toProcessor.header("Location"))).asString();
        String state = form.replaceAll("(?s).*name=\"state\" value=\"([^\"]+)\".*", "$1")
                .replace("&#61;", "=");
        Response back = browser.post(
                "/sandbox/checkout",
                Map.of(
                        "kind", "card",
                        "return", "/portal/pay/return",
                        "state", state,
                        "number", card,
                        "expMonth", "12",
                        "expYear", "2099",
                        "cvc", "123"));
        assertThat(back.statusCode()).isEqualTo(303);
        return browser.get(path(back.header("Location")));
    }

    static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }
}
