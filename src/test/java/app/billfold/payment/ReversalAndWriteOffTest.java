package app.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.billfold.audit.AuditLog;
import app.billfold.billing.LateFees;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.InvalidInputException;
import app.billfold.identity.Role;
import app.billfold.invoice.CreditNote;
import app.billfold.invoice.CreditNotes;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.report.AgingReport;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reversing an offline payment (with or without the returned-payment fee) and writing off a balance. */
@QuarkusTest
class ReversalAndWriteOffTest {

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    RecordOfflinePayment payments;

    @Inject
    ReversePayment reversals;

    @Inject
    CreditNotes creditNotes;

    @Inject
    LateFees lateFees;

    @Inject
    LedgerCheck ledger;

    @Inject
    AgingReport aging;

    @Inject
    AuditLog audit;

    @AfterEach
    void reset() {
        lateFees.updatePolicy(new LateFees.PolicyForm("NONE", "0", "10", "ONCE", "", ""), TestData.ACTOR);
        clock.reset();
    }

    @Test
    void aBouncedChequeReopensTheBillsItPaidAndCanCarryTheReturnedPaymentFee() {
        lateFees.updatePolicy(new LateFees.PolicyForm("NONE", "0", "10", "ONCE", "", "15"), TestData.ACTOR);
        var rene = data.aCustomer().speaking("fr").create();
        Long account = rene.account().id;
        Invoice water = data.anInvoice(rene.account())
                .due("2026-03-20")
                .withLine("Eau", "1", "60", "0")
                .issue();
        Invoice power = data.anInvoice(rene.account())
                .due("2026-03-25")
                .withLine("Électricité", "1", "40", "0")
                .issue();
        Payment cheque = payments.record(
                account, new OfflinePaymentForm("80", "2026-03-10", "CHEQUE", "No 1234", Map.of()), TestData.ACTOR);
        assertThat(status(power.id)).isEqualTo(InvoiceStatus.PARTIALLY_PAID);

        clock.set(Instant.parse("2026-03-14T10:00:00Z"));
        assertThatThrownBy(() -> reversals.reverse(cheque.id, " ", false, "clerk@billfold.test"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().asMap()).containsKey("reason"));
        reversals.reverse(cheque.id, "Cheque returned unpaid", true, "clerk@billfold.test");

        assertThat(data.fresh(() -> Invoice.<Invoice>findById(water.id))).satisfies(i -> {
            assertThat(i.status).isEqualTo(InvoiceStatus.OPEN);
            assertThat(i.balance).isEqualByComparingTo("60");
        });
        assertThat(data.fresh(() -> Invoice.<Invoice>findById(power.id)).balance)
                .isEqualByComparingTo("40");
        Payment reversed = data.fresh(() -> Payment.<Payment>findById(cheque.id));
        assertThat(reversed.status).isEqualTo(PaymentStatus.REVERSED);
        assertThat(reversed.reversalReason).isEqualTo("Cheque returned unpaid");
        Invoice fee = data.fresh(() -> {
            Invoice found = Invoice.findById(reversed.feeInvoiceId);
            found.lines.size();
            return found;
        });
        assertThat(fee.grossTotal).isEqualByComparingTo("15");
        assertThat(fee.status).isEqualTo(InvoiceStatus.OPEN);
        assertThat(fee.lines.get(0).description)
                .startsWith("Frais de paiement rejeté")
                .contains("80,00");
        assertThat(ledger.mismatches()).isEmpty();
        assertThat(audit.forSubject("account:" + account))
                .filteredOn(e -> e.action.equals("payment.reverse"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor).isEqualTo("clerk@billfold.test");
                    assertThat(e.detail).contains("Cheque returned unpaid").contains("No 1234");
                    assertThat(e.before).contains(water.number + " PAID balance 0");
                    assertThat(e.after)
                            .contains(water.number + " OPEN balance 60")
                            .contains("fee " + fee.number);
                });

        // The cheque counted until the day it was reversed, and the ledger says the same.
        AgingReport.Row before = row(LocalDate.parse("2026-03-12"), account);
        assertThat(before.total()).isEqualByComparingTo("20");
        assertThat(row(LocalDate.parse("2026-03-14"), account).total()).isEqualByComparingTo("115");
        assertThat(ledger.asOf(LocalDate.parse("2026-03-12")).get(account).owed())
                .isEqualByComparingTo("20");
        assertThat(ledger.asOf(LocalDate.parse("2026-03-14")).get(account).owed())
                .isEqualByComparingTo("115");

        assertThatThrownBy(() -> reversals.reverse(cheque.id, "Again", false, "clerk@billfold.test"))
                .isInstanceOfSatisfying(
                        BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error_payment_already_reversed"));
    }

