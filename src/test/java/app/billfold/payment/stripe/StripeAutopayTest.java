package app.billfold.payment.stripe;

import static app.billfold.support.StripeStandIn.card;
import static app.billfold.support.StripeStandIn.form;
import static app.billfold.support.StripeStandIn.paymentIntent;
import static app.billfold.support.StripeStandIn.requests;
import static app.billfold.support.StripeStandIn.sepaDebit;
import static app.billfold.support.StripeStandIn.stub;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.Account;
import app.billfold.autopay.AutopayRun;
import app.billfold.autopay.AutopaySchedule;
import app.billfold.autopay.AutopayStatus;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.invoice.Invoices;
import app.billfold.notify.OutboxMessage;
import app.billfold.payment.Autopay;
import app.billfold.payment.LedgerCheck;
import app.billfold.payment.SavedMethod;
import app.billfold.payment.SavedMethods;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Saving a method on Checkout in setup mode (a card, a SEPA mandate and its reference) and autopay
 * as off-session PaymentIntents: the exact requests, the Idempotency-Key derived from Billfold's
 * key, authentication_required turned into a notice with an on-session link, and 429 retried.
 */
@QuarkusTest
@TestProfile(StripeProfile.class)
class StripeAutopayTest {

    @Inject
    TestData data;

    @Inject
    AutopayRun run;

    @Inject
    SavedMethods methods;

    @Inject
    Autopay autopay;

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

    @AfterEach
    void leaveNothingDue() {
        data.fresh(() ->
                AutopaySchedule.update("status = ?1 where status = ?2", AutopayStatus.DONE, AutopayStatus.SCHEDULED));
        data.fresh(() -> Account.update("autopayMethodId = null where autopayMethodId is not null"));
    }

    private static void customerCreated(String id) {
        stub(post(urlPathEqualTo("/v1/customers")), 200, """
                {"id": "%s", "object": "customer", "created": 1764300000, "email": null, "livemode": false,
                 "metadata": {}, "name": null}""".formatted(id));
    }

    record Enrolled(TestData.CreatedCustomer customer, SavedMethod method, Invoice invoice) {}

    private Enrolled enrolled(String name, String pm, String amount) {
        var customer = data.aCustomer().named(name).create();
        String stripeCustomer = "cus_test_" + name;
        customerCreated(stripeCustomer);
        stub(get(urlPathEqualTo("/v1/payment_methods/" + pm)), 200, card(pm, stripeCustomer, "visa", "4242"));
        SavedMethod method = methods.save(customer.id(), pm, TestData.ACTOR);
        autopay.enrol(customer.id(), customer.account().id, method.id, TestData.ACTOR);
        Invoice invoice = data.anInvoice(customer.account())
                .due("2026-03-10")
                .withLine("Water", "1", amount, "0")
                .issue();
        return new Enrolled(customer, method, invoice);
    }

    private InvoiceStatus status(Invoice invoice) {
        return data.fresh(() -> invoices.get(invoice.id).status);
    }

