package app.billfold.autopay;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.invoice.Invoices;
import app.billfold.payment.Autopay;
import app.billfold.payment.LedgerCheck;
import app.billfold.payment.SavedMethod;
import app.billfold.payment.SavedMethods;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AutopayRunTest {

    @Inject
    TestData data;

    @Inject
    AutopayRun run;

    @Inject
    SavedMethods methods;

    @Inject
    Autopay autopay;

    @Inject
    SandboxGateway sandbox;

    @Inject
    Invoices invoices;

    @Inject
    LedgerCheck ledger;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
        // Leave nothing due for the next test's run.
        data.fresh(() ->
                AutopaySchedule.update("status = ?1 where status = ?2", AutopayStatus.DONE, AutopayStatus.SCHEDULED));
        data.fresh(
                () -> app.billfold.account.Account.update("autopayMethodId = null where autopayMethodId is not null"));
    }

    record Enrolled(TestData.CreatedCustomer customer, SavedMethod method, Invoice invoice) {}

    Enrolled enrolledWith(String card, String due, String amount) {
        var customer = data.aCustomer().create();
        SavedMethod method =
                methods.save(customer.id(), sandbox.tokenizeCard(card, 12, 2030).token(), TestData.ACTOR);
        autopay.enrol(customer.id(), customer.account().id, method.id, TestData.ACTOR);
        Invoice invoice = data.anInvoice(customer.account())
                .due(due)
                .withLine("Water", "1", amount, "0")
                .issue();
        return new Enrolled(customer, method, invoice);
    }

    InvoiceStatus status(Invoice invoice) {
        return data.fresh(() -> invoices.get(invoice.id).status);
    }

    AutopaySchedule schedule(Invoice invoice) {
        return data.fresh(() -> AutopaySchedule.findById(invoice.id));
    }

    @Test
    void chargesOnTheDueDateOnceAndNotBefore() {
        Enrolled later = enrolledWith("4242424242424242", "2026-03-12", "30");
        Enrolled today = enrolledWith("4242424242424242", "2026-03-10", "40");

        run.run();
        run.run();

        assertThat(status(today.invoice())).isEqualTo(InvoiceStatus.PAID);
        assertThat(sandbox.chargesFor(today.method().token)).isEqualTo(1);
        assertThat(status(later.invoice())).isEqualTo(InvoiceStatus.OPEN);
        assertThat(sandbox.chargesFor(later.method().token)).isZero();

        // Down for a week: the next run catches up, once.
        clock.advance(Duration.ofDays(7));
        run.run();
        run.run();
        assertThat(status(later.invoice())).isEqualTo(InvoiceStatus.PAID);
        assertThat(sandbox.chargesFor(later.method().token)).isEqualTo(1);
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void softFailuresAreRetriedOnDaysOneThreeAndFiveThenFlagged() {
        Enrolled poor = enrolledWith("4000000000009995", "2026-03-10", "50");
        run.run();
        AutopaySchedule first = schedule(poor.invoice());
        assertThat(first.status).isEqualTo(AutopayStatus.SCHEDULED);
        assertThat(first.tries).isEqualTo(1);
        assertThat(first.nextTryOn).isEqualTo("2026-03-11");
        assertThat(first.lastDeclineCode).isEqualTo("insufficient_funds");

        clock.advance(Duration.ofDays(1));
        run.run();
        assertThat(schedule(poor.invoice()).nextTryOn).isEqualTo("2026-03-13");
        run.run();
        assertThat(schedule(poor.invoice()).tries).isEqualTo(2);
        clock.advance(Duration.ofDays(2));
        run.run();
        assertThat(schedule(poor.invoice()).nextTryOn).isEqualTo("2026-03-15");
        clock.advance(Duration.ofDays(2));
        run.run();
        AutopaySchedule last = schedule(poor.invoice());
        assertThat(last.status).isEqualTo(AutopayStatus.FAILED);
        assertThat(last.tries).isEqualTo(4);
        assertThat(status(poor.invoice())).isEqualTo(InvoiceStatus.OPEN);
    }

    @Test
    void aHardFailureStopsAtOnce() {
        Enrolled stolen = enrolledWith("4000000000000002", "2026-03-10", "50");
        run.run();
        AutopaySchedule row = schedule(stolen.invoice());
        assertThat(row.status).isEqualTo(AutopayStatus.FAILED);
        assertThat(row.tries).isEqualTo(1);
        assertThat(row.lastDeclineCode).isEqualTo("generic_decline");
        clock.advance(Duration.ofDays(2));
        run.run();
        assertThat(schedule(stolen.invoice()).tries).isEqualTo(1);
    }

    @Test
    void aBillPaidByHandBetweenTwoTriesIsNotChargedAgain() {
        Enrolled poor = enrolledWith("4000000000009995", "2026-03-10", "50");
        run.run();
        assertThat(schedule(poor.invoice()).tries).isEqualTo(1);
        data.pay(poor.customer().account(), "50.00");

        clock.advance(Duration.ofDays(1));
        run.run();

        AutopaySchedule row = schedule(poor.invoice());
        assertThat(row.status).isEqualTo(AutopayStatus.DONE);
        assertThat(row.tries).isEqualTo(1);
        assertThat(status(poor.invoice())).isEqualTo(InvoiceStatus.PAID);
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void aRunInterruptedAfterTheProcessorChargedIsReRunWithoutChargingTwice() {
        Enrolled due = enrolledWith("4242424242424242", "2026-03-10", "40");
        // The first run recorded the try and the processor charged it; the node died before the commit.
        String key = "autopay-" + due.invoice().id + "-1";
        java.util.LinkedHashMap<Long, java.math.BigDecimal> parts = new java.util.LinkedHashMap<>();
        parts.put(due.invoice().id, new java.math.BigDecimal("40"));
        data.pendingAttempt(new app.billfold.payment.PayOrder(
                due.customer().account().id,
                parts,
                due.method().token,
                due.method().kind,
                due.method().label(),
                app.billfold.payment.ChargePurpose.AUTOPAY,
                key,
                "autopay-run"));
        // As TakePayment sends it: a saved method charges only for the customer it was saved for.
        String customerRef = data.fresh(() -> app.billfold.account.Customer.<app.billfold.account.Customer>findById(
                        due.customer().id())
                .gatewayCustomerId);
        sandbox.charge(new app.billfold.payment.gateway.ChargeRequest(
                new java.math.BigDecimal("40"),
                "EUR",
                due.method().token,
                key,
                java.util.Map.of(),
                customerRef,
                due.method().kind));

        run.run();

        assertThat(sandbox.chargesFor(due.method().token)).isEqualTo(1);
        assertThat(status(due.invoice())).isEqualTo(InvoiceStatus.PAID);
        assertThat(schedule(due.invoice()).status).isEqualTo(AutopayStatus.DONE);
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void anExpiredCardIsFlaggedInsteadOfCharged() {
        var customer = data.aCustomer().create();
        SavedMethod card = methods.save(
                customer.id(), sandbox.tokenizeCard("4242424242424242", 4, 2026).token(), TestData.ACTOR);
        autopay.enrol(customer.id(), customer.account().id, card.id, TestData.ACTOR);
        Invoice invoice = data.anInvoice(customer.account()).due("2026-05-02").issue();
        clock.advance(Duration.ofDays(60));
        run.run();
        assertThat(schedule(invoice).status).isEqualTo(AutopayStatus.FAILED);
        assertThat(schedule(invoice).lastDeclineCode).isEqualTo("expired_card");
        assertThat(sandbox.chargesFor(card.token)).isZero();
    }

    @Test
    void clerksSeeFailedAutopaysWithTheReasonAndCardsExpiringBeforeTheNextBill() {
        Enrolled stolen = enrolledWith("4000000000000002", "2026-03-10", "50");
        var soon = data.aCustomer().named("Expiring Soon").create();
        SavedMethod card = methods.save(
                soon.id(), sandbox.tokenizeCard("4242424242424242", 3, 2026).token(), TestData.ACTOR);
        autopay.enrol(soon.id(), soon.account().id, card.id, TestData.ACTOR);
        data.anInvoice(soon.account()).due("2026-04-05").issue();
        run.run();

        String clerk = data.staff(app.billfold.identity.Role.CLERK, "clerk-pw");
        String queue = app.billfold.support.WebSession.signedIn(clerk, "clerk-pw")
                .get("/console/autopay")
                .asString();
        assertThat(queue).contains(stolen.invoice().number).contains("Your card was declined");
        assertThat(queue).contains(soon.account().number).contains("Expiring Soon");
    }

    @Test
    void twoConcurrentRunsChargeEachDueInvoiceExactlyOnce() throws Exception {
        List<Enrolled> due = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            due.add(enrolledWith("4242424242424242", "2026-03-10", "10"));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<Future<AutopayRun.Result>> results = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            results.add(nodes.submit(() -> {
                go.await();
                return run.run();
            }));
        }
        go.countDown();
        int charged = 0;
        for (Future<AutopayRun.Result> result : results) {
            charged += result.get().charged();
        }
        nodes.shutdown();
        assertThat(charged).isEqualTo(12);
        for (Enrolled e : due) {
            assertThat(sandbox.chargesFor(e.method().token)).isEqualTo(1);
            assertThat(status(e.invoice())).isEqualTo(InvoiceStatus.PAID);
        }
        assertThat(ledger.mismatches()).isEmpty();
    }
}