    @Test
    void withoutAFeeInThePolicyNoFeeCanBeAskedFor() {
        var tom = data.aCustomer().create();
        data.anInvoice(tom.account()).withLine("Water", "1", "30", "0").issue();
        Payment cash = payments.record(
                tom.account().id, new OfflinePaymentForm("30", "2026-03-10", "CASH", "", Map.of()), TestData.ACTOR);
        assertThatThrownBy(() -> reversals.reverse(cash.id, "Typed on the wrong account", true, TestData.ACTOR))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().asMap()).containsKey("chargeFee"));
        assertThat(data.fresh(() -> Payment.<Payment>findById(cash.id)).status).isEqualTo(PaymentStatus.SUCCEEDED);

        reversals.reverse(cash.id, "Typed on the wrong account", false, TestData.ACTOR);
        assertThat(data.fresh(() -> Payment.<Payment>findById(cash.id)).feeInvoiceId)
                .isNull();
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void aWriteOffCreditsExactlyWhatIsOwedWithTheReasonAndLeavesNoCredit() {
        var kim = data.aCustomer().create();
        Invoice bill = data.anInvoice(kim.account())
                .withLine("Water", "1", "50", "20")
                .withLine("Sewage", "1", "50", "5.5")
                .issue(); // 60 + 52.75 = 112.75
        data.pay(kim.account(), "40");

        assertThatThrownBy(() -> creditNotes.writeOff(bill.id, "", "clerk@billfold.test"))
                .isInstanceOf(InvalidInputException.class);
        CreditNote note = creditNotes.writeOff(bill.id, "Customer deceased, estate empty", "clerk@billfold.test");

        assertThat(note.grossTotal).isEqualByComparingTo("72.75");
        assertThat(note.netTotal.add(note.taxTotal)).isEqualByComparingTo("72.75");
        assertThat(note.isWriteOff()).isTrue();
        assertThat(note.reason).isEqualTo("Customer deceased, estate empty");
        Invoice after = data.fresh(() -> Invoice.<Invoice>findById(bill.id));
        assertThat(after.balance).isEqualByComparingTo("0");
        assertThat(after.status).isEqualTo(InvoiceStatus.PAID);
        assertThat(creditNotes.available(kim.account().id)).isEqualByComparingTo("0");
        assertThat(ledger.mismatches()).isEmpty();
        assertThat(audit.forSubject("account:" + kim.account().id))
                .filteredOn(e -> e.action.equals("invoice.writeoff"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.detail)
                            .contains("Customer deceased, estate empty")
                            .contains("72.75");
                    assertThat(e.before).contains("balance 72.75");
                    assertThat(e.after).contains("PAID balance 0");
                });

        Long line = data.fresh(() -> Invoice.<Invoice>findById(bill.id).lines.get(0).id);
        assertThatThrownBy(() -> creditNotes.issue(bill.id, Map.of(line, "1"), "More", TestData.ACTOR))
                .isInstanceOfSatisfying(
                        BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error_credit_written_off"));
        assertThatThrownBy(() -> creditNotes.writeOff(bill.id, "Again", TestData.ACTOR))
                .isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void clerksReverseAndWriteOffFromTheConsole() {
        var lea = data.aCustomer().create();
        Invoice first =
                data.anInvoice(lea.account()).withLine("Water", "1", "25", "0").issue();
        Invoice second =
                data.anInvoice(lea.account()).withLine("Power", "1", "35", "0").issue();
        data.pay(lea.account(), "25");
        Long cheque = data.fresh(
                () -> Payment.<Payment>find("account.id", lea.account().id).firstResult().id);
        String clerk = data.staff(Role.CLERK, "clerk-password");
        var console = WebSession.signedIn(clerk, "clerk-password");

        assertThat(console.get("/console/accounts/" + lea.account().id).asString())
                .contains("/console/payments/" + cheque + "/reverse");
        assertThat(console.get("/console/payments/" + cheque + "/reverse").asString())
                .contains("Reverse the payment")
                .doesNotContain("chargeFee"); // no fee in the policy
        var refused = console.post("/console/payments/" + cheque + "/reverse", Map.of("reason", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("e-reason");
        assertThat(console.post("/console/payments/" + cheque + "/reverse", Map.of("reason", "Bounced"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(console.get("/console/accounts/" + lea.account().id).asString())
                .contains("Reversed: Bounced");
        assertThat(data.fresh(() -> Invoice.<Invoice>findById(first.id)).balance)
                .isEqualByComparingTo("25");

        assertThat(console.get("/console/invoices/" + second.id).asString()).contains("/write-off");
        assertThat(console.post("/console/invoices/" + second.id + "/write-off", Map.of("reason", ""))
                        .statusCode())
                .isEqualTo(400);
        assertThat(console.post("/console/invoices/" + second.id + "/write-off", Map.of("reason", "Too small to chase"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(data.fresh(() -> Invoice.<Invoice>findById(second.id)).balance)
                .isEqualByComparingTo("0");
        assertThat(audit.forSubject("account:" + lea.account().id))
                .extracting(e -> e.action)
                .contains("payment.reverse", "invoice.writeoff");
        assertThat(ledger.mismatches()).isEmpty();
    }

    private InvoiceStatus status(Long invoiceId) {
        return data.fresh(() -> Invoice.<Invoice>findById(invoiceId).status);
    }

    private AgingReport.Row row(LocalDate day, Long account) {
        List<AgingReport.Row> rows = aging.asOf(day).rows();
        return rows.stream()
                .filter(r -> r.accountId().equals(account))
                .findFirst()
                .orElseThrow();
    }
}
