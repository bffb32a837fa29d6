package app.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.billfold.account.Account;
import app.billfold.account.AccountStatus;
import app.billfold.audit.AuditLog;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.InvalidInputException;
import app.billfold.identity.Role;
import app.billfold.invoice.AccountBalances;
import app.billfold.invoice.CreditNotes;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.invoice.IssueInvoice;
import app.billfold.payment.gateway.MethodDetails;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.report.AgingReport;
import app.billfold.report.Statement;
import app.billfold.report.Statement.Kind;
import app.billfold.report.Statements;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A clerk's payment that no open bill takes (there is none, or it is more than they owe) becomes
 * account credit: shown to clerk and customer, taken by the next bills exactly once (in part, then
 * in full), on the statement, in aging and in the ledger check alike; refunded only as far as no
 * bill took it; and refused with a reason by the field when it can't stand.
 */
@QuarkusTest
class AccountCreditTest {

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    RecordOfflinePayment record;

    @Inject
    ReversePayment reverse;

    @Inject
    RefundPayment refunds;

    @Inject
    CreditNotes creditNotes;

    @Inject
    AccountBalances balances;

    @Inject
    IssueInvoice issuer;

    @Inject
    LedgerCheck ledger;

    @Inject
    AgingReport aging;

    @Inject
    Statements statements;

    @Inject
    AuditLog audit;

    @Inject
    TakePayment takePayment;

