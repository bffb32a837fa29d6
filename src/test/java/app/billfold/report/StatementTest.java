package app.billfold.report;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.invoice.CreditNotes;
import app.billfold.invoice.Invoice;
import app.billfold.payment.ChargePurpose;
import app.billfold.payment.LedgerCheck;
import app.billfold.payment.OfflinePaymentForm;
import app.billfold.payment.PayOrder;
import app.billfold.payment.RecordOfflinePayment;
import app.billfold.payment.RefundPayment;
import app.billfold.payment.TakePayment;
import app.billfold.payment.gateway.MethodDetails;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.report.Statement.Kind;
import app.billfold.support.TaggedPdf;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A statement's balances are the ledger's: over months with a partial payment, a card payment and
 * its partial refund, a credit note larger than what its bill still owed, the next bill taking that
 * credit and a write-off, the closing balance of any period equals what the ledger check rebuilds
 * for that day, and the opening balance what it rebuilds for the day before. The page and the PDF
 * show it in the customer's language, and only for the customer's own accounts.
 */
@QuarkusTest
class StatementTest {

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    Statements statements;

    @Inject
    LedgerCheck ledger;

    @Inject
    RecordOfflinePayment payments;

    @Inject
    RefundPayment refunds;

    @Inject
    CreditNotes creditNotes;

    @Inject
    TakePayment takePayment;

    @Inject
    SandboxGateway sandbox;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void closingAndOpeningBalancesAreTheLedgersOnThoseDays() {
        var eve = data.aCustomer()
                .named("Eve Statement")
                .speaking("fr")
                .withLogin("eve-password-1")
                .create();
        Long account = eve.account().id;
        on("2026-03-10");
        Invoice first = data.anInvoice(eve.account())
                .due("2026-03-20")
                .withLine("Water", "1", "100", "0")
                .issue();
        Invoice second = data.anInvoice(eve.account())
                .due("2026-04-10")
                .withLine("Power", "2", "30", "0")
                .issue();
        on("2026-03-15");
        pay(account, "30", "2026-03-15"); // part of the first bill: 160 - 30 = 130
        on("2026-04-05");
        Long card = payByCard(account, first.id, "70"); // 60
        on("2026-04-10");
        refunds.refund(card, "20", "Paid twice by the bank", TestData.ACTOR); // 80
        on("2026-04-15");
        pay(account, "20", "2026-04-15"); // the first bill again: 60
        on("2026-04-18");
        pay(account, "25", "2026-04-18"); // 35 left on the second bill
        on("2026-04-20");
        Long powerLine =
                data.fresh(() -> Invoice.<Invoice>findById(second.id).lines.get(0).id);
        // 60 credited: 35 comes off the second bill, 25 stays on the account: -25.
        creditNotes.issue(second.id, Map.of(powerLine, "2"), "Meter misread", TestData.ACTOR);
        on("2026-05-05");
        Invoice third = data.anInvoice(eve.account())
                .due("2026-05-31")
                .withLine("Water", "1", "50", "0")
                .issue(); // takes the 25 of credit: 25
        on("2026-05-10");
        creditNotes.writeOff(third.id, "Goodwill", TestData.ACTOR); // 0
        on("2026-06-20");

        Statement april = data.fresh(
                () -> statements.forCustomer(eve.id(), eve.account().number, day("2026-04-01"), day("2026-04-30")));
        assertThat(april.opening().amount()).isEqualByComparingTo("130");
        assertThat(april.lines())
                .extracting(Statement.Line::kind)
                .containsExactly(Kind.PAYMENT, Kind.REFUND, Kind.PAYMENT, Kind.PAYMENT, Kind.CREDIT_NOTE);
        assertThat(april.lines())
                .extracting(l -> l.balance().amount())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(
                        new BigDecimal("60"),
                        new BigDecimal("80"),
                        new BigDecimal("60"),
                        new BigDecimal("35"),
                        new BigDecimal("-25"));
        assertThat(april.closing().amount()).isEqualByComparingTo("-25");

        for (String last :
                List.of("2026-03-14", "2026-03-15", "2026-04-12", "2026-04-30", "2026-05-07", "2026-06-20")) {
            LocalDate day = day(last);
            Statement upTo =
                    data.fresh(() -> statements.forCustomer(eve.id(), eve.account().number, day("2026-01-01"), day));
            assertThat(upTo.closing().amount()).as("closing on %s", day).isEqualByComparingTo(ledgerNet(account, day));
            Statement after = data.fresh(
                    () -> statements.forCustomer(eve.id(), eve.account().number, day.plusDays(1), day("2026-06-20")));
            assertThat(after.opening().amount())
                    .as("opening after %s", day)
                    .isEqualByComparingTo(ledgerNet(account, day));
        }

        // The page and the PDF, in the customer's language; someone else's account is not found.
        WebSession eves = WebSession.signedIn(eve.email(), "eve-password-1");
        assertThat(eves.get("/portal").asString()).contains("/portal/statements/" + eve.account().number);
        String page = eves.get("/portal/statements/" + eve.account().number + "?from=2026-04-01&to=2026-04-30")
                .asString();
        assertThat(page)
                .contains("Relevé du compte")
                .contains("Avoir")
                .contains("Remboursement")
                .contains("-25,00");
        String whole = eves.get("/portal/statements/" + eve.account().number).asString();
        assertThat(whole).contains(first.number).contains(third.number).contains("Abandon de créance");
        Response backwards = eves.get("/portal/statements/" + eve.account().number + "?from=2026-04-30&to=2026-04-01");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.asString()).contains("id=\"e-to\"");
        assertThat(eves.get("/portal/statements/" + eve.account().number + "?from=2026-02-30")
                        .statusCode())
                .isEqualTo(400);

        Response pdf = eves.get("/portal/statements/" + eve.account().number + ".pdf?from=2026-04-01&to=2026-04-30");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        TaggedPdf tagged = tagged(pdf.asByteArray());
        assertThat(tagged.language).isEqualTo("fr");
        assertThat(tagged.marked).isTrue();
        assertThat(String.join("\n", tagged.outline()))
                .contains("Relevé du compte")
                .contains("Solde au");

        var stranger = data.aCustomer().withLogin("stranger-pass-1").create();
        WebSession strangers = WebSession.signedIn(stranger.email(), "stranger-pass-1");
        assertThat(strangers.get("/portal/statements/" + eve.account().number).statusCode())
                .isEqualTo(404);
        assertThat(strangers
                        .get("/portal/statements/" + eve.account().number + ".pdf")
                        .statusCode())
                .isEqualTo(404);
    }

    /** What the ledger says the account owes at the end of the day, less its unused credit. */
    private BigDecimal ledgerNet(Long account, LocalDate day) {
        LedgerCheck.Position position = ledger.asOf(day).get(account);
        return position == null ? BigDecimal.ZERO : position.owed().subtract(position.credit());
    }

    private static TaggedPdf tagged(byte[] bytes) {
        try {
            return new TaggedPdf(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void pay(Long account, String amount, String day) {
        payments.record(account, new OfflinePaymentForm(amount, day, "CHEQUE", "", Map.of()), TestData.ACTOR);
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
                        "statement-" + UUID.randomUUID(),
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
