package app.billfold.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.Account;
import app.billfold.account.AccountRepository;
import app.billfold.invoice.Invoice;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Paperless is one checkbox on the pay forms, as autopay is: it starts once the payment went
 * through, and the receipt says so. A guest's paperless goes to the address on file only.
 */
@QuarkusTest
class PaperlessAtPaymentTest {

    @Inject
    TestData data;

    @Inject
    AccountRepository accounts;

    @AfterEach
    void forgetTries() {
        data.fresh(() -> accounts.getEntityManager()
                .createNativeQuery("delete from guest_attempt")
                .executeUpdate());
    }

    @Test
    void theSignedInPayFormTurnsPaperlessOnOnlyWhenThePaymentGoesThrough() {
        var hal = data.aCustomer().withLogin("hal-pw").create();
        Invoice water =
                data.anInvoice(hal.account()).withLine("Water", "1", "25", "0").issue();
        WebSession portal = WebSession.signedIn(hal.email(), "hal-pw");
        String page = portal.get("/portal/pay").asString();
        assertThat(page).contains("id=\"f-paperless\" name=\"paperless\" value=\"true\" aria-describedby");

        // Declined: paperless stays off, and the form comes back with the box still ticked.
        String declined = payThroughSandbox(portal, page, water, "4000000000000002");
        assertThat(declined).contains("id=\"f-paperless\" name=\"paperless\" value=\"true\" checked");
        assertThat(paperless(hal.account())).isFalse();

        String receipt = payThroughSandbox(portal, portal.get("/portal/pay").asString(), water, "4242424242424242");
        assertThat(receipt).contains("Thank you: €25.00 received.");
        assertThat(paperless(hal.account())).isTrue();
        assertThat(receipt).contains("name=\"paperless\" value=\"true\" checked");
        assertThat(portal.get("/portal/pay").asString()).doesNotContain("f-paperless");
    }

    @Test
    void aGuestTicksPaperlessWithTheAddressOnFile() {
        var ivy = data.aCustomer().create();
        Invoice water =
                data.anInvoice(ivy.account()).withLine("Water", "1", "18", "0").issue();
        WebSession guest = new WebSession();
        guest.get("/guest");
        guest.post("/guest", Map.of("accountNumber", ivy.account().number, "postcode", "75001"));
        String page = guest.get("/guest/pay").asString();
        String key = page.replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");

        Response elsewhere = guest.post(
                "/guest/pay",
                Map.of(
                        "invoice", water.id,
                        "method", "new-card",
                        "paperless", "true",
                        "email", "someone.else@example.com",
                        "key", key));
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.asString())
                .contains("id=\"e-email\"")
                .contains("Paperless bills go to the address on file for this account.");

        Response toProcessor = guest.post(
                "/guest/pay",
                Map.of(
                        "invoice",
                        water.id,
                        "method",
                        "new-card",
                        "paperless",
                        "true",
                        "email",
                        ivy.email().toUpperCase(),
                        "key",
                        key));
        assertThat(toProcessor.statusCode()).isEqualTo(303);
        String receipt = finishOnSandbox(guest, path(toProcessor.header("Location")), "4242424242424242");
        assertThat(receipt).contains("Thank you: €18.00 received.").contains("Paperless is on");
        assertThat(paperless(ivy.account())).isTrue();
    }

    private String payThroughSandbox(WebSession portal, String page, Invoice invoice, String card) {
        String key = page.replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");
        Response toProcessor = portal.post(
                "/portal/pay",
                Map.of(
                        "account",
                        invoice.account.id,
                        "invoice",
                        invoice.id,
                        "method",
                        "new-card",
                        "paperless",
                        "true",
                        "key",
                        key));
        assertThat(toProcessor.statusCode()).isEqualTo(303);
        return finishOnSandbox(portal, path(toProcessor.header("Location")), card);
    }

    /** Types the card on the sandbox's page and follows the way back to Billfold's answer. */
    static String finishOnSandbox(WebSession browser, String hosted, String card) {
        // The way back is read from the address the pay form sent the browser to, not from the page.
        String returnTo = java.net.URLDecoder.decode(
                hosted.replaceAll(".*[?&]return=([^&]+).*", "$1"), java.nio.charset.StandardCharsets.UTF_8);
        String form = browser.get(hosted).asString();
        Response back = browser.post(
                "/sandbox/checkout",
                Map.of(
                        "kind",
                        "card",
                        "return",
                        returnTo,
                        "state",
                        field(form, "state"),
                        "order",
                        field(form, "order"),
                        "number",
                        card,
                        "expMonth",
                        "12",
                        "expYear",
                        "2030",
                        "cvc",
                        "123"));
        assertThat(back.statusCode()).isEqualTo(303);
        Response answer = browser.get(path(back.header("Location")));
        if (answer.statusCode() == 303) {
            return browser.get(path(answer.header("Location"))).asString();
        }
        return answer.asString();
    }

    private static String field(String form, String name) {
        return form.replaceAll("(?s).*name=\"" + name + "\" value=\"([^\"]*)\".*", "$1")
                .replace("&#61;", "=");
    }

    private boolean paperless(Account account) {
        return data.fresh(() -> accounts.findById(account.id).paperless);
    }

    static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }
}
