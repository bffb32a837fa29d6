package app.billfold.payment.stripe;

import static app.billfold.support.StripeStandIn.checkoutSession;
import static app.billfold.support.StripeStandIn.event;
import static app.billfold.support.StripeStandIn.form;
import static app.billfold.support.StripeStandIn.paymentIntent;
import static app.billfold.support.StripeStandIn.requests;
import static app.billfold.support.StripeStandIn.sign;
import static app.billfold.support.StripeStandIn.stub;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.invoice.Invoices;
import app.billfold.payment.ChargeAttempt;
import app.billfold.payment.ChargeStatus;
import app.billfold.payment.LedgerCheck;
import app.billfold.payment.Payment;
import app.billfold.support.StripeProfile;
import app.billfold.support.StripeStandIn;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A card payment on Stripe Checkout and back, and Stripe's signed events: the exact requests sent
 * to Stripe (paths, form parameters, Idempotency-Key), a bill paid only on Stripe's word, forged,
 * stale, replayed and out-of-order events, and Stripe's 429 lock_timeout retried with the same key.
 */
@QuarkusTest
@TestProfile(StripeProfile.class)
class StripeCheckoutTest {

    @Inject
    TestData data;

    @Inject
    Invoices invoices;

    @Inject
    LedgerCheck ledger;

    @Inject
    TestClock clock;

    @BeforeEach
    void fresh() {
        StripeStandIn.server().resetAll();
        clock.reset();
    }

    record Started(TestData.CreatedCustomer customer, Invoice invoice, WebSession browser, String key, Response sent) {}

    private Started startCheckout(String name, String amount) {
        var customer = data.aCustomer().withLogin(name + "-pw").create();
        Invoice invoice = data.anInvoice(customer.account())
                .withLine("Water", "1", amount, "0")
                .issue();
        WebSession browser = WebSession.signedIn(customer.email(), name + "-pw");
        String page = browser.get("/portal/pay").asString();
        String key = page.replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");
        Response sent = browser.post(
                "/portal/pay",
                Map.of(
                        "account",
                        customer.account().id,
                        "invoice",
                        List.of(invoice.id),
                        "amount",
                        "",
                        "method",
                        "new-card",
                        "key",
                        key));
        // The form's key is scoped to the payer on the way in: the attempt holds the key in use.
        ChargeAttempt recorded = data.fresh(
                () -> ChargeAttempt.<ChargeAttempt>find("accountId = ?1 order by id desc", customer.account().id)
                        .firstResult());
        return new Started(customer, invoice, browser, recorded == null ? key : recorded.idempotencyKey, sent);
    }

    private static void sessionOpens(String id, String key, long amount) {
        stub(
                post(urlPathEqualTo("/v1/checkout/sessions")),
                200,
                checkoutSession(id, "open", "unpaid", key, amount, null));
    }

    private Response deliver(String payload, String signature) {
        var request = given().contentType("application/json").body(payload);
        if (signature != null) {
            request = request.header("Stripe-Signature", signature);
        }
        return request.post("/webhooks/stripe");
    }

    private long eventsRecorded() {
        return data.fresh(() -> ((Number) Payment.getEntityManager()
                        .createNativeQuery("select count(*) from processor_event")
                        .getSingleResult())
                .longValue());
    }

    private ChargeAttempt attempt(String key) {
        return data.fresh(() -> ChargeAttempt.find("idempotencyKey", key).firstResult());
    }