    @Inject
    SandboxGateway sandbox;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void aPaymentWithNoBillIsCreditThatTheNextBillsTakeOnce() {
        var cal =
                data.aCustomer().named("Cal Credit").withLogin("cal-password-1").create();
        Long account = cal.account().id;
        on("2026-03-02");
        Payment cheque = pay(account, "100", "2026-03-01", Map.of());

        assertThat(data.fresh(
                        () -> Payment.<Payment>findById(cheque.id).allocations.size()))
                .isZero();
        assertThat(credit(account)).isEqualByComparingTo("100");
        assertThat(data.fresh(() ->
                        balances.forAccount(Account.findById(account)).credit().amount()))
                .isEqualByComparingTo("100");
        assertThat(audit.forSubject("account:" + account)).anySatisfy(e -> {
            assertThat(e.action).isEqualTo("payment.record");
            assertThat(e.before).contains("account credit: 0.00 EUR");
            assertThat(e.after).contains("account credit: 100.00 EUR");
        });
        WebSession customer = WebSession.signedIn(cal.email(), "cal-password-1");
        assertThat(customer.get("/portal").asString()).contains("Credit €100.00");
        String clerk = data.staff(Role.CLERK, "clerk-password");
        WebSession console = WebSession.signedIn(clerk, "clerk-password");
        assertThat(console.get("/console/accounts/" + account).asString()).contains("€100.00");

        on("2026-03-10"); // the first bill takes 30 of it and is paid
        Invoice water = data.anInvoice(cal.account())
                .due("2026-03-31")
                .withLine("Water", "1", "30", "0")
                .issue();
        assertThat(water.status).isEqualTo(InvoiceStatus.PAID);
        assertThat(credit(account)).isEqualByComparingTo("70");
        on("2026-04-10"); // the second takes the 70 left and owes 30
        Invoice power = data.anInvoice(cal.account())
                .due("2026-04-30")
                .withLine("Power", "1", "100", "0")
                .issue();
        assertThat(power.status).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(power.balance).isEqualByComparingTo("30");
        assertThat(credit(account)).isEqualByComparingTo("0");
        on("2026-04-12"); // nothing left: the third bill owes it all
        Invoice gas = data.anInvoice(cal.account())
                .due("2026-05-10")
                .withLine("Gas", "1", "10", "0")
                .issue();
        assertThat(gas.balance).isEqualByComparingTo("10");
        // The bills show the cheque that paid them.
        assertThat(data.fresh(() -> Payment.<Payment>findById(cheque.id).allocations.stream()
                        .map(a -> a.invoice.number)
                        .toList()))
                .containsExactly(water.number, power.number);

        on("2026-04-20");
        assertThat(data.fresh(() -> ledger.mismatches())).isEmpty();
        for (String day : List.of("2026-02-28", "2026-03-01", "2026-03-09", "2026-03-10", "2026-04-11")) {
            agree(LocalDate.parse(day));
        }
        assertThat(row(LocalDate.parse("2026-03-05"), account).credit()).isEqualByComparingTo("100");
        assertThat(row(LocalDate.parse("2026-03-05"), account).net()).isEqualByComparingTo("-100");
        assertThat(row(LocalDate.parse("2026-03-20"), account).credit()).isEqualByComparingTo("70");
        assertThat(row(LocalDate.parse("2026-04-11"), account).credit()).isEqualByComparingTo("0");
        assertThat(row(LocalDate.parse("2026-04-11"), account).total()).isEqualByComparingTo("30");
        // Sessions end with time, and the test clock moved on: sign in again.
        customer = WebSession.signedIn(cal.email(), "cal-password-1");

        Statement statement = data.fresh(
                () -> statements.forCustomer(cal.id(), cal.account().number, day("2026-03-01"), day("2026-04-30")));
        assertThat(statement.lines())
                .extracting(Statement.Line::kind)
                .containsExactly(Kind.PAYMENT, Kind.BILL, Kind.BILL, Kind.BILL);
        assertThat(statement.lines())
                .extracting(l -> l.balance().amount())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(
                        new BigDecimal("-100"), new BigDecimal("-70"), new BigDecimal("30"), new BigDecimal("40"));
        Statement march = data.fresh(
                () -> statements.forCustomer(cal.id(), cal.account().number, day("2026-03-01"), day("2026-03-31")));
        assertThat(march.closing().amount()).isEqualByComparingTo("-70");
        assertThat(customer.get("/portal/statements/" + cal.account().number + "?from=2026-03-01&to=2026-03-31")
                        .asString())
                .contains("€100.00")
                .contains("-€70.00");
        Response pdf =
                customer.get("/portal/statements/" + cal.account().number + ".pdf?from=2026-03-01&to=2026-03-31");
        assertThat(pdf.statusCode()).isEqualTo(200);

        // The cheque bounces: the bills that took its credit owe it again.
        reverse.reverse(cheque.id, "Bounced", false, TestData.ACTOR);
        assertThat(data.fresh(() -> Invoice.<Invoice>findById(water.id).balance))
                .isEqualByComparingTo("30");
        assertThat(data.fresh(() -> Invoice.<Invoice>findById(power.id).balance))
                .isEqualByComparingTo("100");
        assertThat(credit(account)).isEqualByComparingTo("0");
        assertThat(data.fresh(() -> ledger.mismatches())).isEmpty();
        agree(LocalDate.parse("2026-04-20"));
    }

    @Test
    void whatTheOpenBillsDoNotTakeBecomesCredit() {
        var dan = data.aCustomer().create();
        Long account = dan.account().id;
        Invoice bill =
                data.anInvoice(dan.account()).withLine("Water", "1", "40", "0").issue();
        pay(account, "100", "2026-03-09", Map.of());
        assertThat(data.fresh(() -> Invoice.<Invoice>findById(bill.id).status)).isEqualTo(InvoiceStatus.PAID);
        assertThat(credit(account)).isEqualByComparingTo("60");

        // A clerk's split may leave some out: the rest is credit too.
        Invoice other =
                data.anInvoice(dan.account()).withLine("Power", "1", "50", "0").issue();
        assertThat(other.balance).isEqualByComparingTo("0"); // the 60 of credit took it all
        assertThat(credit(account)).isEqualByComparingTo("10");
        Invoice third =
                data.anInvoice(dan.account()).withLine("Gas", "1", "50", "0").issue();
        assertThat(third.balance).isEqualByComparingTo("40");
        pay(account, "80", "2026-03-09", Map.of(third.id, "15"));
        assertThat(data.fresh(() -> Invoice.<Invoice>findById(third.id).balance))
                .isEqualByComparingTo("25");
        assertThat(credit(account)).isEqualByComparingTo("65");
        assertThat(data.fresh(() -> ledger.mismatches())).isEmpty();
        agree(LocalDate.parse("2026-03-10"));
    }

