package app.billfold.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.AccountRepository;
import app.billfold.invoice.Invoice;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The amount is always in view: the pay forms show the total and put it on the button (drawn by the
 * server, so without JavaScript too), and the processor's page shows the amount, the payee and a
 * way back to the form.
 */
@QuarkusTest
class PayAmountTest {

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
    void thePayFormShowsTheTotalOnItsButtonAndTheHostedPageShowsAmountPayeeAndAWayBack() {
        var grace = data.aCustomer().withLogin("grace-pw").create();
        Invoice water = data.anInvoice(grace.account())
                .withLine("Water", "1", "40", "0")
                .issue();
        Invoice power = data.anInvoice(grace.account())
                .withLine("Power", "1", "3.71", "0")
                .issue();
        WebSession browser = WebSession.signedIn(grace.email(), "grace-pw");

        String all = browser.get("/portal/pay?account=" + grace.account().id).asString();
        assertThat(all)
                .contains("<output id=\"pay-total\" aria-live=\"polite\">€43.71</output>")
                .contains(">Pay €43.71</button>")
                .contains("data-balance=\"40.00\"")
                .contains("data-currency=\"EUR\"")
                .contains("<script src=\"/js/pay.js\"></script>");
        assertThat(all.replaceAll("<script src=\"[^\"]+\"></script>", "")).doesNotContain("<script");
        String one = browser.get("/portal/pay?account=" + grace.account().id + "&invoice=" + power.id)
                .asString();
        assertThat(one).contains(">Pay €3.71</button>");

        String key = all.replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");
        // A refused amount comes back with the plain button: it promises no amount it would not pay.
        Response tooMuch = browser.post(
                "/portal/pay",
                Map.of(
                        "account",
                        grace.account().id,
                        "invoice",
                        List.of(water.id, power.id),
                        "amount",
                        "50",
                        "method",
                        "new-card",
                        "key",
                        key));
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(tooMuch.asString()).contains(">Pay</button>");

        Response toProcessor = browser.post(
                "/portal/pay",
                Map.of(
                        "account",
                        grace.account().id,
                        "invoice",
                        List.of(water.id, power.id),
                        "amount",
                        "30,5",
                        "method",
                        "new-card",
                        "key",
                        key));
        assertThat(toProcessor.statusCode()).isEqualTo(303);
        String hosted = browser.get(path(toProcessor.header("Location"))).asString();
        assertThat(hosted)
                .contains("€30.50")
                .contains(">Pay €30.50</button>")
                .contains("Pay to")
                .contains(data.fresh(() -> billerName()))
                .contains("href=\"/portal/pay?account=" + grace.account().id + "\">Cancel and go back</a>");

        // An order that was not signed by Billfold shows no amount at all.
        String forged = browser.get(path(toProcessor.header("Location")).replaceAll("order=[^&]+", "order=x.y"))
                .asString();
        assertThat(forged).doesNotContain("€30.50").contains(">Continue</button>");
    }

    @Test
    void aFrenchCustomerReadsTheAmountInFrench() {
        var claire = data.aCustomer().speaking("fr").withLogin("claire-pw").create();
        data.anInvoice(claire.account()).withLine("Eau", "1", "1234.5", "0").issue();
        WebSession browser = WebSession.signedIn(claire.email(), "claire-pw");
        String page = browser.get("/portal/pay").asString();
        assertThat(page).contains(">Payer 1\u202f234,50\u00a0€</button>");
    }

    @Test
    void theGuestFormShowsTheTotalToo() {
        var carol = data.aCustomer().create();
        data.anInvoice(carol.account()).withLine("Water", "1", "19.90", "0").issue();
        WebSession guest = new WebSession();
        guest.get("/guest");
        guest.post("/guest", Map.of("accountNumber", carol.account().number, "postcode", "75001"));
        String page = guest.get("/guest/pay").asString();
        assertThat(page).contains(">€19.90</output>").contains(">Pay €19.90</button>");
        String key = page.replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");
        Response toProcessor = guest.post("/guest/pay", Map.of("invoice", List.of(), "method", "new-card", "key", key));
        assertThat(toProcessor.statusCode()).isEqualTo(400);
        String invoiceId = page.replaceAll("(?s).*name=\"invoice\" value=\"(\\d+)\".*", "$1");
        String hosted = path(guest.post("/guest/pay", Map.of("invoice", invoiceId, "method", "new-card", "key", key))
                .header("Location"));
        assertThat(guest.get(hosted).asString())
                .contains(">Pay €19.90</button>")
                .contains("href=\"/guest/pay\">Cancel and go back</a>");
    }

    @Test
    void theScriptIsServedFromTheSiteAsThePolicyAllows() {
        Response script = new WebSession().get("/js/pay.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.header("Content-Security-Policy")).contains("script-src 'self'");
    }

    private String billerName() {
        return accounts.getEntityManager()
                .createQuery("select s.legalName from BillerSettings s", String.class)
                .getSingleResult();
    }

    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }
}
