package app.billfold.payment.stripe;

import static app.billfold.support.StripeStandIn.card;
import static app.billfold.support.StripeStandIn.event;
import static app.billfold.support.StripeStandIn.form;
import static app.billfold.support.StripeStandIn.paymentIntent;
import static app.billfold.support.StripeStandIn.requests;
import static app.billfold.support.StripeStandIn.sepaDebit;
import static app.billfold.support.StripeStandIn.sign;
import static app.billfold.support.StripeStandIn.stub;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.billfold.account.Account;
import app.billfold.audit.AuditEntry;
import app.billfold.autopay.AutopayRun;
import app.billfold.autopay.AutopaySchedule;
import app.billfold.autopay.AutopayStatus;
import app.billfold.identity.Role;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.invoice.Invoices;
import app.billfold.notify.OutboxMessage;
import app.billfold.payment.Autopay;
import app.billfold.payment.ChargeAttempt;
import app.billfold.payment.ChargeStatus;
import app.billfold.payment.Dispute;
import app.billfold.payment.LedgerCheck;
import app.billfold.payment.Payment;
import app.billfold.payment.Refund;
import app.billfold.payment.RefundPayment;
import app.billfold.payment.RefundStatus;
import app.billfold.payment.SavedMethod;
import app.billfold.payment.SavedMethods;
import app.billfold.support.StripeProfile;
import app.billfold.support.StripeStandIn;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Money that settles later through Stripe's signed events: a SEPA debit pending until
 * payment_intent.succeeded, a returned debit reopened, told and retried under a new key, a revoked
 * mandate stopping autopay, refunds with their own pending and failed states (only a succeeded one
 * reaches the ledger), and disputes that reopen the bill, queue it for a clerk and record the outcome.
 */
