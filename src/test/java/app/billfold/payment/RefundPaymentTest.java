package app.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.billfold.audit.AuditLog;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.InvalidInputException;
import app.billfold.identity.Role;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.invoice.Invoices;
import app.billfold.payment.gateway.MethodDetails;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RefundPaymentTest {

    @Inject
    TestData data;

    @Inject
    TakePayment takePayment;

    @Inject
    RefundPayment refunds;

    @Inject
    SandboxGateway sandbox;

    @Inject
    Invoices invoices;

    @Inject
    Payments payments;

    @Inject
    LedgerCheck ledger;

    @Inject
    AuditLog audit;

    record Paid(TestData.CreatedCustomer customer, Invoice first, Invoice second, ChargeAttempt attempt) {}

    Paid paidByCard() {
        var customer = data.aCustomer().create();
        Invoice first = data.anInvoice(customer.account())
                .due("2026-03-20")
                .withLine("A", "1", "60", "0")
                .issue();
        Invoice second = data.anInvoice(customer.account())
                .due("2026-03-25")
                .withLine("B", "1", "40", "0")
                .issue();
        MethodDetails card = sandbox.tokenizeCard("4242424242424242", 12, 2030);
        LinkedHashMap<Long, BigDecimal> parts = new LinkedHashMap<>();
        parts.put(first.id, new BigDecimal("60"));
        parts.put(second.id, new BigDecimal("40"));
        ChargeAttempt attempt = takePayment.pay(new PayOrder(
                customer.account().id,
                parts,
                card.token(),
                card.kind(),
                "visa 4242",
                ChargePurpose.PAY_NOW,
                "refund-test-" + UUID.randomUUID(),
                TestData.ACTOR));
        return new Paid(customer, first, second, attempt);
    }

    @Test
    void aPartRefundReopensTheNewestBillsFirstAndKeepsTheLedgerBalanced() {
        Paid paid = paidByCard();
        refunds.refund(paid.attempt().paymentId, "50", "Meter misread", "clerk@billfold.test");

        Invoice second = data.fresh(() -> invoices.get(paid.second().id));
        Invoice first = data.fresh(() -> invoices.get(paid.first().id));
        assertThat(second.status).isEqualTo(InvoiceStatus.OPEN);
        assertThat(second.balance).isEqualByComparingTo("40");
        assertThat(first.status).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(first.balance).isEqualByComparingTo("10");
        assertThat(sandbox.refundedOn(paid.attempt().gatewayRef)).isEqualByComparingTo("50");
        assertThat(refunds.refundable(paid.attempt().paymentId)).isEqualByComparingTo("50");
        assertThat(ledger.mismatches()).isEmpty();
        assertThat(audit.forSubject("account:" + paid.customer().account().id))
                .filteredOn(e -> e.action.equals("payment.refund"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor).isEqualTo("clerk@billfold.test");
                    assertThat(e.before).contains("refunded 0").contains(paid.second().number + " PAID");
                    assertThat(e.after).contains("refunded 50").contains(paid.second().number + " OPEN");
                });
    }

    @Test
    void refusesMoreThanIsLeftAndOfflinePayments() {
        Paid paid = paidByCard();
        refunds.refund(paid.attempt().paymentId, "100", "Moved out", TestData.ACTOR);
        assertThatThrownBy(() -> refunds.refund(paid.attempt().paymentId, "0.01", "Again", TestData.ACTOR))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get("amount")).isEqualTo("error_refund_too_much"));
        assertThat(sandbox.refundedOn(paid.attempt().gatewayRef)).isEqualByComparingTo("100");

        var cash = data.aCustomer().create();
        data.anInvoice(cash.account()).issue();
        data.pay(cash.account(), "10");
        Long cashPayment =
                data.fresh(() -> payments.forAccount(cash.account().id).get(0).id);
        assertThatThrownBy(() -> refunds.refund(cashPayment, "5", "x", TestData.ACTOR))
                .isInstanceOfSatisfying(
                        BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error_refund_offline"));
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void aRefundTheProcessorMadeBeforeACrashIsRecordedNotRepeated() {
        Paid paid = paidByCard();
        // The processor refunded, then the node died before recording it.
        sandbox.refund(paid.attempt().gatewayRef, new BigDecimal("30"), "refund-" + paid.attempt().paymentId + "-1");
        refunds.refund(paid.attempt().paymentId, "30", "Retry after the crash", TestData.ACTOR);
        assertThat(sandbox.refundedOn(paid.attempt().gatewayRef)).isEqualByComparingTo("30");
        assertThat(refunds.refundable(paid.attempt().paymentId)).isEqualByComparingTo("70");
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void clerksRefundFromTheConsoleAndCustomersCannot() {
        Paid paid = paidByCard();
        String clerk = data.staff(Role.CLERK, "clerk-pw");
        WebSession asClerk = WebSession.signedIn(clerk, "clerk-pw");
        String form = "/console/payments/" + paid.attempt().paymentId + "/refund";
        assertThat(asClerk.get(form).asString()).contains("Refund a payment");
        assertThat(asClerk.post(form, Map.of("amount", "abc", "reason", "")).statusCode())
                .isEqualTo(400);
        assertThat(asClerk.post(form, Map.of("amount", "20", "reason", "Goodwill"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(refunds.refundable(paid.attempt().paymentId)).isEqualByComparingTo("80");

        var other = data.aCustomer().withLogin("cust-pw").create();
        assertThat(WebSession.signedIn(other.email(), "cust-pw").get(form).statusCode())
                .isEqualTo(403);
    }
}