    @Test
    void aCardPaymentGoesThroughCheckoutAndBackAndIsPaidOnlyOnStripesWord() {
        stub(
                post(urlPathEqualTo("/v1/checkout/sessions")),
                200,
                checkoutSession("cs_test_a1", "open", "unpaid", "k", 4000, null));
        Started started = startCheckout("ines", "40");

        assertThat(started.sent().statusCode()).isEqualTo(303);
        assertThat(started.sent().header("Location")).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_a1");
        LoggedRequest create = requests("POST", "/v1/checkout/sessions").get(0);
        assertThat(create.getHeader("Idempotency-Key")).isEqualTo("billfold:checkout:" + started.key());
        assertThat(create.getHeader("Authorization")).isEqualTo("Bearer " + StripeStandIn.SECRET_KEY);
        Map<String, String> sent = form(create);
        assertThat(sent)
                .containsEntry("mode", "payment")
                .containsEntry("payment_method_types[0]", "card")
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("line_items[0][price_data][currency]", "eur")
                .containsEntry("line_items[0][price_data][unit_amount]", "4000")
                .containsEntry("client_reference_id", started.key())
                .containsEntry("metadata[billfold_key]", started.key())
                .containsEntry("payment_intent_data[metadata][billfold_key]", started.key())
                .containsEntry("customer_email", started.customer().email())
                .doesNotContainKey("customer")
                .doesNotContainKey("payment_intent_data[setup_future_usage]");
        assertThat(sent.get("success_url")).contains("/portal/pay/return?state=");
        assertThat(sent.get("cancel_url"))
                .endsWith("/portal/pay?account=" + started.customer().account().id);
        assertThat(attempt(started.key()).status).isEqualTo(ChargeStatus.HOSTED);

        // Coming back proves nothing by itself: Billfold asks Stripe what the session became.
        String successPath = sent.get("success_url").replaceFirst("^https?://[^/]+", "");
        stub(
                get(urlPathEqualTo("/v1/checkout/sessions/cs_test_a1")),
                200,
                checkoutSession(
                        "cs_test_a1",
                        "complete",
                        "paid",
                        started.key(),
                        4000,
                        paymentIntent(
                                "pi_test_a1",
                                4000,
                                "succeeded",
                                started.key(),
                                null,
                                StripeStandIn.card("pm_test_a1", null, "visa", "4242"),
                                null,
                                null)));
        Response back = started.browser().get(successPath);
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.header("Location")).contains("/portal/receipts/");
        LoggedRequest read = requests("GET", "/v1/checkout/sessions/cs_test_a1").get(0);
        assertThat(read.queryParameter("expand[0]").values()).isNotEmpty();
        assertThat(read.getUrl()).contains("expand").contains("payment_intent");

        assertThat(data.fresh(() -> invoices.get(started.invoice().id).status)).isEqualTo(InvoiceStatus.PAID);
        ChargeAttempt paid = attempt(started.key());
        assertThat(paid.status).isEqualTo(ChargeStatus.SUCCEEDED);
        assertThat(paid.gatewayRef).isEqualTo("pi_test_a1");
        assertThat(paid.methodLabel).isEqualTo("visa \u2022\u2022\u2022\u2022 4242 12/2034");