    @Test
    void twoBillsIssuedAtOnceSpendTheCreditOnce() throws Exception {
        var eli = data.aCustomer().create();
        Long account = eli.account().id;
        pay(account, "100", "2026-03-09", Map.of());
        Invoice a = data.anInvoice(eli.account()).withLine("A", "1", "80", "0").draft();
        Invoice b = data.anInvoice(eli.account()).withLine("B", "1", "80", "0").draft();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Invoice>> issued = pool.invokeAll(List.<Callable<Invoice>>of(
                    () -> issuer.issue(a.id, TestData.ACTOR), () -> issuer.issue(b.id, TestData.ACTOR)));
            for (Future<Invoice> f : issued) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        BigDecimal owed =
                data.fresh(() -> Invoice.<Invoice>findById(a.id).balance.add(Invoice.<Invoice>findById(b.id).balance));
        assertThat(owed).isEqualByComparingTo("60"); // 160 billed, 100 of credit taken once
        assertThat(credit(account)).isEqualByComparingTo("0");
        assertThat(data.fresh(() -> ledger.mismatches())).isEmpty();
    }

    @Test
    void onlyCreditNoBillTookIsRefundedAndThenTheChequeStands() {
        var fay = data.aCustomer().create();
        Long account = fay.account().id;
        Invoice first =
                data.anInvoice(fay.account()).withLine("Water", "1", "50", "0").issue();
        payByCard(account, first.id, "50");
        Payment cheque = pay(account, "100", "2026-03-09", Map.of());
        data.anInvoice(fay.account()).withLine("Power", "1", "80", "0").issue(); // takes 80

        assertThatThrownBy(() -> refunds.refundCredit(account, "50", "Moving out", TestData.ACTOR))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get("amount")).isEqualTo("error_refund_too_much"));
        refunds.refundCredit(account, "20", "Moving out", TestData.ACTOR);
        assertThat(credit(account)).isEqualByComparingTo("0");
        assertThatThrownBy(() -> reverse.reverse(cheque.id, "Bounced", false, TestData.ACTOR))
                .isInstanceOfSatisfying(
                        BusinessRuleException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("error_payment_credit_refunded"));
        assertThat(data.fresh(() -> ledger.mismatches())).isEmpty();
        agree(LocalDate.parse("2026-03-10"));
        Statement statement =
                data.fresh(() -> statements.of(Account.findById(account), day("2026-03-01"), day("2026-03-10")));
        assertThat(statement.lines()).extracting(Statement.Line::kind).contains(Kind.CREDIT_REFUNDED);
        assertThat(statement.closing().amount()).isEqualByComparingTo("0");
    }

    @Test
    void refusesWhatCannotStandByTheFieldAndChangesNothing() {
        var gil = data.aCustomer().create();
        Long account = gil.account().id;
        for (String amount : List.of("0", "-5", "abc", "1.001")) {
            assertThatThrownBy(() -> pay(account, amount, "2026-03-09", Map.of()))
                    .as(amount)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.errors().asMap()).containsKey("amount"));
        }
        assertThatThrownBy(() -> pay(account, "10", "2026-02-30", Map.of()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get("receivedOn")).isEqualTo("error_date"));
        assertThatThrownBy(() -> pay(account, "10", "2026-03-11", Map.of()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get("receivedOn")).isEqualTo("error_date_future"));
        Invoice bill =
                data.anInvoice(gil.account()).withLine("Water", "1", "50", "0").issue();
        assertThatThrownBy(() -> pay(account, "20", "2026-03-09", Map.of(bill.id, "25")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get("amount")).isEqualTo("error_allocation_sum"));

        // A closed account gets no more bills: it may be paid up, but not left holding credit.
        data.fresh(() -> {
            Account.<Account>findById(account).status = AccountStatus.CLOSED;
            return null;
        });
        assertThatThrownBy(() -> pay(account, "60", "2026-03-09", Map.of()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get("amount")).isEqualTo("error_credit_account_closed"));
        assertThat(credit(account)).isEqualByComparingTo("0");
        assertThat(data.fresh(() -> Invoice.<Invoice>findById(bill.id).balance)).isEqualByComparingTo("50");

        // The console says why, by the field.
        String clerk = data.staff(Role.CLERK, "clerk-password");
        WebSession console = WebSession.signedIn(clerk, "clerk-password");
        Response refused = console.post(
                "/console/accounts/" + account + "/payments",
                Map.of("amount", "60", "receivedOn", "2026-03-09", "method", "CHEQUE", "reference", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("id=\"e-amount\"").contains("cannot keep money as credit");
        Response paid = console.post(
                "/console/accounts/" + account + "/payments",
                Map.of("amount", "50", "receivedOn", "2026-03-09", "method", "CHEQUE", "reference", ""));
        assertThat(paid.statusCode()).isIn(303, 200);
        assertThat(data.fresh(() -> Invoice.<Invoice>findById(bill.id).status)).isEqualTo(InvoiceStatus.PAID);

        // An account with no bill takes the payment as credit through the console too.
        var hana = data.aCustomer().create();
        assertThat(console.get("/console/accounts/" + hana.account().id + "/payments/new")
                        .asString())
                .contains("the whole payment becomes account credit");
        Response credited = console.post(
                "/console/accounts/" + hana.account().id + "/payments",
                Map.of("amount", "25", "receivedOn", "2026-03-09", "method", "CASH", "reference", ""));
        assertThat(credited.statusCode()).isIn(303, 200);
        assertThat(credit(hana.account().id)).isEqualByComparingTo("25");
    }

    private BigDecimal credit(Long account) {
        return data.fresh(() -> creditNotes.available(account));
    }

    /** Every account on the aging report has the ledger check's figures for the day, and back. */
    private void agree(LocalDate day) {
        // Each read in a transaction of its own: the test's session may hold entities from before.
        Map<Long, LedgerCheck.Position> expected = data.fresh(() -> ledger.asOf(day));
        Map<Long, LedgerCheck.Position> shown = new java.util.HashMap<>();
        for (AgingReport.Row row : data.fresh(() -> aging.asOf(day)).rows()) {
            shown.put(row.accountId(), new LedgerCheck.Position(row.total(), row.credit()));
        }
        assertThat(shown.keySet()).as("accounts on %s", day).isEqualTo(expected.keySet());
        expected.forEach((accountId, position) -> {
            assertThat(shown.get(accountId).owed())
                    .as("owed by %s on %s", accountId, day)
                    .isEqualByComparingTo(position.owed());
            assertThat(shown.get(accountId).credit())
                    .as("credit of %s on %s", accountId, day)
                    .isEqualByComparingTo(position.credit());
        });
    }

    private AgingReport.Row row(LocalDate day, Long account) {
        return data.fresh(() -> aging.asOf(day)).rows().stream()
                .filter(r -> r.accountId().equals(account))
                .findFirst()
                .orElseThrow();
    }

    private Payment pay(Long account, String amount, String day, Map<Long, String> split) {
        return record.record(account, new OfflinePaymentForm(amount, day, "CHEQUE", "", split), TestData.ACTOR);
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
                        "credit-" + UUID.randomUUID(),
                        TestData.ACTOR))
                .paymentId;
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private void on(String day) {
        clock.set(Instant.parse(day + "T10:00:00Z"));
    }
}
