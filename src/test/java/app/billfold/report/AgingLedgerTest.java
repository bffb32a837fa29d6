package app.billfold.report;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.billing.LateFees;
import app.billfold.identity.Role;
import app.billfold.invoice.CreditNotes;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.payment.ChargePurpose;
import app.billfold.payment.LedgerCheck;
import app.billfold.payment.OfflinePaymentForm;
import app.billfold.payment.PayOrder;
import app.billfold.payment.Payment;
import app.billfold.payment.RecordOfflinePayment;
import app.billfold.payment.RefundPayment;
import app.billfold.payment.TakePayment;
import app.billfold.payment.gateway.MethodDetails;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.support.AgingPages;
import app.billfold.support.Exported;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Aging agrees with the ledger at any date: months of payments, a partial payment, a refund, a
 * credit note whose rest is carried onto the next bill, and a late fee, then aging at five dates
 * compared, account by account, with the positions the ledger check rebuilds.
 */
@QuarkusTest
class AgingLedgerTest {

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    AgingReport aging;

    @Inject
    LedgerCheck ledger;

    @Inject
    RecordOfflinePayment payments;

    @Inject
    RefundPayment refunds;

    @Inject
    CreditNotes creditNotes;

    @Inject
    LateFees lateFees;

    @Inject
    TakePayment takePayment;

    @Inject
    SandboxGateway sandbox;

    @AfterEach
    void reset() {
        lateFees.updatePolicy(new LateFees.PolicyForm("NONE", "0", "10", "ONCE", ""), TestData.ACTOR);
        clock.reset();
    }

