package app.billfold.payment.stripe;

import static app.billfold.support.StripeStandIn.card;
import static app.billfold.support.StripeStandIn.form;
import static app.billfold.support.StripeStandIn.paymentIntent;
import static app.billfold.support.StripeStandIn.requests;
import static app.billfold.support.StripeStandIn.stub;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
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
import app.billfold.payment.Autopay;
import app.billfold.payment.ChargeAttempt;
import app.billfold.payment.ChargePurpose;
import app.billfold.payment.ChargeStatus;
import app.billfold.payment.LedgerCheck;
import app.billfold.payment.PayOrder;
import app.billfold.payment.Payment;
import app.billfold.payment.SavedMethod;
import app.billfold.payment.SavedMethods;
import app.billfold.payment.TakePayment;
import app.billfold.payment.gateway.MethodKind;
import app.billfold.support.PostgresTestDatabase;
import app.billfold.support.StripeProfile;
import app.billfold.support.StripeStandIn;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Charges whose outcome is unknown (a reply dropped, a timeout, a node that died between the call
 * and the commit) settled by asking Stripe, by the customer's PaymentIntents listed with the key in
 * their metadata (Stripe's search lags and may miss a charge made a moment ago); and a large autopay
 * run with 5 % of Stripe's replies dropped ending with no double charge and nothing unknown.
 */
@QuarkusTest
@TestProfile(StripeReconcilerTest.Profile.class)
class StripeReconcilerTest {

    /** Stripe with a short read timeout, and room for a large run: a rate cap as Stripe's live mode. */
    public static class Profile extends StripeProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "billfold.stripe.read-timeout", "PT1S",
                    "billfold.payments.max-calls-per-second", "100",
                    "billfold.autopay.concurrency", "8");
        }
    }

    @Inject
    TestData data;

    @Inject
    AutopayRun run;

    @Inject
    TakePayment takePayment;

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
        clock.reset();
        data.fresh(() ->
                AutopaySchedule.update("status = ?1 where status = ?2", AutopayStatus.DONE, AutopayStatus.SCHEDULED));
        data.fresh(() -> Account.update("autopayMethodId = null where autopayMethodId is not null"));
    }

    record Enrolled(TestData.CreatedCustomer customer, SavedMethod method, Invoice invoice, String stripeCustomer) {}

    private Enrolled enrolled(String name, String pm, String amount) {
        var customer = data.aCustomer().named(name).create();
        String stripeCustomer = "cus_test_" + name;
        stub(post(urlPathEqualTo("/v1/customers")), 200, """
                {"id": "%s", "object": "customer", "created": 1764300000, "email": null, "livemode": false,
                 "metadata": {}, "name": null}""".formatted(stripeCustomer));
        stub(get(urlPathEqualTo("/v1/payment_methods/" + pm)), 200, card(pm, stripeCustomer, "visa", "4242"));
        SavedMethod method = methods.save(customer.id(), pm, TestData.ACTOR);
        Invoice invoice = data.anInvoice(customer.account())
                .withLine("Water", "1", amount, "0")
                .issue();
        return new Enrolled(customer, method, invoice, stripeCustomer);
    }

    private PayOrder payWithSaved(Enrolled who, String amount, String key) {
        LinkedHashMap<Long, BigDecimal> parts = new LinkedHashMap<>();
        parts.put(who.invoice().id, new BigDecimal(amount));
        return new PayOrder(
                who.customer().account().id,
                parts,
                who.method().token,
                MethodKind.CARD,
                who.method().label(),
                ChargePurpose.PAY_NOW,
                key,
                TestData.ACTOR);
    }

    /** Stripe's list of a customer's PaymentIntents, newest first. */
    private static void customerIntents(String customer, String... intents) {
        stub(
                get(urlPathEqualTo("/v1/payment_intents")).withQueryParam("customer", equalTo(customer)),
                200,
                """
                {"object": "list", "data": [%s], "has_more": false, "url": "/v1/payment_intents"}""".formatted(String.join(",", intents)));
    }

    private ChargeAttempt attempt(String key) {
        return data.fresh(() -> ChargeAttempt.find("idempotencyKey", key).firstResult());
    }

    @Test
    void aDroppedReplyIsSettledByAskingStripeForTheCustomersIntentsNotByChargingAgain() {
        Enrolled ada = enrolled("adarecon", "pm_recon_1", "42");
        String key = "recon-" + UUID.randomUUID();
        StripeStandIn.server()
                .stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        ChargeAttempt unanswered = takePayment.pay(payWithSaved(ada, "42", key));

        assertThat(unanswered.status).isEqualTo(ChargeStatus.UNKNOWN);
        // stripe-java tried again, every time with the same Idempotency-Key.
        List<LoggedRequest> creates = requests("POST", "/v1/payment_intents");
        assertThat(creates).hasSizeGreaterThanOrEqualTo(2);
        assertThat(creates).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly("billfold:charge:" + key);
        assertThat(data.fresh(() -> invoices.get(ada.invoice().id).status)).isNotEqualTo(InvoiceStatus.PAID);

        // Stripe did make the charge. The reconciler, a few minutes on, finds it by listing the
        // customer's PaymentIntents (no search, which lags) and books it once.
        customerIntents(
                ada.stripeCustomer(),
                paymentIntent("pi_other", 999, "succeeded", "someone-else", ada.stripeCustomer(), null, null, null),
                paymentIntent("pi_recon_1", 4200, "succeeded", key, ada.stripeCustomer(), null, null, null));
        clock.advance(Duration.ofMinutes(3));
        takePayment.settleAbandoned();

        assertThat(attempt(key).status).isEqualTo(ChargeStatus.SUCCEEDED);
        assertThat(data.fresh(() -> invoices.get(ada.invoice().id).status)).isEqualTo(InvoiceStatus.PAID);
        assertThat(requests("GET", "/v1/payment_intents").get(0).getUrl()).contains("customer=" + ada.stripeCustomer());
        assertThat(requests("GET", "/v1/payment_intents/search")).isEmpty();
        assertThat(requests("POST", "/v1/payment_intents")).hasSize(creates.size());
        assertThat(data.fresh(() -> Payment.count("gatewayRef", "pi_recon_1"))).isEqualTo(1);
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void aTimeoutLeavesTheOutcomeUnknownAndAChargeStripeNeverMadeIsCancelledAndNotRepeated() {
        Enrolled ben = enrolled("benrecon", "pm_recon_2", "30");
        String key = "recon-" + UUID.randomUUID();
        StripeStandIn.server()
                .stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                        .willReturn(aResponse()
                                .withFixedDelay(2_500)
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody(paymentIntent(
                                        "pi_recon_2",
                                        3000,
                                        "succeeded",
                                        key,
                                        ben.stripeCustomer(),
                                        null,
                                        null,
                                        null))));

        ChargeAttempt timedOut = takePayment.pay(payWithSaved(ben, "30", key));

        assertThat(timedOut.status).isEqualTo(ChargeStatus.UNKNOWN);
        assertThat(requests("POST", "/v1/payment_intents"))
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly("billfold:charge:" + key);

        // This time Stripe holds nothing for the key: the attempt is cancelled, never sent again,
        // and the bill is still payable.
        customerIntents(ben.stripeCustomer());
        int sent = requests("POST", "/v1/payment_intents").size();
        clock.advance(Duration.ofMinutes(3));
        takePayment.settleAbandoned();

        assertThat(attempt(key).status).isEqualTo(ChargeStatus.CANCELLED);
        assertThat(requests("POST", "/v1/payment_intents")).hasSize(sent);
        assertThat(data.fresh(() -> invoices.get(ben.invoice().id).status)).isEqualTo(InvoiceStatus.OPEN);
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void aNodeThatDiedBetweenTheCallAndTheCommitLeavesAnAttemptInFlightThatTheReconcilerSettles() {
        Enrolled cleo = enrolled("cleorecon", "pm_recon_3", "18");
        String key = "recon-" + UUID.randomUUID();
        // Recorded, marked as being sent, sent, and the node died before the answer was written.
        Long id = data.pendingAttempt(payWithSaved(cleo, "18", key));
        data.fresh(() -> ChargeAttempt.update(
                "status = ?1, checkedAt = ?2 where id = ?3", ChargeStatus.SENDING, clock.now(), id));
        customerIntents(
                cleo.stripeCustomer(),
                paymentIntent("pi_recon_3", 1800, "succeeded", key, cleo.stripeCustomer(), null, null, null));

        // While its sender may still be waiting for the answer, the reconciler leaves it alone ...
        clock.advance(Duration.ofMinutes(1));
        takePayment.settleAbandoned();
        assertThat(attempt(key).status).isEqualTo(ChargeStatus.SENDING);
        // ... and a second payment on the same bill counts it as under way: nothing is charged twice.
        ChargeAttempt second = takePayment.pay(payWithSaved(cleo, "18", "recon-" + UUID.randomUUID()));
        assertThat(second.status).isEqualTo(ChargeStatus.CANCELLED);
        assertThat(requests("POST", "/v1/payment_intents")).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        takePayment.settleAbandoned();

        assertThat(attempt(key).status).isEqualTo(ChargeStatus.SUCCEEDED);
        assertThat(data.fresh(() -> invoices.get(cleo.invoice().id).status)).isEqualTo(InvoiceStatus.PAID);
        assertThat(requests("POST", "/v1/payment_intents")).isEmpty();
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void aLargeAutopayRunWithFivePercentOfRepliesDroppedEndsWithNoDoubleChargeAndNothingUnknown() throws Exception {
        // 2,000 charges (-Dreconcile.charges=2000) passed here (0 double charges, 0 unknown left) but
        // took 210 s on the shared 2-core test machine (6 to 10 charges/s end to end while four
        // builds ran), far over a minute; 300 keep the same 5 % of replies dropped.
        int count = Integer.getInteger("reconcile.charges", 300);
        if (count < 2_000) {
            System.out.printf(
                    "%nRECONCILE runs %d charges, not 2,000: at 6 to 10 charges/s on this shared 2-core machine"
                            + " 2,000 take over three minutes; -Dreconcile.charges=2000 runs them all%n",
                    count);
        }
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<long[]> seeded = seed(tag, count); // {customer id, invoice id}
        // Every 20th charge (5 %) reaches Stripe and is made there, but its reply is dropped, every
        // time stripe-java tries: its outcome is unknown until the reconciler asks.
        Set<Long> dropped = new java.util.HashSet<>();
        for (int i = 0; i < seeded.size(); i += 20) {
            long customerId = seeded.get(i)[0];
            long invoiceId = seeded.get(i)[1];
            dropped.add(invoiceId);
            String key = "autopay-" + invoiceId + "-1";
            StripeStandIn.server()
                    .stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                            .atPriority(1)
                            .withRequestBody(matching("(?s).*=" + key + "(&.*)?"))
                            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            customerIntents(
                    "cus_bulk_" + tag + "_" + customerId,
                    paymentIntent(
                            "pi_bulk_" + invoiceId,
                            4200,
                            "succeeded",
                            key,
                            "cus_bulk_" + tag + "_" + customerId,
                            null,
                            null,
                            null));
        }
        StripeStandIn.server()
                .stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                        .atPriority(5)
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withTransformers("response-template")
                                .withBody(paymentIntent(
                                        "pi_bulk_{{regexExtract request.body 'autopay-[0-9]+-[0-9]+'}}",
                                        4200,
                                        "succeeded",
                                        "{{regexExtract request.body 'autopay-[0-9]+-[0-9]+'}}",
                                        null,
                                        null,
                                        null,
                                        null))));

        long start = System.nanoTime();
        AutopayRun.Result result = run.run();
        double runSeconds = (System.nanoTime() - start) / 1e9;
        Set<Long> mine = seeded.stream().map(s -> s[1]).collect(Collectors.toSet());
        long unknownAfterRun = attemptsOf(tag, ChargeStatus.UNKNOWN);

        clock.advance(Duration.ofMinutes(3));
        long reconcileStart = System.nanoTime();
        takePayment.settleAbandoned();
        takePayment.settleWaiting();
        double reconcileSeconds = (System.nanoTime() - reconcileStart) / 1e9;

        // Stripe's side: every create that reached it, by Billfold's key; one key per bill.
        Map<Long, Set<String>> keysByInvoice = new LinkedHashMap<>();
        for (LoggedRequest create : requests("POST", "/v1/payment_intents")) {
            String key = form(create).get("metadata[billfold_key]");
            long invoiceId = Long.parseLong(key.split("-")[1]);
            if (mine.contains(invoiceId)) {
                keysByInvoice
                        .computeIfAbsent(invoiceId, k -> new java.util.HashSet<>())
                        .add(create.getHeader("Idempotency-Key"));
            }
        }
        long doubleCharges =
                keysByInvoice.values().stream().filter(keys -> keys.size() > 1).count();
        long unknownLeft = attemptsOf(tag, ChargeStatus.UNKNOWN)
                + attemptsOf(tag, ChargeStatus.SENDING)
                + attemptsOf(tag, ChargeStatus.PENDING);
        long paid =
                countSql("select count(*) from invoice where number like 'RECON-" + tag + "-%' and status = 'PAID'");
        long payments = countSql("select count(*) from payment_allocation pa join invoice i on i.id = pa.invoice_id"
                + " where i.number like 'RECON-" + tag + "-%'");
        System.out.printf(
                "%nRECONCILE %d autopay charges, %d replies dropped: run %.1f s (%s), %d unknown after the run;"
                        + " reconciler %.1f s; %d double charges, %d unknown left, %d bills paid by %d payments%n",
                count,
                dropped.size(),
                runSeconds,
                result,
                unknownAfterRun,
                reconcileSeconds,
                doubleCharges,
                unknownLeft,
                paid,
                payments);

        assertThat(unknownAfterRun).isEqualTo(dropped.size());
        assertThat(doubleCharges).isZero();
        assertThat(keysByInvoice).hasSize(count);
        assertThat(unknownLeft).isZero();
        assertThat(paid).isEqualTo(count);
        assertThat(payments).isEqualTo(count);
        assertThat(requests("GET", "/v1/payment_intents/search")).isEmpty();

        // The next run charges nothing again.
        int sent = requests("POST", "/v1/payment_intents").size();
        clock.advance(Duration.ofDays(1));
        run.run();
        assertThat(requests("POST", "/v1/payment_intents")).hasSize(sent);
        assertThat(ledger.mismatches()).isEmpty();
    }

    private long attemptsOf(String tag, ChargeStatus status) throws Exception {
        return countSql("select count(*) from charge_attempt a join account c on c.id = a.account_id"
                + " where c.number like 'R" + tag + "%' and a.status = '" + status.name() + "'");
    }

    private static long countSql(String sql) throws Exception {
        try (Connection c = PostgresTestDatabase.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** N customers known to Stripe, each with a saved card, on autopay, with one bill due today: plain SQL. */
    private List<long[]> seed(String tag, int count) throws Exception {
        String today = clock.today().toString();
        try (Connection c = PostgresTestDatabase.connect();
                Statement s = c.createStatement()) {
            s.execute("insert into customer (kind, name, email, language, created_at) select 'PERSON', 'Recon " + tag
                    + " ' || g, 'recon-" + tag + "-' || g || '@example.com', 'en', now() from generate_series(1, "
                    + count + ") g");
            String mine = "select id from customer where email like 'recon-" + tag + "-%'";
            s.execute("update customer set gateway_customer_id = 'cus_bulk_" + tag + "_' || id where id in (" + mine
                    + ")");
            s.execute("insert into account (customer_id, number, service_address, postcode, status, created_at)"
                    + " select id, 'R" + tag + "' || id, 'Recon street', '75001', 'ACTIVE', now() from customer"
                    + " where id in (" + mine + ")");
            s.execute("insert into saved_method (customer_id, kind, token, brand, last4, exp_month, exp_year,"
                    + " is_default, removed, created_at) select id, 'CARD', 'pm_bulk_" + tag + "_' || id, 'visa',"
                    + " '4242', 12, 2034, true, false, now() from customer where id in (" + mine + ")");
            s.execute("update account a set autopay_method_id = m.id, autopay_since = now() from saved_method m"
                    + " where m.customer_id = a.customer_id and m.token like 'pm_bulk_" + tag + "_%'");
            s.execute("insert into invoice (account_id, number, status, issue_date, due_date, currency, net_total,"
                    + " tax_total, gross_total, amount_paid, balance, created_at, issued_at, version)"
                    + " select a.id, 'RECON-" + tag + "-' || a.id, 'OPEN', date '" + today + "' - 30, date '" + today
                    + "', 'EUR', 42, 0, 42, 0, 42, now(), now(), 0 from account a where a.number like 'R" + tag
                    + "%'");
            List<long[]> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select a.customer_id, i.id from invoice i join account a on"
                    + " a.id = i.account_id where i.number like 'RECON-" + tag + "-%' order by i.id")) {
                while (rs.next()) {
                    rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
            return rows;
        }
    }
}
