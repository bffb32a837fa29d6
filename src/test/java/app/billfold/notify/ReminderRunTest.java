package app.billfold.notify;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.invoice.Invoice;
import app.billfold.payment.Autopay;
import app.billfold.payment.SavedMethod;
import app.billfold.payment.SavedMethods;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReminderRunTest {

    static final List<Integer> POLICY = List.of(-5, 0, 3, 10);
    static final LocalDate DUE = LocalDate.of(2026, 3, 15);

    @Inject
    TestData data;

    @Inject
    ReminderRun reminders;

    @Inject
    Outbox outbox;

    @Inject
    SavedMethods methods;

    @Inject
    Autopay autopay;

    @Inject
    SandboxGateway sandbox;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachStepHasItsWindowAndStaleStepsAreNotSent() {
        assertThat(ReminderRun.currentStep(DUE, DUE.minusDays(6), POLICY)).isNull();
        assertThat(ReminderRun.currentStep(DUE, DUE.minusDays(5), POLICY)).isEqualTo(-5);
        assertThat(ReminderRun.currentStep(DUE, DUE.minusDays(1), POLICY)).isEqualTo(-5);
        assertThat(ReminderRun.currentStep(DUE, DUE, POLICY)).isZero();
        assertThat(ReminderRun.currentStep(DUE, DUE.plusDays(1), POLICY))
                .as("no 'due today' the day after")
                .isNull();
        assertThat(ReminderRun.currentStep(DUE, DUE.plusDays(3), POLICY)).isEqualTo(3);
        assertThat(ReminderRun.currentStep(DUE, DUE.plusDays(9), POLICY)).isEqualTo(3);
        assertThat(ReminderRun.currentStep(DUE, DUE.plusDays(10), POLICY)).isEqualTo(10);
    }

    @Test
    void remindsOnTheDaysOfThePolicyOnceEachAndCatchesUpWithTheLatestStepOnly() {
        var ada = data.aCustomer().paperless().create();
        Invoice bill = data.anInvoice(ada.account()).due("2026-03-15").issue();

        reminders.run();
        reminders.run();
        assertThat(kinds(ada.email())).containsExactly("invoice_issued", "reminder_before");

        // Down from the 10th to the 19th: only "overdue" (day 3) goes out, not "due today".
        clock.advance(Duration.ofDays(9));
        reminders.run();
        assertThat(kinds(ada.email())).containsExactly("invoice_issued", "reminder_before", "reminder_after");
        OutboxMessage overdue =
                data.fresh(() -> outbox.forRecipient(ada.email()).get(2));
        assertThat(overdue.payload).contains("number=" + bill.number).contains("reminderFor=" + bill.id);
    }

    @Test
    void paidBillsGetNothingAndAutopayAccountsAreToldWhatWillBeCharged() {
        var paid = data.aCustomer().paperless().create();
        data.anInvoice(paid.account())
                .due("2026-03-15")
                .withLine("A", "1", "20", "0")
                .issue();
        data.pay(paid.account(), "20");

        var auto = data.aCustomer().paperless().create();
        SavedMethod card = methods.save(
                auto.id(), sandbox.tokenizeCard("4242424242424242", 12, 2030).token(), TestData.ACTOR);
        autopay.enrol(auto.id(), auto.account().id, card.id, TestData.ACTOR);
        data.anInvoice(auto.account())
                .due("2026-03-15")
                .withLine("B", "1", "30", "0")
                .issue();

        reminders.run();

        assertThat(kinds(paid.email()))
                .containsExactly("invoice_issued", "payment_receipt")
                .doesNotContain("reminder_before");
        assertThat(kinds(auto.email())).containsExactly("invoice_issued", "autopay_notice");
        assertThat(data.fresh(() -> outbox.forRecipient(auto.email()).get(1).payload))
                .contains("method=visa");
    }

    private List<String> kinds(String recipient) {
        return data.fresh(
                () -> outbox.forRecipient(recipient).stream().map(m -> m.kind).toList());
    }
}
