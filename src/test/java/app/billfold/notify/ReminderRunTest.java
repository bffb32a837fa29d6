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
        assertThat(kinds(auto.email())).containsExactly("autopay_confirmation", "invoice_issued", "autopay_notice");
        assertThat(data.fresh(() -> outbox.forRecipient(auto.email()).get(2).payload))
                .contains("method=Visa \u2022\u2022\u2022\u2022 4242, expires");
    }

    @Test
    void eachStepGoesOnTheChannelsThePolicyGivesItAsFarAsTheCustomerChoseThem() {
        // The default policy: e-mail on -5, 0, 3 and 10; SMS as well on 0, 3 and 10.
        var both = data.aCustomer().textable("06 22 33 44 01").create();
        var smsOnly = data.aCustomer().smsOnly("06 22 33 44 02").create();
        var emailOnly = data.aCustomer().create();
        for (var who : List.of(both, smsOnly, emailOnly)) {
            data.anInvoice(who.account()).due("2026-03-15").issue();
        }

        reminders.run(); // five days before: an e-mail step only
        assertThat(channels(both.id(), "reminder_before")).containsExactly("EMAIL");
        assertThat(channels(smsOnly.id(), "reminder_before"))
                .as("a customer who chose SMS only still gets the step, on their channel")
                .containsExactly("SMS");
        assertThat(channels(emailOnly.id(), "reminder_before")).containsExactly("EMAIL");

        clock.advance(Duration.ofDays(5)); // the due date: e-mail and SMS
        reminders.run();
        assertThat(channels(both.id(), "reminder_due")).containsExactlyInAnyOrder("EMAIL", "SMS");
        assertThat(channels(smsOnly.id(), "reminder_due")).containsExactly("SMS");
        assertThat(channels(emailOnly.id(), "reminder_due")).containsExactly("EMAIL");
    }

    @Test
    void theJobWritesNothingBeforeTheBillersMorning() {
        var early = data.aCustomer().create();
        data.anInvoice(early.account()).due("2026-03-15").issue();

        clock.set(java.time.Instant.parse("2026-03-10T06:30:00Z")); // 07:30 in Paris
        reminders.scheduled();
        assertThat(kinds(early.email())).doesNotContain("reminder_before");

        clock.set(java.time.Instant.parse("2026-03-10T07:00:00Z")); // 08:00 in Paris
        reminders.scheduled();
        assertThat(kinds(early.email())).contains("reminder_before");
    }

    private List<String> channels(Long customerId, String kind) {
        return data.fresh(() -> outbox.log(new Outbox.LogFilter("", "", customerId, "", null, null), 50).stream()
                .filter(m -> m.kind.equals(kind))
                .map(m -> m.channel)
                .toList());
    }

    private List<String> kinds(String recipient) {
        return data.fresh(
                () -> outbox.forRecipient(recipient).stream().map(m -> m.kind).toList());
    }
}