        // Reloading the return page, and Stripe's own event afterwards, book nothing twice.
        assertThat(started.browser().get(successPath).header("Location")).isEqualTo(back.header("Location"));
        stub(
                get(urlPathEqualTo("/v1/payment_intents/pi_test_a1")),
                200,
                paymentIntent("pi_test_a1", 4000, "succeeded", started.key(), null, null, null, null));
        String payload = event(
                "evt_test_a1",
                "payment_intent.succeeded",
                paymentIntent("pi_test_a1", 4000, "succeeded", started.key(), null, "\"pm_test_a1\"", null, null),
                clock.now());
        assertThat(deliver(payload, sign(payload, clock.now())).statusCode()).isEqualTo(200);
        assertThat(data.fresh(() -> Payment.count("gatewayRef", "pi_test_a1"))).isEqualTo(1);
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void aSignedEventPaysTheBillEvenWhenThePayerNeverComesBackAndAReplayChangesNothing() {
        sessionOpens("cs_test_b1", "k", 2550);
        Started started = startCheckout("jonas", "25.50");
        assertThat(started.sent().statusCode()).isEqualTo(303);

        stub(
                get(urlPathEqualTo("/v1/payment_intents/pi_test_b1")),
                200,
                paymentIntent(
                        "pi_test_b1",
                        2550,
                        "succeeded",
                        started.key(),
                        null,
                        StripeStandIn.card("pm_test_b1", null, "mastercard", "4444"),
                        null,
                        null));
        String payload = event(
                "evt_test_b1",
                "payment_intent.succeeded",
                paymentIntent("pi_test_b1", 2550, "succeeded", started.key(), null, "\"pm_test_b1\"", null, null),
                clock.now());
        long before = eventsRecorded();

        assertThat(deliver(payload, sign(payload, clock.now())).statusCode()).isEqualTo(200);
        assertThat(data.fresh(() -> invoices.get(started.invoice().id).status)).isEqualTo(InvoiceStatus.PAID);
        assertThat(eventsRecorded()).isEqualTo(before + 1);
        assertThat(requests("GET", "/v1/payment_intents/pi_test_b1")).hasSize(1);
        // Expanded so that the method and the mandate come with the state.
        assertThat(requests("GET", "/v1/payment_intents/pi_test_b1").get(0).getUrl())
                .contains("expand")
                .contains("payment_method")
                .contains("latest_charge");

        // The same event again: answered, not processed (Stripe is not even asked).
        clock.advance(Duration.ofMinutes(1));
        assertThat(deliver(payload, sign(payload, clock.now())).statusCode()).isEqualTo(200);
        assertThat(requests("GET", "/v1/payment_intents/pi_test_b1")).hasSize(1);
        assertThat(eventsRecorded()).isEqualTo(before + 1);
        assertThat(data.fresh(() -> Payment.count("gatewayRef", "pi_test_b1"))).isEqualTo(1);
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void forgedMissingAndStaleSignaturesAre400AndWriteNothing() {
        sessionOpens("cs_test_c1", "k", 1000);
        Started started = startCheckout("karim", "10");
        stub(
                get(urlPathEqualTo("/v1/payment_intents/pi_test_c1")),
                200,
                paymentIntent("pi_test_c1", 1000, "succeeded", started.key(), null, null, null, null));
        String payload = event(
                "evt_test_c1",
                "payment_intent.succeeded",
                paymentIntent("pi_test_c1", 1000, "succeeded", started.key(), null, null, null, null),
                clock.now());
        long before = eventsRecorded();

        Response forged = deliver(payload, sign(payload, clock.now(), "whsec_someone_else"));
        Response missing = deliver(payload, null);
        Response tampered = deliver(payload.replace("1000", "1"), sign(payload, clock.now()));
        Response stale = deliver(payload, sign(payload, clock.now().minus(Duration.ofMinutes(6))));

        assertThat(List.of(forged.statusCode(), missing.statusCode(), tampered.statusCode(), stale.statusCode()))
                .containsOnly(400);
        assertThat(eventsRecorded()).isEqualTo(before);
        assertThat(requests("GET", "/v1/payment_intents/pi_test_c1")).isEmpty();
        assertThat(data.fresh(() -> invoices.get(started.invoice().id).status)).isNotEqualTo(InvoiceStatus.PAID);
        assertThat(attempt(started.key()).status).isEqualTo(ChargeStatus.HOSTED);

        // Signed within the five minutes: accepted.
        Response fresh = deliver(payload, sign(payload, clock.now().minus(Duration.ofMinutes(4))));
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(data.fresh(() -> invoices.get(started.invoice().id).status)).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void anEventIsOnlyAPromptTheCurrentStateDecidesWhateverOrderEventsCameIn() {
        sessionOpens("cs_test_d1", "k", 3000);
        Started started = startCheckout("lena", "30");
        // Failed first on Stripe's page ...
        stub(
                get(urlPathEqualTo("/v1/payment_intents/pi_test_d1")),
                200,
                paymentIntent(
                        "pi_test_d1",
                        3000,
                        "requires_payment_method",
                        started.key(),
                        null,
                        null,
                        null,
                        StripeStandIn.cardError(
                                "card_declined", "insufficient_funds", "Your card has insufficient funds.")));
        String failed = event(
                "evt_test_d1",
                "payment_intent.payment_failed",
                paymentIntent("pi_test_d1", 3000, "requires_payment_method", started.key(), null, null, null, null),
                clock.now());
        assertThat(deliver(failed, sign(failed, clock.now())).statusCode()).isEqualTo(200);
        ChargeAttempt declined = attempt(started.key());
        assertThat(declined.status).isEqualTo(ChargeStatus.FAILED);
        assertThat(declined.declineCode).isEqualTo("insufficient_funds");
        assertThat(data.fresh(() -> invoices.get(started.invoice().id).status)).isNotEqualTo(InvoiceStatus.PAID);

        // ... then the payer used another card there. A late copy of the failure, delivered after
        // Stripe already holds the success, reads the success and books it once.
        stub(
                get(urlPathEqualTo("/v1/payment_intents/pi_test_d1")),
                200,
                paymentIntent("pi_test_d1", 3000, "succeeded", started.key(), null, null, null, null));
        String lateCopy = event(
                "evt_test_d2",
                "payment_intent.payment_failed",
                paymentIntent("pi_test_d1", 3000, "requires_payment_method", started.key(), null, null, null, null),
                clock.now());
        assertThat(deliver(lateCopy, sign(lateCopy, clock.now())).statusCode()).isEqualTo(200);
        assertThat(attempt(started.key()).status).isEqualTo(ChargeStatus.SUCCEEDED);
        assertThat(data.fresh(() -> invoices.get(started.invoice().id).status)).isEqualTo(InvoiceStatus.PAID);

        String succeeded = event(
                "evt_test_d3",
                "payment_intent.succeeded",
                paymentIntent("pi_test_d1", 3000, "succeeded", started.key(), null, null, null, null),
                clock.now());
        assertThat(deliver(succeeded, sign(succeeded, clock.now())).statusCode())
                .isEqualTo(200);
        assertThat(data.fresh(() -> Payment.count("gatewayRef", "pi_test_d1"))).isEqualTo(1);
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void stripesLockTimeoutIsRetriedWithTheSameIdempotencyKey() {
        StripeStandIn.server()
                .stubFor(post(urlPathEqualTo("/v1/checkout/sessions"))
                        .inScenario("busy")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                                .withStatus(429)
                                .withHeader("Content-Type", "application/json")
                                .withHeader("Stripe-Should-Retry", "true")
                                .withBody("""
                                        {"error": {"type": "invalid_request_error", "code": "lock_timeout",
                                         "message": "This object cannot be accessed right now because another API request or Stripe process is currently accessing it."}}"""))
                        .willSetStateTo("free"));
        StripeStandIn.server()
                .stubFor(post(urlPathEqualTo("/v1/checkout/sessions"))
                        .inScenario("busy")
                        .whenScenarioStateIs("free")
                        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody(checkoutSession("cs_test_e1", "open", "unpaid", "k", 1200, null))));

        Started started = startCheckout("mia", "12");

        assertThat(started.sent().statusCode()).isEqualTo(303);
        assertThat(started.sent().header("Location")).endsWith("cs_test_e1");
        List<LoggedRequest> creates = requests("POST", "/v1/checkout/sessions");
        assertThat(creates).hasSize(2);
        assertThat(creates)
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly("billfold:checkout:" + started.key());
        assertThat(form(creates.get(0))).isEqualTo(form(creates.get(1)));
    }

    @Test
    void stripeDownIsAClearRefusalAndNothingIsCharged() {
        stub(post(urlPathEqualTo("/v1/checkout/sessions")), 500, """
                {"error": {"type": "api_error", "message": "An unknown error occurred"}}""");
        Started started = startCheckout("noor", "12");

        assertThat(started.sent().statusCode()).isEqualTo(503);
        assertThat(started.sent().asString()).contains("The payment service cannot be reached just now");
        assertThat(data.fresh(() -> invoices.get(started.invoice().id).status)).isNotEqualTo(InvoiceStatus.PAID);
    }
}
