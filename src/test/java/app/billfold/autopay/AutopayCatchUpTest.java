package app.billfold.autopay;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.payment.Autopay;
import app.billfold.payment.SavedMethod;
import app.billfold.payment.SavedMethods;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retries after downtime: they count from the try that failed, not from the due date, and a run
 * that catches up charges each bill at most once.
 */
@QuarkusTest
class AutopayCatchUpTest {

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
    TestClock clock;

    @AfterEach
    void reset() {
        clock.reset();
        data.fresh(() ->
                AutopaySchedule.update("status = ?1 where status = ?2", AutopayStatus.DONE, AutopayStatus.SCHEDULED));
        data.fresh(
                () -> app.billfold.account.Account.update("autopayMethodId = null where autopayMethodId is not null"));
    }

    @Test
    void afterTenDaysDownASoftDeclineIsTriedOncePerRunThenOnDaysOneThreeAndFiveAfterIt() {
        var customer = data.aCustomer().create();
        SavedMethod poor = methods.save(
                customer.id(),
                sandbox.tokenizeCard("4000000000009995", 12, 2030).token(),
                TestData.ACTOR);
        autopay.enrol(customer.id(), customer.account().id, poor.id, TestData.ACTOR);
        Invoice bill = data.anInvoice(customer.account())
                .due("2026-03-12")
                .withLine("Water", "1", "50", "0")
                .issue();

        // Down from before the due date until ten days after it; then the hourly run comes back.
        clock.set(Instant.parse("2026-03-22T09:05:00Z"));
        run.run();
        run.run();
        assertThat(tries(customer.account().id)).isEqualTo(1);
        AutopaySchedule first = schedule(bill);
        assertThat(first.status).isEqualTo(AutopayStatus.SCHEDULED);
        assertThat(first.tries).isEqualTo(1);
        assertThat(first.firstTryOn).isEqualTo(LocalDate.parse("2026-03-22"));
        assertThat(first.nextTryOn).isEqualTo(LocalDate.parse("2026-03-23"));

        clock.advance(Duration.ofDays(1)); // 03-23: the first retry
        run.run();
        run.run();
        assertThat(tries(customer.account().id)).isEqualTo(2);
        assertThat(schedule(bill).nextTryOn).isEqualTo(LocalDate.parse("2026-03-25"));

        // Down again over the second retry: the catch-up tries once, and the last retry is tomorrow.
        clock.set(Instant.parse("2026-03-27T09:05:00Z"));
        run.run();
        run.run();
        assertThat(tries(customer.account().id)).isEqualTo(3);
        assertThat(schedule(bill).nextTryOn).isEqualTo(LocalDate.parse("2026-03-28"));

        clock.advance(Duration.ofDays(1));
        run.run();
        assertThat(tries(customer.account().id)).isEqualTo(4);
        AutopaySchedule last = schedule(bill);
        assertThat(last.status).isEqualTo(AutopayStatus.FAILED);
        assertThat(last.tries).isEqualTo(4);
        assertThat(data.fresh(() -> Invoice.<Invoice>findById(bill.id).status)).isEqualTo(InvoiceStatus.OPEN);

        clock.advance(Duration.ofDays(10));
        run.run();
        assertThat(tries(customer.account().id)).isEqualTo(4);
    }

    /** Charge attempts sent to the processor for the account, declined or not. */
    private long tries(Long accountId) {
        return data.fresh(() -> app.billfold.payment.ChargeAttempt.count("accountId", accountId));
    }

    private AutopaySchedule schedule(Invoice invoice) {
        return data.fresh(() -> AutopaySchedule.findById(invoice.id));
    }
}