    @Test
    void autopayIsAnOffSessionPaymentIntentOnTheSavedMethodWithAKeyDerivedFromBillfolds() {
        Enrolled ada = enrolled("ada", "pm_test_auto1", "42.10");
        LoggedRequest customerCreate = requests("POST", "/v1/customers").get(0);
        assertThat(customerCreate.getHeader("Idempotency-Key"))
                .isEqualTo("billfold:customer:customer-" + ada.customer().id());
        assertThat(form(customerCreate))
                .containsEntry(
                        "metadata[billfold_customer]",
                        "customer-" + ada.customer().id());
        stub(
                post(urlPathEqualTo("/v1/payment_intents")),
                200,
                paymentIntent(
                        "pi_test_auto1",
                        4210,
                        "succeeded",
                        "autopay-" + ada.invoice().id + "-1",
                        "cus_test_ada",
                        "\"pm_test_auto1\"",
                        null,
                        null));

        run.run();

        assertThat(status(ada.invoice())).isEqualTo(InvoiceStatus.PAID);
        List<LoggedRequest> creates = requests("POST", "/v1/payment_intents");
        assertThat(creates).hasSize(1);
        String key = "autopay-" + ada.invoice().id + "-1";
        assertThat(creates.get(0).getHeader("Idempotency-Key")).isEqualTo("billfold:charge:" + key);
        assertThat(form(creates.get(0)))
                .containsEntry("amount", "4210")
                .containsEntry("currency", "eur")
                .containsEntry("customer", "cus_test_ada")
                .containsEntry("payment_method", "pm_test_auto1")
                .containsEntry("payment_method_types[0]", "card")
                .containsEntry("off_session", "true")
                .containsEntry("confirm", "true")
                .containsEntry("metadata[billfold_key]", key);

        run.run();
        assertThat(requests("POST", "/v1/payment_intents")).hasSize(1);
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void aCardThatNeedsAuthenticationIsNotRetriedBlindlyTheCustomerGetsAnOnSessionLink() {
        Enrolled ben = enrolled("ben", "pm_test_auth1", "19.99");
        stub(post(urlPathEqualTo("/v1/payment_intents")), 402, """
                {"error": {"type": "card_error", "code": "authentication_required",
                  "decline_code": "authentication_required",
                  "message": "Your card was declined. This transaction requires authentication.",
                  "payment_intent": %s}}""".formatted(paymentIntent(
                "pi_test_auth1",
                1999,
                "requires_payment_method",
                "autopay-" + ben.invoice().id + "-1",
                "cus_test_ben",
                "\"pm_test_auth1\"",
                null,
                null)));

        run.run();

        AutopaySchedule row = data.fresh(() -> AutopaySchedule.findById(ben.invoice().id));
        assertThat(row.status).isEqualTo(AutopayStatus.FAILED);
        assertThat(row.lastDeclineCode).isEqualTo("authentication_required");
        assertThat(status(ben.invoice())).isNotEqualTo(InvoiceStatus.PAID);
        assertThat(requests("POST", "/v1/payment_intents")).hasSize(1);
        List<OutboxMessage> notices = data.fresh(() -> OutboxMessage.list(
                "customerId = ?1 and kind = ?2", ben.customer().id(), "autopay_failed"));
        assertThat(notices).isNotEmpty();
        assertThat(notices.get(0).payload)
                .contains("/portal/pay?account=" + ben.customer().account().id + "&invoice=" + ben.invoice().id)
                .contains("confirm this payment");

        // Later runs leave it alone: only the customer can pass the bank's check.
        clock.advance(java.time.Duration.ofDays(3));
        run.run();
        assertThat(requests("POST", "/v1/payment_intents")).hasSize(1);
    }

    @Test
    void a429LockTimeoutOnTheChargeIsRetriedWithTheSameKeyAndChargesOnce() {
        Enrolled cleo = enrolled("cleo", "pm_test_busy1", "10");
        String key = "autopay-" + cleo.invoice().id + "-1";
        StripeStandIn.server()
                .stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                        .inScenario("locked")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse()
                                .withStatus(429)
                                .withHeader("Content-Type", "application/json")
                                .withHeader("Stripe-Should-Retry", "true")
                                .withBody("""
                                        {"error": {"type": "invalid_request_error", "code": "lock_timeout",
                                          "message": "This object cannot be accessed right now because another API request or Stripe process is currently accessing it."}}"""))
                        .willSetStateTo("unlocked"));
        StripeStandIn.server()
                .stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                        .inScenario("locked")
                        .whenScenarioStateIs("unlocked")
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody(paymentIntent(
                                        "pi_test_busy1", 1000, "succeeded", key, "cus_test_cleo", null, null, null))));

        run.run();

        assertThat(status(cleo.invoice())).isEqualTo(InvoiceStatus.PAID);
        List<LoggedRequest> creates = requests("POST", "/v1/payment_intents");
        assertThat(creates).hasSize(2);
        assertThat(creates).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly("billfold:charge:" + key);
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void aCardAndASepaMandateAreSavedOnCheckoutInSetupModeAndTheMandateReferenceIsShown() {
        var dora = data.aCustomer().named("dora").withLogin("dora-pw").create();
        WebSession browser = WebSession.signedIn(dora.email(), "dora-pw");
        customerCreated("cus_test_dora");
        stub(post(urlPathEqualTo("/v1/checkout/sessions")), 200, setupSession("cs_test_setup1", "open", null));

        Response toStripe = browser.get("/portal/settings/methods/new?kind=bank");

        assertThat(toStripe.statusCode()).isEqualTo(303);
        assertThat(toStripe.header("Location")).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_setup1");
        LoggedRequest create = requests("POST", "/v1/checkout/sessions").get(0);
        assertThat(create.getHeader("Idempotency-Key")).startsWith("billfold:setup:setup-");
        Map<String, String> sent = form(create);
        assertThat(sent)
                .containsEntry("mode", "setup")
                .containsEntry("customer", "cus_test_dora")
                .containsEntry("currency", "eur")
                .containsEntry("payment_method_types[0]", "sepa_debit")
                .containsEntry("metadata[billfold_customer]", String.valueOf(dora.id()));
        assertThat(sent.get("success_url"))
                .contains("/portal/settings/methods/added?state=")
                .endsWith("&page={CHECKOUT_SESSION_ID}");

        stub(
                get(urlPathEqualTo("/v1/checkout/sessions/cs_test_setup1")),
                200,
                setupSession("cs_test_setup1", "complete", """
                        {"id": "seti_test_1", "object": "setup_intent", "customer": "cus_test_dora",
                         "mandate": {"id": "mandate_test_1", "object": "mandate", "customer_acceptance":
                            {"accepted_at": 1764300000, "online": {"ip_address": "127.0.0.1", "user_agent": "test"}, "type": "online"},
                            "livemode": false, "payment_method": "pm_test_sepa1",
                            "payment_method_details": {"sepa_debit": {"reference": "BILLFOLDMANDATE42", "url": "https://stripe.test/mandate"}, "type": "sepa_debit"},
                            "status": "active", "type": "multi_use"},
                         "payment_method": %s, "status": "succeeded", "usage": "off_session", "metadata": {}}""".formatted(
                                sepaDebit("pm_test_sepa1", "cus_test_dora", "3000"))));
        stub(
                get(urlPathEqualTo("/v1/payment_methods/pm_test_sepa1")),
                200,
                sepaDebit("pm_test_sepa1", "cus_test_dora", "3000"));
        String back = sent.get("success_url")
                .replaceFirst("^https?://[^/]+", "")
                .replace("{CHECKOUT_SESSION_ID}", "cs_test_setup1");

        Response saved = browser.get(back);

        assertThat(saved.statusCode()).isEqualTo(303);
        SavedMethod method = data.fresh(() -> methods.of(dora.id())).get(0);
        assertThat(method.token).isEqualTo("pm_test_sepa1");
        assertThat(method.kind).isEqualTo(app.billfold.payment.gateway.MethodKind.BANK);
        assertThat(method.mandateRef).isEqualTo("BILLFOLDMANDATE42");
        assertThat(browser.get("/portal/settings").asString())
                .contains("bank account \u2022\u2022\u2022\u2022 3000")
                .contains("SEPA mandate reference: BILLFOLDMANDATE42");

        // Someone else's session id in the link saves nothing.
        var eve = data.aCustomer().named("eve").withLogin("eve-pw").create();
        WebSession other = WebSession.signedIn(eve.email(), "eve-pw");
        customerCreated("cus_test_eve");
        stub(post(urlPathEqualTo("/v1/checkout/sessions")), 200, setupSession("cs_test_setup2", "open", null));
        other.get("/portal/settings/methods/new?kind=bank");
        String eveBack = form(requests("POST", "/v1/checkout/sessions").get(1))
                .get("success_url")
                .replaceFirst("^https?://[^/]+", "")
                .replace("{CHECKOUT_SESSION_ID}", "cs_test_setup1");
        assertThat(other.get(eveBack).statusCode()).isEqualTo(409);
        assertThat(data.fresh(() -> methods.of(eve.id()))).isEmpty();
    }

    private static String setupSession(String id, String status, String setupIntent) {
        return """
                {"id": "%s", "object": "checkout.session", "cancel_url": "https://billfold.example/portal/settings",
                 "created": 1764300000, "currency": "eur", "customer": "cus_test_dora", "expires_at": 1764386400,
                 "livemode": false, "metadata": {}, "mode": "setup", "payment_intent": null,
                 "payment_method_types": ["sepa_debit"], "payment_status": "no_payment_required",
                 "setup_intent": %s, "status": "%s", "success_url": "https://billfold.example/portal/settings",
                 "url": %s}""".formatted(
                        id,
                        setupIntent == null ? "\"seti_pending\"" : setupIntent,
                        status,
                        "open".equals(status) ? "\"https://checkout.stripe.com/c/pay/" + id + "\"" : "null");
    }
}
