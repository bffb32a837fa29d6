package app.billfold.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.billfold.autopay.AutopayRun;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.InvalidInputException;
import app.billfold.identity.Role;
import app.billfold.payment.Autopay;
import app.billfold.payment.LedgerCheck;
import app.billfold.payment.Refund;
import app.billfold.payment.RefundPayment;
import app.billfold.payment.SavedMethods;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Credit notes, account credit and its refund, each keeping every balance equal to its ledger. */
@QuarkusTest
class CreditNotesTest {

    @Inject
    TestData data;

    @Inject
    CreditNotes creditNotes;

    @Inject
    LedgerCheck ledger;

    @Inject
    VoidInvoice voids;

    @Inject
    RefundPayment refunds;

    @Inject
    SavedMethods methods;

    @Inject
    Autopay autopay;

    @Inject
    AutopayRun autopayRun;

    @Inject
    SandboxGateway sandbox;

    @Test
    void someLinesOfAnOpenInvoiceAreCreditedAndNeverMoreThanWasBilled() {
        var amy = data.aCustomer().create();
        Invoice bill = data.anInvoice(amy.account())
                .withLine("Water", "10", "3", "10")
                .withLine("Meter rental", "1", "12", "0")
                .issue();
        Long water = bill.lines.get(0).id;
        Long meter = bill.lines.get(1).id;

        CreditNote first = creditNotes.issue(bill.id, Map.of(water, "4"), "meter misread", TestData.ACTOR);

        assertThat(first.number).startsWith("CN-");
        assertThat(first.grossTotal).isEqualByComparingTo("13.20"); // 4 x 3.00 + 10 % tax
        Invoice after = data.fresh(() -> Invoice.findById(bill.id));
        assertThat(after.amountCredited).isEqualByComparingTo("13.20");
        assertThat(after.balance).isEqualByComparingTo("31.80"); // 45.00 - 13.20
        assertThat(after.status).isEqualTo(InvoiceStatus.OPEN);

        assertThatThrownBy(() -> creditNotes.issue(bill.id, Map.of(water, "6.5"), "too much", TestData.ACTOR))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> creditNotes.issue(bill.id, Map.of(water, "2"), " ", TestData.ACTOR))
                .isInstanceOf(InvalidInputException.class);
        creditNotes.issue(bill.id, Map.of(water, "6", meter, "1"), "closing the account", TestData.ACTOR);

        Invoice credited = data.fresh(() -> Invoice.findById(bill.id));
        assertThat(credited.balance).isEqualByComparingTo("0");
        assertThat(credited.amountCredited).isEqualByComparingTo(credited.grossTotal);
        assertThat(credited.status).isEqualTo(InvoiceStatus.PAID);
        assertThatThrownBy(() -> creditNotes.issue(bill.id, Map.of(meter, "1"), "again", TestData.ACTOR))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> voids.voidInvoice(bill.id, TestData.ACTOR)).isInstanceOf(BusinessRuleException.class);
        assertThat(data.fresh(() -> ledger.mismatches()))
                .noneMatch(m -> m.invoiceId().equals(bill.id));
    }

    @Test
    void creditOnAPaidInvoiceStaysOnTheAccountAndTheNextInvoiceTakesIt() {
        var bob = data.aCustomer().create();
        Invoice paid =
                data.anInvoice(bob.account()).withLine("Water", "1", "50", "0").issue();
        data.pay(bob.account(), "50");

        creditNotes.issue(paid.id, Map.of(paid.lines.get(0).id, "0.4"), "price corrected", TestData.ACTOR);

        assertThat(data.fresh(() -> creditNotes.available(bob.account().id))).isEqualByComparingTo("20.00");
        Invoice next =
                data.anInvoice(bob.account()).withLine("Water", "1", "35", "0").issue();
        Invoice taken = data.fresh(() -> Invoice.findById(next.id));
        assertThat(taken.amountCredited).isEqualByComparingTo("20.00");
        assertThat(taken.balance).isEqualByComparingTo("15.00");
        assertThat(data.fresh(() -> creditNotes.available(bob.account().id))).isEqualByComparingTo("0");
        assertThat(data.fresh(() -> ledger.mismatches()))
                .noneMatch(m -> m.invoiceId().equals(paid.id) || m.invoiceId().equals(next.id));
    }

    @Test
    void accountCreditIsRefundedToTheCardWithoutReopeningAnyBill() {
        var cat = data.aCustomer().create();
        var card = methods.save(
                cat.id(), sandbox.tokenizeCard("4242424242424242", 12, 2030).token(), TestData.ACTOR);
        autopay.enrol(cat.id(), cat.account().id, card.id, TestData.ACTOR);
        Invoice bill = data.anInvoice(cat.account())
                .due("2026-03-10")
                .withLine("Water", "1", "80", "0")
                .issue();
        autopayRun.run(); // charged to the card today
        assertThat(data.fresh(() -> Invoice.<Invoice>findById(bill.id).status)).isEqualTo(InvoiceStatus.PAID);
        creditNotes.issue(bill.id, Map.of(bill.lines.get(0).id, "0.25"), "leak allowance", TestData.ACTOR);

        assertThatThrownBy(() -> refunds.refundCredit(cat.account().id, "30", "too much", TestData.ACTOR))
                .isInstanceOf(InvalidInputException.class);
        Refund refund = refunds.refundCredit(cat.account().id, "20", "leak allowance", TestData.ACTOR);

        assertThat(refund.amount).isEqualByComparingTo("20");
        assertThat(refund.gatewayRef).isNotBlank();
        assertThat(data.fresh(() -> creditNotes.available(cat.account().id))).isEqualByComparingTo("0");
        Invoice after = data.fresh(() -> Invoice.findById(bill.id));
        assertThat(after.status).isEqualTo(InvoiceStatus.PAID);
        assertThat(after.balance).isEqualByComparingTo("0");
        assertThat(data.fresh(() -> ledger.mismatches()))
                .noneMatch(m -> m.invoiceId().equals(bill.id));
    }

    @Test
    void aClerkIssuesACreditNoteFromTheInvoicePageAndABadQuantityIsExplained() {
        var dan = data.aCustomer().create();
        Invoice bill =
                data.anInvoice(dan.account()).withLine("Water", "2", "10", "0").issue();
        String clerk = data.staff(Role.CLERK, "clerk-password");
        var console = WebSession.signedIn(clerk, "clerk-password");
        String field = "quantity." + bill.lines.get(0).id;
        assertThat(console.get("/console/invoices/" + bill.id).asString()).contains("name=\"" + field + "\"");

        var bad = console.post("/console/invoices/" + bill.id + "/credit-notes", Map.of(field, "3", "reason", "x"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("no more than what is left to credit");

        var good = console.post(
                "/console/invoices/" + bill.id + "/credit-notes", Map.of(field, "1", "reason", "goodwill"));
        assertThat(good.statusCode()).isEqualTo(303);
        assertThat(console.get("/console/invoices/" + bill.id).asString())
                .contains("CN-")
                .contains("goodwill");
        var refundTooMuch = console.post(
                "/console/accounts/" + dan.account().id + "/credit-refund", Map.of("amount", "5", "reason", "x"));
        assertThat(refundTooMuch.statusCode()).isEqualTo(400); // the account has no credit
        assertThat(refundTooMuch.asString()).contains("id=\"e-amount\"").contains("value=\"5\"");
        assertThat(data.fresh(() -> Invoice.<Invoice>findById(bill.id).balance))
                .isEqualByComparingTo(new BigDecimal("10"));
    }
}
