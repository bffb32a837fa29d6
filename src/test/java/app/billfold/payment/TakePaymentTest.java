package app.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.invoice.Invoices;
import app.billfold.payment.gateway.ChargeRequest;
import app.billfold.payment.gateway.MethodDetails;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Invariant 3, a charge at most once per intent, and the sandbox's documented test numbers. */
@QuarkusTest
class TakePaymentTest {

    @Inject
    TestData data;

    @Inject
    TakePayment takePayment;

    @Inject
    SandboxGateway sandbox;

    @Inject
    Invoices invoices;

    @Inject
    LedgerCheck ledger;

    @Inject
    TestClock clock;

    @Inject
    SavedMethods methods;

    @Inject
    Autopay autopay;

    @Inject
    app.billfold.autopay.AutopayRun autopayRunner;

    @AfterEach
    void resetClock() {
        clock.reset();
        sandbox.loseNextAnswers(0);
        // Leave nobody on autopay for the next test's runs.
        data.fresh(
                () -> app.billfold.account.Account.update("autopayMethodId = null where autopayMethodId is not null"));
    }

    PayOrder order(Long accountId, Invoice invoice, String amount, MethodDetails method) {
        LinkedHashMap<Long, BigDecimal> parts = new LinkedHashMap<>();
        parts.put(invoice.id, new BigDecimal(amount));
        return new PayOrder(
                accountId,
                parts,
                method.token(),
                method.kind(),
                method.brand() + " " + method.last4(),
                ChargePurpose.PAY_NOW,
                "test-" + UUID.randomUUID(),
                TestData.ACTOR);
    }

    ChargeAttempt payWith(String cardOrAccount, String amount) {
        var customer = data.aCustomer().create();
        Invoice invoice = data.anInvoice(customer.account())
                .withLine("Water", "1", "100", "0")
                .issue();
        MethodDetails method = cardOrAccount.length() == 16
                ? sandbox.tokenizeCard(cardOrAccount, 12, 2030)
                : sandbox.tokenizeBankAccount(cardOrAccount);
        return takePayment.pay(order(customer.account().id, invoice, amount, method));
    }

    @Test
    void theSandboxTestNumbersBehaveAsDocumented() {
        assertThat(payWith("4242424242424242", "100").status).isEqualTo(ChargeStatus.SUCCEEDED);
        assertThat(payWith("000123456789", "100").status).isEqualTo(ChargeStatus.SUCCEEDED);
        assertDeclined(payWith("4000000000000002", "100"), "generic_decline", true);
        assertDeclined(payWith("4000000000009995", "100"), "insufficient_funds", false);
        assertDeclined(payWith("4000000000000069", "100"), "expired_card", true);
        assertDeclined(payWith("4000000000000119", "100"), "processing_error", false);
        assertDeclined(payWith("000111111113", "100"), "account_closed", true);
        assertThat(sandbox.tokenizeCard("4111111111111112", 12, 2030)).isNull();
        assertThat(ledger.mismatches()).isEmpty();
    }

    private static void assertDeclined(ChargeAttempt attempt, String code, boolean hard) {
        assertThat(attempt.status).isEqualTo(ChargeStatus.FAILED);
        assertThat(attempt.declineCode).isEqualTo(code);
        assertThat(attempt.hardFailure).isEqualTo(hard);
        assertThat(attempt.paymentId).isNull();
    }