    @Test
    void agingAtFiveDatesMatchesTheLedgerWithCreditsRefundsAndLateFees() {
        var ana = data.aCustomer().named("Ana Ledger").create();
        Long account = ana.account().id;
        on("2026-03-10");
        Invoice first = data.anInvoice(ana.account())
                .due("2026-03-20")
                .withLine("Water", "1", "100", "0")
                .issue();
        Invoice second = data.anInvoice(ana.account())
                .due("2026-04-10")
                .withLine("Power", "2", "30", "0")
                .issue();
        on("2026-03-15");
        pay(account, "30", "2026-03-15"); // part of the first bill

        on("2026-03-25"); // the first bill is late: one fee of 5
        lateFees.updatePolicy(new LateFees.PolicyForm("FIXED", "5", "0", "ONCE", ""), TestData.ACTOR);
        lateFees.run();
        lateFees.updatePolicy(new LateFees.PolicyForm("NONE", "0", "10", "ONCE", ""), TestData.ACTOR);

        on("2026-04-05");
        Long cardPayment = payByCard(account, first.id, "70"); // the rest of the first bill
        on("2026-04-10");
        refunds.refund(cardPayment, "20", "Paid twice by the bank", TestData.ACTOR); // the first bill owes 20 again
        on("2026-04-15");
        pay(account, "20", "2026-04-15"); // oldest first: the first bill again

        on("2026-04-18");
        pay(account, "45", "2026-04-18"); // the fee (5), then 40 of the second bill (60)
        on("2026-04-20");
        Long powerLine =
                data.fresh(() -> Invoice.<Invoice>findById(second.id).lines.get(0).id);
        // The whole second bill is credited: 20 still owed comes off it, 40 stays on the account.
        creditNotes.issue(second.id, Map.of(powerLine, "2"), "Meter misread", TestData.ACTOR);

        on("2026-05-05"); // the next bill takes the 40 of credit on issue and owes 10
        Invoice third = data.anInvoice(ana.account())
                .due("2026-05-31")
                .withLine("Water", "1", "50", "0")
                .issue();
        assertThat(third.balance).isEqualByComparingTo("10");

        on("2026-06-20");
        for (String day : List.of("2026-03-16", "2026-03-31", "2026-04-12", "2026-04-30", "2026-06-20")) {
            agree(LocalDate.parse(day));
        }

        // What aging shows on those days, for this account.
        assertThat(row(LocalDate.parse("2026-03-31"), account).total()).isEqualByComparingTo("135"); // 70 + 60 + fee
        assertThat(row(LocalDate.parse("2026-04-12"), account).total()).isEqualByComparingTo("85"); // 20 + 60 + 5
        AgingReport.Row april = row(LocalDate.parse("2026-04-30"), account);
        assertThat(april.total()).isEqualByComparingTo("0"); // all paid or credited
        assertThat(april.credit()).isEqualByComparingTo("40");
        assertThat(april.net()).isEqualByComparingTo("-40");
        AgingReport.Row june = row(LocalDate.parse("2026-06-20"), account);
        assertThat(june.credit()).isEqualByComparingTo("0");
        assertThat(june.days1to30()).isEqualByComparingTo("10"); // the third bill, 20 days late
        assertThat(june.total()).isEqualByComparingTo("10");

        // Today the ledger's position is also what the stored balances say.
        BigDecimal stored = data.fresh(() -> Invoice.<Invoice>list(
                        "account.id = ?1 and status in ?2",
                        account,
                        List.of(InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID))
                .stream()
                .map(i -> i.balance)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(ledger.asOf(LocalDate.parse("2026-06-20")).get(account).owed())
                .isEqualByComparingTo(stored);
        assertThat(ledger.mismatches()).isEmpty();

        String clerk = data.staff(Role.CLERK, "clerk-password");
        var console = WebSession.signedIn(clerk, "clerk-password");
        assertThat(Exported.download(console, Map.of("kind", "aging", "asOf", "2026-04-30"))
                        .asString())
                .startsWith("account,customer,current,1-30,31-60,61-90,90+,total,credit,net")
                .contains(ana.account().number + ",Ana Ledger,0.00,0.00,0.00,0.00,0.00,0.00,40.00,-40.00");
        assertThat(AgingPages.find(console, "2026-04-30", ana.account().number))
                .contains("Account credit")
                .contains("€40.00");
    }

    /** Every account on the report is in the ledger's positions with the same figures, and back. */
    private void agree(LocalDate day) {
        Map<Long, LedgerCheck.Position> expected = ledger.asOf(day);
        Map<Long, LedgerCheck.Position> shown = new HashMap<>();
        for (AgingReport.Row row : aging.asOf(day).rows()) {
            shown.put(row.accountId(), new LedgerCheck.Position(row.total(), row.credit()));
        }
        assertThat(shown.keySet()).as("accounts on %s", day).isEqualTo(expected.keySet());
        expected.forEach((accountId, position) -> {
            assertThat(shown.get(accountId).owed())
                    .as("owed by account %s on %s", accountId, day)
                    .isEqualByComparingTo(position.owed());
            assertThat(shown.get(accountId).credit())
                    .as("credit of account %s on %s", accountId, day)
                    .isEqualByComparingTo(position.credit());
        });
    }

    private AgingReport.Row row(LocalDate day, Long account) {
        return aging.asOf(day).rows().stream()
                .filter(r -> r.accountId().equals(account))
                .findFirst()
                .orElseThrow();
    }

    private Payment pay(Long account, String amount, String day) {
        return payments.record(account, new OfflinePaymentForm(amount, day, "CHEQUE", "", Map.of()), TestData.ACTOR);
    }

    private Long payByCard(Long account, Long invoiceId, String amount) {
        MethodDetails card = sandbox.tokenizeCard("4242424242424242", 12, 2030);
        LinkedHashMap<Long, BigDecimal> parts = new LinkedHashMap<>();
        parts.put(invoiceId, new BigDecimal(amount));
        return takePayment.pay(new PayOrder(
                        account,
                        parts,
                        card.token(),
                        card.kind(),
                        "visa 4242",
                        ChargePurpose.PAY_NOW,
                        "aging-" + UUID.randomUUID(),
                        TestData.ACTOR))
                .paymentId;
    }

    private void on(String day) {
        clock.set(Instant.parse(day + "T10:00:00Z"));
    }
}
