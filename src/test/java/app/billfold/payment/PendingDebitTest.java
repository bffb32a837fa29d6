package app.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.Account;
import app.billfold.autopay.AutopayRun;
import app.billfold.autopay.AutopaySchedule;
import app.billfold.autopay.AutopayStatus;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.invoice.Invoices;
import app.billfold.notify.OutboxMessage;
import app.billfold.notify.ReminderRun;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Invariant 12 with the sandbox's bank accounts that settle days later: a debit under way shows
 * "payment pending", is neither charged again nor reminded, counts as paid only when it settles,
 * and a returned debit reopens nothing that was ever paid, tells the customer and goes through the
 * autopay retry policy; a revoked mandate stops autopay on that account.
 */
@QuarkusTest
class PendingDebitTest {

    static final String SETTLES = "000222222227";
    static final String RETURNED_NO_FUNDS = "000333333335";
    static final String MANDATE_REVOKED = "000444444440";

    @Inject
    TestData data;

    @Inject
    AutopayRun autopayRun;

    @Inject
    ReminderRun reminders;

    @Inject
    TakePayment takePayment;

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
    void reset() {
        clock.reset();
        data.fresh(() ->
                AutopaySchedule.update("status = ?1 where status = ?2", AutopayStatus.DONE, AutopayStatus.SCHEDULED));
        data.fresh(() -> Account.update("autopayMethodId = null where autopayMethodId is not null"));
    }

    record Enrolled(TestData.CreatedCustomer customer, SavedMethod method, Invoice invoice) {}

    private Enrolled onAutopayWith(String bankAccount, String login) {
        var customer = data.aCustomer().withLogin(login).create();
        SavedMethod method = methods.save(
                customer.id(), sandbox.tokenizeBankAccount(bankAccount).token(), TestData.ACTOR);
        autopay.enrol(customer.id(), customer.account().id, method.id, TestData.ACTOR);
        Invoice invoice = data.anInvoice(customer.account())
                .due("2026-03-10")
                .withLine("Water", "1", "61.20", "0")
                .issue();
        return new Enrolled(customer, method, invoice);
    }

    private InvoiceStatus status(Invoice invoice) {
        return data.fresh(() -> invoices.get(invoice.id).status);
    }

    private List<ChargeAttempt> attempts(Enrolled enrolled) {
        return data.fresh(() -> ChargeAttempt.<ChargeAttempt>list(
                "accountId = ?1 order by id", enrolled.customer().account().id));
    }

    private long sandboxCharges(SavedMethod method) {
        return data.fresh(() -> ((Number) ChargeAttempt.getEntityManager()
                        .createNativeQuery("select count(*) from sandbox_charge where token = ?1")
                        .setParameter(1, method.token)
                        .getSingleResult())
                .longValue());
    }

    @Test
    void aDebitUnderWayIsPendingNotChargedAgainNotRemindedAndPaidOnlyWhenItSettles() {
        Enrolled ada = onAutopayWith(SETTLES, "ada-debit-pw");

        autopayRun.run();

        assertThat(attempts(ada))
                .singleElement()
                .satisfies(a -> assertThat(a.status).isEqualTo(ChargeStatus.PROCESSING));
        assertThat(status(ada.invoice())).isNotEqualTo(InvoiceStatus.PAID);
        String page = WebSession.signedIn(ada.customer().email(), "ada-debit-pw")
                .get("/portal/invoices/" + ada.invoice().number)
                .asString();
        assertThat(page).contains("Payment pending").doesNotContain("/portal/pay?account=");

        // Days pass while the bank works: autopay and reminders leave the bill alone.
        for (int day = 1; day <= 2; day++) {
            clock.advance(Duration.ofDays(1));
            autopayRun.run();
            reminders.run();
            takePayment.settleWaiting();
        }
        assertThat(sandboxCharges(ada.method())).isEqualTo(1);
        assertThat(data.fresh(() -> OutboxMessage.count(
                        "customerId = ?1 and kind like 'reminder%'",
                        ada.customer().id())))
                .isZero();
        assertThat(status(ada.invoice())).isNotEqualTo(InvoiceStatus.PAID);

        clock.advance(Duration.ofDays(1).plusHours(2));
        takePayment.settleWaiting();

        assertThat(status(ada.invoice())).isEqualTo(InvoiceStatus.PAID);
        assertThat(attempts(ada))
                .singleElement()
                .satisfies(a -> assertThat(a.status).isEqualTo(ChargeStatus.SUCCEEDED));
        assertThat(sandboxCharges(ada.method())).isEqualTo(1);
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void aReturnedDebitTellsTheCustomerAndGoesThroughTheRetryPolicy() {
        Enrolled ben = onAutopayWith(RETURNED_NO_FUNDS, "ben-debit-pw");
        autopayRun.run();
        assertThat(attempts(ben))
                .singleElement()
                .satisfies(a -> assertThat(a.status).isEqualTo(ChargeStatus.PROCESSING));

        clock.advance(Duration.ofDays(3).plusHours(2));
        takePayment.settleWaiting();

        ChargeAttempt returned = attempts(ben).get(0);
        assertThat(returned.status).isEqualTo(ChargeStatus.FAILED);
        assertThat(returned.declineCode).isEqualTo("insufficient_funds");
        assertThat(status(ben.invoice())).isIn(InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID);
        List<OutboxMessage> told = data.fresh(() -> OutboxMessage.list(
                "customerId = ?1 and dedupeKey like ?2", ben.customer().id(), "debit-returned:%"));
        assertThat(told).isNotEmpty();
        assertThat(told.get(0).payload).contains("insufficient funds");

        // The autopay run counts the return as a try and retries with a new key, not the old one.
        autopayRun.run();
        AutopaySchedule row = data.fresh(() -> AutopaySchedule.findById(ben.invoice().id));
        assertThat(row.tries).isGreaterThanOrEqualTo(1);
        assertThat(row.lastDeclineCode).isEqualTo("insufficient_funds");
        autopayRun.run();
        assertThat(attempts(ben)).extracting(a -> a.idempotencyKey).doesNotHaveDuplicates();
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void aRevokedMandateStopsAutopayOnThatAccount() {
        Enrolled cleo = onAutopayWith(MANDATE_REVOKED, "cleo-debit-pw");
        autopayRun.run();

        clock.advance(Duration.ofDays(3).plusHours(2));
        takePayment.settleWaiting();

        assertThat(attempts(cleo).get(0).declineCode).isEqualTo("mandate_revoked");
        assertThat(data.fresh(() -> Account.<Account>findById(cleo.customer().account().id).autopayMethodId))
                .isNull();
        assertThat(data.fresh(() -> OutboxMessage.<OutboxMessage>list(
                                "customerId = ?1 and dedupeKey like ?2",
                                cleo.customer().id(),
                                "debit-returned:%"))
                        .get(0)
                        .payload)
                .contains("mandate was revoked");
        assertThat(status(cleo.invoice())).isNotEqualTo(InvoiceStatus.PAID);
    }
}
