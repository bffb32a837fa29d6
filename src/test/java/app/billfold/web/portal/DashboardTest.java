package app.billfold.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.Account;
import app.billfold.autopay.AutopaySchedule;
import app.billfold.autopay.AutopayStatus;
import app.billfold.autopay.NoticePeriod;
import app.billfold.invoice.Invoice;
import app.billfold.payment.Autopay;
import app.billfold.payment.SavedMethod;
import app.billfold.payment.SavedMethods;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The portal's home never calls a past date the next payment due: it says what is overdue, and an
 * account on autopay says when it is next charged and how much (after the notice period, and past
 * a bill the customer chose to pay themselves). Today is 10 March 2026 unless a test moves it.
 */
@QuarkusTest
class DashboardTest {

    @Inject
    TestData data;

    @Inject
    SavedMethods methods;

    @Inject
    Autopay autopay;

    @Inject
    SandboxGateway sandbox;

    @Inject
    TestClock clock;

    @BeforeEach
    void fiveDaysNotice() {
        QuarkusMock.installMockForType(
                new NoticePeriod() {
                    @Override
                    public int days() {
                        return 5;
                    }
                },
                NoticePeriod.class);
    }

    @AfterEach
    void reset() {
        clock.reset();
        data.fresh(() ->
                AutopaySchedule.update("status = ?1 where status = ?2", AutopayStatus.DONE, AutopayStatus.SCHEDULED));
        data.fresh(() -> Account.update("autopayMethodId = null where autopayMethodId is not null"));
    }

    @Test
    void aPastDueDateIsOverdueWithItsAmountNeverTheNextPaymentDue() {
        var dan = data.aCustomer().withLogin("dan-pw").create();
        data.anInvoice(dan.account())
                .due("2026-03-12")
                .withLine("Water", "1", "12", "0")
                .issue();
        data.anInvoice(dan.account())
                .due("2026-04-30")
                .withLine("Power", "1", "30", "0")
                .issue();
        var eve = data.aCustomer().speaking("fr").withLogin("eve-pw").create();
        data.anInvoice(eve.account())
                .due("2026-03-12")
                .withLine("Eau", "1", "12", "0")
                .issue();
        clock.set(Instant.parse("2026-03-20T09:00:00Z"));

        String home = WebSession.signedIn(dan.email(), "dan-pw").get("/portal").asString();
        assertThat(home)
                .contains("Overdue: €12.00 (due Mar 12, 2026). Please pay it now.")
                .contains("Next payment due Apr 30, 2026.")
                .doesNotContain("Next payment due Mar 12, 2026");
        String french =
                WebSession.signedIn(eve.email(), "eve-pw").get("/portal").asString();
        assertThat(french).contains("En retard : 12,00\u00a0€").doesNotContain("Prochaine échéance le");
    }

    @Test
    void anAccountOnAutopaySaysWhenItIsNextChargedAndHowMuch() {
        var fay = data.aCustomer().withLogin("fay-pw").create();
        SavedMethod card = methods.save(
                fay.id(), sandbox.tokenizeCard("4242424242424242", 12, 2030).token(), TestData.ACTOR);
        autopay.enrol(fay.id(), fay.account().id, card.id, TestData.ACTOR);
        // Due in two days: the five days' notice moves its debit to 15 March.
        Invoice soon = data.anInvoice(fay.account())
                .due("2026-03-12")
                .withLine("Water", "1", "20", "0")
                .issue();
        data.anInvoice(fay.account())
                .due("2026-03-15")
                .withLine("Fee", "1", "1.50", "0")
                .issue();
        data.anInvoice(fay.account())
                .due("2026-04-30")
                .withLine("Power", "1", "30", "0")
                .issue();
        WebSession portal = WebSession.signedIn(fay.email(), "fay-pw");
        assertThat(portal.get("/portal").asString()).contains("On: next charge €21.50 on Mar 15, 2026");

        // Paying the first bill herself leaves the fee on that day alone.
        assertThat(portal.post("/portal/invoices/" + soon.number + "/pay-myself", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(portal.get("/portal").asString()).contains("On: next charge €1.50 on Mar 15, 2026");
    }
}