@QuarkusTest
@TestProfile(StripeProfile.class)
class StripeSettlementTest {

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
    RefundPayment refunds;

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
        clock.reset();
        data.fresh(() ->
                AutopaySchedule.update("status = ?1 where status = ?2", AutopayStatus.DONE, AutopayStatus.SCHEDULED));
        data.fresh(() -> Account.update("autopayMethodId = null where autopayMethodId is not null"));
    }

    record Enrolled(TestData.CreatedCustomer customer, SavedMethod method, Invoice invoice, String key) {}

    /** A customer on autopay with a card or a SEPA mandate saved at Stripe, and a bill due. */
    private Enrolled enrolled(String name, String pm, boolean bank, String amount) {
        var customer = data.aCustomer().named(name).withLogin(name + "-pw").create();
        String stripeCustomer = "cus_test_" + name;
        stub(post(urlPathEqualTo("/v1/customers")), 200, """
                {"id": "%s", "object": "customer", "created": 1764300000, "email": null, "livemode": false,
                 "metadata": {}, "name": null}""".formatted(stripeCustomer));
        stub(
                get(urlPathEqualTo("/v1/payment_methods/" + pm)),
                200,
                bank ? sepaDebit(pm, stripeCustomer, "3000") : card(pm, stripeCustomer, "visa", "4242"));
        SavedMethod method = methods.save(customer.id(), pm, TestData.ACTOR);
        autopay.enrol(customer.id(), customer.account().id, method.id, TestData.ACTOR);
        Invoice invoice = data.anInvoice(customer.account())
                .due("2026-03-10")
                .withLine("Water", "1", amount, "0")
                .issue();
        return new Enrolled(customer, method, invoice, "autopay-" + invoice.id + "-1");
    }

    private static String sepaIntent(String id, long amount, String status, String key, String lastError) {
        return paymentIntent(id, amount, status, key, "cus_test", "\"pm_sepa\"", null, lastError)
                .replace("\"payment_method_types\": [\"card\"]", "\"payment_method_types\": [\"sepa_debit\"]");
    }

    private static String sepaCharge(String id, String intent, String mandate) {
        return """
                {"id": "%s", "object": "charge", "amount": 6120, "amount_captured": 6120, "amount_refunded": 0,
                 "captured": true, "created": 1764300000, "currency": "eur", "livemode": false, "metadata": {},
                 "paid": true, "payment_intent": "%s", "refunded": false, "status": "succeeded",
                 "payment_method_details": {"type": "sepa_debit", "sepa_debit": {"bank_code": "37040044",
                   "country": "DE", "fingerprint": "a1b2c3d4", "last4": "3000", "mandate": "%s"}}}""".formatted(id, intent, mandate);
    }

    private static String mandate(String id, String pm, String status) {
        return """
                {"id": "%s", "object": "mandate", "customer_acceptance": {"accepted_at": 1764300000,
                  "online": {"ip_address": "127.0.0.1", "user_agent": "test"}, "type": "online"},
                 "livemode": false, "payment_method": "%s",
                 "payment_method_details": {"sepa_debit": {"reference": "BILLFOLDMANDATE77", "url": "https://stripe.test/m"},
                   "type": "sepa_debit"},
                 "status": "%s", "type": "multi_use"}""".formatted(id, pm, status);
    }

    private static String refund(String id, long amount, String status, String key, String failure) {
        return """
                {"id": "%s", "object": "refund", "amount": %d, "charge": "ch_test", "created": 1764300000,
                 "currency": "eur", "failure_reason": %s, "metadata": {"billfold_key": "%s"},
                 "payment_intent": "pi_test_paid", "reason": null, "status": "%s"}""".formatted(id, amount, failure == null ? "null" : "\"" + failure + "\"", key, status);
    }

    private static String dispute(String id, String intent, long amount, String status) {
        return """
                {"id": "%s", "object": "dispute", "amount": %d, "balance_transactions": [], "charge": "ch_test",
                 "created": 1764300000, "currency": "eur",
                 "evidence_details": {"due_by": 1765000000, "has_evidence": false, "past_due": false,
                   "submission_count": 0},
                 "is_charge_refundable": false, "livemode": false, "metadata": {}, "payment_intent": "%s",
                 "reason": "fraudulent", "status": "%s"}""".formatted(id, amount, intent, status);
    }

    private int deliver(String id, String type, String object) {
        String payload = event(id, type, object, clock.now());
        return given().contentType("application/json")
                .header("Stripe-Signature", sign(payload, clock.now()))
                .body(payload)
                .post("/webhooks/stripe")
                .statusCode();
    }

    private InvoiceStatus status(Invoice invoice) {
        return data.fresh(() -> invoices.get(invoice.id).status);
    }

    private ChargeAttempt attempt(String key) {
        return data.fresh(() -> ChargeAttempt.find("idempotencyKey", key).firstResult());
    }

    private List<AuditEntry> audit(Enrolled who, String action) {
        return data.fresh(() -> AuditEntry.<AuditEntry>list(
                "subject = ?1 and action = ?2", "account:" + who.customer().account().id, action));
    }

    @Test
    void aSepaDebitIsPendingUntilStripeSaysItSucceededAndTheReceiptShowsTheMandateReference() {
        Enrolled ada = enrolled("adasepa", "pm_sepa_ok", true, "61.20");
        stub(
                post(urlPathEqualTo("/v1/payment_intents")),
                200,
                sepaIntent("pi_sepa_ok", 6120, "processing", ada.key(), null));

        run.run();

        assertThat(form(requests("POST", "/v1/payment_intents").get(0)))
                .containsEntry("payment_method_types[0]", "sepa_debit")
                .containsEntry("off_session", "true");
        assertThat(attempt(ada.key()).status).isEqualTo(ChargeStatus.PROCESSING);
        assertThat(status(ada.invoice())).isNotEqualTo(InvoiceStatus.PAID);
        WebSession browser = WebSession.signedIn(ada.customer().email(), "adasepa-pw");
        assertThat(browser.get("/portal/invoices/" + ada.invoice().number).asString())
                .contains("Payment pending");

        // Days pass while the bank works: autopay does not debit it again.
        clock.advance(Duration.ofDays(2));
        run.run();
        assertThat(requests("POST", "/v1/payment_intents")).hasSize(1);

        stub(
                get(urlPathEqualTo("/v1/payment_intents/pi_sepa_ok")),
                200,
                sepaIntent("pi_sepa_ok", 6120, "succeeded", ada.key(), null)
                        .replace(
                                "\"latest_charge\": null",
                                "\"latest_charge\": " + sepaCharge("py_sepa_ok", "pi_sepa_ok", "mandate_ok")));
        stub(get(urlPathEqualTo("/v1/mandates/mandate_ok")), 200, mandate("mandate_ok", "pm_sepa_ok", "active"));
        assertThat(deliver(
                        "evt_sepa_ok",
                        "payment_intent.succeeded",
                        sepaIntent("pi_sepa_ok", 6120, "succeeded", ada.key(), null)))
                .isEqualTo(200);

        assertThat(status(ada.invoice())).isEqualTo(InvoiceStatus.PAID);
        Payment paid = data.fresh(
                () -> Payment.<Payment>find("gatewayRef", "pi_sepa_ok").singleResult());
        assertThat(paid.mandateRef).isEqualTo("BILLFOLDMANDATE77");
        // Signed in again: the days that passed ended the first session.
        browser = WebSession.signedIn(ada.customer().email(), "adasepa-pw");
        assertThat(browser.get("/portal/receipts/" + paid.id).asString())
                .contains("SEPA mandate reference")
                .contains("BILLFOLDMANDATE77");
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void aReturnedSepaDebitReopensTheBillTellsTheCustomerAndIsRetriedUnderANewKey() {
        Enrolled ben = enrolled("bensepa", "pm_sepa_nsf", true, "40");
        stub(
                post(urlPathEqualTo("/v1/payment_intents")),
                200,
                sepaIntent("pi_sepa_nsf", 4000, "processing", ben.key(), null));
        run.run();
        assertThat(attempt(ben.key()).status).isEqualTo(ChargeStatus.PROCESSING);

        stub(
                get(urlPathEqualTo("/v1/payment_intents/pi_sepa_nsf")),
                200,
                sepaIntent("pi_sepa_nsf", 4000, "requires_payment_method", ben.key(), """
                        {"type": "invalid_request_error", "code": "insufficient_funds",
                         "message": "The customer's account has insufficient funds to cover this payment."}"""));
        clock.advance(Duration.ofDays(3));
        assertThat(deliver(
                        "evt_sepa_nsf",
                        "payment_intent.payment_failed",
                        sepaIntent("pi_sepa_nsf", 4000, "requires_payment_method", ben.key(), null)))
                .isEqualTo(200);

        ChargeAttempt returned = attempt(ben.key());
        assertThat(returned.status).isEqualTo(ChargeStatus.FAILED);
        assertThat(returned.declineCode).isEqualTo("insufficient_funds");
        assertThat(status(ben.invoice())).isEqualTo(InvoiceStatus.OPEN);
        List<OutboxMessage> told = data.fresh(() -> OutboxMessage.list(
                "customerId = ?1 and dedupeKey like ?2", ben.customer().id(), "debit-returned:%"));
        assertThat(told).singleElement().satisfies(m -> assertThat(m.payload).contains("insufficient funds"));

        // The retry policy tries again later, under a key of its own (never the returned one's).
        stub(
                post(urlPathEqualTo("/v1/payment_intents")),
                200,
                sepaIntent("pi_sepa_nsf2", 4000, "processing", "autopay-" + ben.invoice().id + "-2", null));
        for (int day = 0; day < 6; day++) {
            run.run();
            clock.advance(Duration.ofDays(1));
        }
        List<LoggedRequest> creates = requests("POST", "/v1/payment_intents");
        assertThat(creates).hasSizeGreaterThanOrEqualTo(2);
        assertThat(creates).extracting(r -> r.getHeader("Idempotency-Key")).doesNotHaveDuplicates();
        assertThat(data.fresh(() -> AutopaySchedule.<AutopaySchedule>findById(ben.invoice().id).tries))
                .isGreaterThanOrEqualTo(1);
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void aRevokedMandateStopsAutopayOnThatMethodWhetherADebitOrTheMandateSaysSo() {
        Enrolled cleo = enrolled("cleosepa", "pm_sepa_revoked", true, "25");
        stub(
                post(urlPathEqualTo("/v1/payment_intents")),
                200,
                sepaIntent("pi_sepa_revoked", 2500, "processing", cleo.key(), null));
        run.run();
        stub(
                get(urlPathEqualTo("/v1/payment_intents/pi_sepa_revoked")),
                200,
                sepaIntent("pi_sepa_revoked", 2500, "requires_payment_method", cleo.key(), """
                        {"type": "invalid_request_error", "code": "debit_not_authorized",
                         "message": "The customer has notified their bank that this payment was unauthorized."}"""));
        assertThat(deliver(
                        "evt_sepa_revoked",
                        "payment_intent.payment_failed",
                        sepaIntent("pi_sepa_revoked", 2500, "requires_payment_method", cleo.key(), null)))
                .isEqualTo(200);
        assertThat(data.fresh(() -> Account.<Account>findById(cleo.customer().account().id).autopayMethodId))
                .isNull();
        assertThat(status(cleo.invoice())).isNotEqualTo(InvoiceStatus.PAID);

        // A mandate revoked at the bank with no debit under way: Stripe's mandate.updated says so.
        Enrolled dan = enrolled("dansepa", "pm_sepa_gone", true, "12");
        stub(
                get(urlPathEqualTo("/v1/mandates/mandate_gone")),
                200,
                mandate("mandate_gone", "pm_sepa_gone", "inactive"));
        assertThat(deliver("evt_mandate_gone", "mandate.updated", mandate("mandate_gone", "pm_sepa_gone", "active")))
                .isEqualTo(200);
        assertThat(data.fresh(() -> Account.<Account>findById(dan.customer().account().id).autopayMethodId))
                .isNull();
        assertThat(audit(dan, "autopay.stop"))
                .singleElement()
                .satisfies(e -> assertThat(e.detail).contains("mandate revoked"));
    }

    /** A card bill paid by autopay through Stripe, with its own PaymentIntent. */
    private Payment paidByCard(Enrolled who, long cents, String pi) {
        stub(
                post(urlPathEqualTo("/v1/payment_intents")),
                200,
                paymentIntent(pi, cents, "succeeded", who.key(), "cus_test", null, null, null));
        stub(
                get(urlPathEqualTo("/v1/payment_intents/" + pi)),
                200,
                paymentIntent(pi, cents, "succeeded", who.key(), "cus_test", null, null, null));
        run.run();
        assertThat(status(who.invoice())).isEqualTo(InvoiceStatus.PAID);
        return data.fresh(() ->
                Payment.<Payment>find("account.id", who.customer().account().id).singleResult());
    }

    @Test
    void aRefundPendingAtStripeLeavesTheBillPaidAFailedOneChangesNothingAndOnlyASucceededOneReopensIt() {
        Enrolled eva = enrolled("evarefund", "pm_refund", false, "80");
        Payment paid = paidByCard(eva, 8000, "pi_test_eva");
        String clerk = data.staff(Role.CLERK, "clerk-refund-pw");
        WebSession asClerk = WebSession.signedIn(clerk, "clerk-refund-pw");
        String firstKey = "refund-" + paid.id + "-1";
        stub(post(urlPathEqualTo("/v1/refunds")), 200, refund("re_test_1", 3000, "pending", firstKey, null));

        var answer = asClerk.post(
                "/console/payments/" + paid.id + "/refund", Map.of("amount", "30", "reason", "Meter misread"));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).contains("notice_refund_pending");
        LoggedRequest sent = requests("POST", "/v1/refunds").get(0);
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("billfold:refund:" + firstKey);
        assertThat(form(sent))
                .containsEntry("payment_intent", "pi_test_eva")
                .containsEntry("amount", "3000")
                .containsEntry("metadata[billfold_key]", firstKey);
        Refund pending =
                data.fresh(() -> Refund.<Refund>find("idempotencyKey", firstKey).singleResult());
        assertThat(pending.status).isEqualTo(RefundStatus.PENDING);
        assertThat(pending.gatewayRef).isEqualTo("re_test_1");
        assertThat(status(eva.invoice())).isEqualTo(InvoiceStatus.PAID);
        assertThat(ledger.mismatches()).isEmpty();
        assertThat(refunds.refundable(paid.id)).isEqualByComparingTo("50");
        assertThat(asClerk.get("/console/accounts/" + eva.customer().account().id)
                        .asString())
                .contains("Refund of €30.00 pending");
        WebSession customer = WebSession.signedIn(eva.customer().email(), "evarefund-pw");
        assertThat(customer.get("/portal/payments").asString()).contains("Refund of €30.00 pending");

        // Stripe could not give it back: nothing changes, the amount can be refunded again.
        stub(
                get(urlPathEqualTo("/v1/refunds/re_test_1")),
                200,
                refund("re_test_1", 3000, "failed", firstKey, "expired_or_canceled_card"));
        assertThat(deliver("evt_refund_1", "refund.failed", refund("re_test_1", 3000, "pending", firstKey, null)))
                .isEqualTo(200);
        Refund failed = data.fresh(() -> Refund.<Refund>findById(pending.id));
        assertThat(failed.status).isEqualTo(RefundStatus.FAILED);
        assertThat(failed.failureCode).isEqualTo("expired_or_canceled_card");
        assertThat(status(eva.invoice())).isEqualTo(InvoiceStatus.PAID);
        assertThat(refunds.refundable(paid.id)).isEqualByComparingTo("80");
        assertThat(customer.get("/portal/payments").asString()).contains("Refund of €30.00 failed");
        assertThat(ledger.mismatches()).isEmpty();

        // A second refund, pending and then succeeded: only now does the bill owe it again.
        String secondKey = "refund-" + paid.id + "-2";
        stub(post(urlPathEqualTo("/v1/refunds")), 200, refund("re_test_2", 3000, "pending", secondKey, null));
        refunds.refund(paid.id, "30", "Meter misread, again", TestData.ACTOR);
        stub(
                get(urlPathEqualTo("/v1/refunds/re_test_2")),
                200,
                refund("re_test_2", 3000, "succeeded", secondKey, null));
        assertThat(deliver(
                        "evt_refund_2", "charge.refund.updated", refund("re_test_2", 3000, "pending", secondKey, null)))
                .isEqualTo(200);
        assertThat(data.fresh(
                        () -> Refund.<Refund>find("idempotencyKey", secondKey).singleResult().status))
                .isEqualTo(RefundStatus.SUCCEEDED);
        Invoice reopened = data.fresh(() -> invoices.get(eva.invoice().id));
        assertThat(reopened.status).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(reopened.balance).isEqualByComparingTo("30");
        assertThat(customer.get("/portal/payments").asString()).contains("Refunded €30.00");
        assertThat(ledger.mismatches()).isEmpty();
        // A late copy of the pending event changes nothing.
        assertThat(deliver("evt_refund_3", "refund.updated", refund("re_test_2", 3000, "pending", secondKey, null)))
                .isEqualTo(200);
        assertThat(data.fresh(() -> invoices.get(eva.invoice().id).balance)).isEqualByComparingTo("30");
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void aRefundWhoseAnswerWasLostIsSentAgainWithTheSameKeyByTheReconciler() {
        Enrolled fay = enrolled("fayrefund", "pm_refund_lost", false, "50");
        Payment paid = paidByCard(fay, 5000, "pi_test_fay");
        String key = "refund-" + paid.id + "-1";
        StripeStandIn.server()
                .stubFor(post(urlPathEqualTo("/v1/refunds"))
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Refund unanswered = refunds.refund(paid.id, "50", "Moved out", TestData.ACTOR);

        assertThat(unanswered.status).isEqualTo(RefundStatus.PENDING);
        assertThat(unanswered.gatewayRef).isNull();
        assertThat(status(fay.invoice())).isEqualTo(InvoiceStatus.PAID);
        // No second refund can be asked for while the first is under way.
        assertThatThrownBy(() -> refunds.refund(paid.id, "1", "Again", TestData.ACTOR))
                .hasMessageContaining("error");

        stub(post(urlPathEqualTo("/v1/refunds")), 200, refund("re_test_lost", 5000, "succeeded", key, null));
        clock.advance(Duration.ofMinutes(3));
        refunds.settleWaiting();

        assertThat(requests("POST", "/v1/refunds"))
                .hasSizeGreaterThanOrEqualTo(2)
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly("billfold:refund:" + key);
        assertThat(data.fresh(() -> Refund.<Refund>findById(unanswered.id).status))
                .isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(status(fay.invoice())).isEqualTo(InvoiceStatus.OPEN);
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void aDisputeReopensTheBillJoinsTheClerksQueueAndItsOutcomeIsRecorded() {
        Enrolled gus = enrolled("gusdispute", "pm_dispute", false, "90");
        Payment paid = paidByCard(gus, 9000, "pi_test_gus");
        stub(
                get(urlPathEqualTo("/v1/disputes/dp_test_1")),
                200,
                dispute("dp_test_1", "pi_test_gus", 9000, "needs_response"));

        assertThat(deliver(
                        "evt_dp_1",
                        "charge.dispute.created",
                        dispute("dp_test_1", "pi_test_gus", 9000, "needs_response")))
                .isEqualTo(200);

        assertThat(status(gus.invoice())).isEqualTo(InvoiceStatus.OPEN);
        Dispute open = data.fresh(
                () -> Dispute.<Dispute>find("processorRef", "dp_test_1").singleResult());
        assertThat(open.status).isEqualTo(Dispute.Status.OPEN);
        assertThat(open.amount).isEqualByComparingTo("90");
        assertThat(open.reason).isEqualTo("fraudulent");
        assertThat(ledger.mismatches()).isEmpty();
        assertThat(audit(gus, "payment.dispute_opened"))
                .singleElement()
                .satisfies(e -> assertThat(e.detail).contains("fraudulent").contains("dp_test_1"));
        String clerk = data.staff(Role.CLERK, "clerk-dispute-pw");
        WebSession asClerk = WebSession.signedIn(clerk, "clerk-dispute-pw");
        assertThat(asClerk.get("/console").asString()).contains("href=\"/console/disputes\"");
        assertThat(asClerk.get("/console/disputes").asString())
                .contains("dp_test_1")
                .contains(gus.customer().account().number)
                .contains("fraudulent")
                .contains("open (needs_response)");
        WebSession customer = WebSession.signedIn(gus.customer().email(), "gusdispute-pw");
        assertThat(customer.get("/console/disputes").statusCode()).isEqualTo(403);

        // The same event again, and an update: one dispute, the bill reopened once.
        assertThat(deliver(
                        "evt_dp_1",
                        "charge.dispute.created",
                        dispute("dp_test_1", "pi_test_gus", 9000, "needs_response")))
                .isEqualTo(200);
        stub(
                get(urlPathEqualTo("/v1/disputes/dp_test_1")),
                200,
                dispute("dp_test_1", "pi_test_gus", 9000, "under_review"));
        assertThat(deliver(
                        "evt_dp_2",
                        "charge.dispute.updated",
                        dispute("dp_test_1", "pi_test_gus", 9000, "under_review")))
                .isEqualTo(200);
        assertThat(data.fresh(() -> Refund.count("paymentId", paid.id))).isEqualTo(1);
        assertThat(data.fresh(() -> invoices.get(gus.invoice().id).balance)).isEqualByComparingTo("90");

        // Won: the money is back and pays the bill again.
        stub(get(urlPathEqualTo("/v1/disputes/dp_test_1")), 200, dispute("dp_test_1", "pi_test_gus", 9000, "won"));
        assertThat(deliver("evt_dp_3", "charge.dispute.closed", dispute("dp_test_1", "pi_test_gus", 9000, "won")))
                .isEqualTo(200);
        Dispute won = data.fresh(
                () -> Dispute.<Dispute>find("processorRef", "dp_test_1").singleResult());
        assertThat(won.status).isEqualTo(Dispute.Status.WON);
        assertThat(won.closedAt).isNotNull();
        assertThat(status(gus.invoice())).isEqualTo(InvoiceStatus.PAID);
        assertThat(audit(gus, "payment.dispute_won")).hasSize(1);
        assertThat(asClerk.get("/console/disputes").asString()).contains("won on");
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void aDisputeFirstSeenClosedAsLostIsRecordedWithTheBillLeftOpen() {
        Enrolled hal = enrolled("haldispute", "pm_dispute_lost", false, "35");
        paidByCard(hal, 3500, "pi_test_hal");
        // The closing event came first (events arrive out of order): the current state decides.
        stub(
                get(urlPathEqualTo("/v1/disputes/dp_test_lost")),
                200,
                dispute("dp_test_lost", "pi_test_hal", 3500, "lost"));
        assertThat(deliver(
                        "evt_dp_lost_2", "charge.dispute.closed", dispute("dp_test_lost", "pi_test_hal", 3500, "lost")))
                .isEqualTo(200);
        assertThat(deliver(
                        "evt_dp_lost_1",
                        "charge.dispute.created",
                        dispute("dp_test_lost", "pi_test_hal", 3500, "needs_response")))
                .isEqualTo(200);

        Dispute lost = data.fresh(
                () -> Dispute.<Dispute>find("processorRef", "dp_test_lost").singleResult());
        assertThat(lost.status).isEqualTo(Dispute.Status.LOST);
        assertThat(status(hal.invoice())).isEqualTo(InvoiceStatus.OPEN);
        assertThat(audit(hal, "payment.dispute_opened")).hasSize(1);
        assertThat(audit(hal, "payment.dispute_lost")).hasSize(1);
        assertThat(ledger.mismatches()).isEmpty();
    }
}