    @Test
    void aPartPaymentLeavesTheBillPartlyPaidAndTheSameKeyNeverChargesTwice() {
        var customer = data.aCustomer().create();
        Invoice invoice = data.anInvoice(customer.account())
                .withLine("Water", "1", "100", "0")
                .issue();
        MethodDetails card = sandbox.tokenizeCard("4242424242424242", 12, 2030);
        PayOrder order = order(customer.account().id, invoice, "30.00", card);

        ChargeAttempt first = takePayment.pay(order);
        ChargeAttempt again = takePayment.pay(order);

        assertThat(first.status).isEqualTo(ChargeStatus.SUCCEEDED);
        assertThat(again.id).isEqualTo(first.id);
        assertThat(sandbox.chargesFor(card.token())).isEqualTo(1);
        Invoice after = data.fresh(() -> invoices.get(invoice.id));
        assertThat(after.status).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(after.balance).isEqualByComparingTo("70");
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void fiftySimultaneousPayNowSubmissionsChargeOnce() throws Exception {
        var customer = data.aCustomer().create();
        Invoice invoice = data.anInvoice(customer.account())
                .withLine("Water", "1", "80", "0")
                .issue();
        MethodDetails card = sandbox.tokenizeCard("4242424242424242", 12, 2030);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<ChargeAttempt>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            PayOrder order = order(customer.account().id, invoice, "80", card);
            results.add(pool.submit((Callable<ChargeAttempt>) () -> {
                go.await();
                return takePayment.pay(order);
            }));
        }
        Future<app.billfold.autopay.AutopayRun.Result> autopayRun = pool.submit(() -> {
            go.await();
            return autopayRunner.run();
        });
        go.countDown();
        int charged = autopayRun.get().charged();
        int succeeded = charged;
        for (Future<ChargeAttempt> result : results) {
            ChargeAttempt attempt = result.get();
            assertThat(attempt.status).isIn(ChargeStatus.SUCCEEDED, ChargeStatus.CANCELLED);
            succeeded += attempt.status == ChargeStatus.SUCCEEDED ? 1 : 0;
        }
        pool.shutdown();
        assertThat(succeeded).isEqualTo(1);
        assertThat(sandbox.chargesFor(card.token())).isEqualTo(1);
        assertThat(data.fresh(() -> invoices.get(invoice.id).status)).isEqualTo(InvoiceStatus.PAID);
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void aLostAnswerIsSettledByAskingTheProcessorNotByChargingAgain() {
        var customer = data.aCustomer().create();
        Invoice invoice = data.anInvoice(customer.account())
                .withLine("Water", "1", "45", "0")
                .issue();
        MethodDetails card = sandbox.tokenizeCard("4242424242424242", 12, 2030);
        sandbox.loseNextAnswers(1);

        ChargeAttempt lost = takePayment.pay(order(customer.account().id, invoice, "45", card));
        assertThat(lost.status).isEqualTo(ChargeStatus.UNKNOWN);
        assertThat(sandbox.chargesFor(card.token())).isEqualTo(1);

        // The payer tries again with a new submission before anything was reconciled.
        ChargeAttempt retry = takePayment.pay(order(customer.account().id, invoice, "45", card));
        assertThat(retry.status).isEqualTo(ChargeStatus.CANCELLED);
        assertThat(data.fresh(() -> ChargeAttempt.<ChargeAttempt>findById(lost.id).status))
                .isEqualTo(ChargeStatus.SUCCEEDED);
        assertThat(sandbox.chargesFor(card.token())).isEqualTo(1);
        assertThat(data.fresh(() -> invoices.get(invoice.id).status)).isEqualTo(InvoiceStatus.PAID);
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void aChargeSentJustBeforeACrashIsFoundOnRestartAndNotRepeated() {
        var customer = data.aCustomer().create();
        Invoice invoice = data.anInvoice(customer.account())
                .withLine("Water", "1", "60", "0")
                .issue();
        MethodDetails card = sandbox.tokenizeCard("4242424242424242", 12, 2030);
        PayOrder order = order(customer.account().id, invoice, "60", card);
        // The node recorded the attempt, sent it, and died before recording the answer.
        Long attemptId = data.pendingAttempt(order);
        sandbox.charge(new ChargeRequest(new BigDecimal("60"), "EUR", card.token(), order.idempotencyKey(), Map.of()));

        clock.advance(Duration.ofMinutes(3));
        assertThat(takePayment.settleAbandoned()).isGreaterThanOrEqualTo(1);

        assertThat(data.fresh(() -> ChargeAttempt.<ChargeAttempt>findById(attemptId).status))
                .isEqualTo(ChargeStatus.SUCCEEDED);
        assertThat(takePayment.settle(attemptId).status).isEqualTo(ChargeStatus.SUCCEEDED);
        assertThat(sandbox.chargesFor(card.token())).isEqualTo(1);
        assertThat(data.fresh(() -> invoices.get(invoice.id).status)).isEqualTo(InvoiceStatus.PAID);
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void anAbandonedAttemptThatNeverReachedTheProcessorIsCancelledAndTheBillStaysPayable() {
        var customer = data.aCustomer().create();
        Invoice invoice = data.anInvoice(customer.account())
                .withLine("Water", "1", "60", "0")
                .issue();
        MethodDetails card = sandbox.tokenizeCard("4242424242424242", 12, 2030);
        Long abandoned = data.pendingAttempt(order(customer.account().id, invoice, "60", card));

        clock.advance(Duration.ofMinutes(3));
        takePayment.settleAbandoned();

        assertThat(data.fresh(() -> ChargeAttempt.<ChargeAttempt>findById(abandoned).status))
                .isEqualTo(ChargeStatus.CANCELLED);
        assertThat(sandbox.chargesFor(card.token())).isZero();
        assertThat(takePayment.pay(order(customer.account().id, invoice, "60", card)).status)
                .isEqualTo(ChargeStatus.SUCCEEDED);
        assertThat(sandbox.chargesFor(card.token())).isEqualTo(1);
    }
}
