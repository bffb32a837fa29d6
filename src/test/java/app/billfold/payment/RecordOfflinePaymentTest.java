package app.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.billfold.common.InvalidInputException;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.invoice.Invoices;
import app.billfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RecordOfflinePaymentTest {

    @Inject
    TestData data;

    @Inject
    RecordOfflinePayment record;

    @Inject
    Invoices invoices;

    @Inject
    Payments payments;

    @Inject
    LedgerCheck ledger;

    @Test
    void settlesTheOldestBillsFirstWhenNoSplitIsGiven() {
        var customer = data.aCustomer().create();
        Invoice older = data.anInvoice(customer.account())
                .due("2026-03-20")
                .withLine("A", "1", "50", "0")
                .issue();
        Invoice newer = data.anInvoice(customer.account())
                .due("2026-04-20")
                .withLine("B", "1", "30", "0")
                .issue();

        record.record(
                customer.account().id,
                new OfflinePaymentForm("65.00", "2026-03-09", "CHEQUE", "000123", Map.of()),
                TestData.ACTOR);

        Invoice o = data.fresh(() -> invoices.get(older.id));
        Invoice n = data.fresh(() -> invoices.get(newer.id));
        assertThat(o.status).isEqualTo(InvoiceStatus.PAID);
        assertThat(o.balance).isEqualByComparingTo("0");
        assertThat(n.status).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(n.amountPaid).isEqualByComparingTo("15");
        assertThat(n.balance).isEqualByComparingTo("15");
        assertThat(payments.forAccount(customer.account().id)).singleElement().satisfies(p -> {
            assertThat(p.amount).isEqualByComparingTo("65");
            assertThat(p.reference).isEqualTo("000123");
            assertThat(p.method).isEqualTo(PaymentMethod.CHEQUE);
        });
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void followsTheClerksSplitAcrossInvoices() {
        var customer = data.aCustomer().create();
        Invoice a = data.anInvoice(customer.account())
                .due("2026-03-20")
                .withLine("A", "1", "50", "0")
                .issue();
        Invoice b = data.anInvoice(customer.account())
                .due("2026-04-20")
                .withLine("B", "1", "30", "0")
                .issue();

        record.record(
                customer.account().id,
                new OfflinePaymentForm("40", "2026-03-09", "TRANSFER", "", Map.of(a.id, "10", b.id, "30")),
                TestData.ACTOR);

        assertThat(data.fresh(() -> invoices.get(a.id).balance)).isEqualByComparingTo("40");
        assertThat(data.fresh(() -> invoices.get(b.id).status)).isEqualTo(InvoiceStatus.PAID);
        assertThat(ledger.mismatches()).isEmpty();
    }

    @Test
    void refusesBadPaymentsAndChangesNothing() {
        var customer = data.aCustomer().create();
        Invoice a =
                data.anInvoice(customer.account()).withLine("A", "1", "50", "0").issue();
        Long account = customer.account().id;

        assertThatThrownBy(() -> record.record(
                        account, new OfflinePaymentForm("0", "tomorrow", "GOLD", "", Map.of()), TestData.ACTOR))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().asMap())
                                .containsEntry("amount", "error_amount")
                                .containsEntry("receivedOn", "error_date")
                                .containsEntry("method", "error_choice"));
        assertThatThrownBy(() -> record.record(
                        account, new OfflinePaymentForm("10.001", "2026-03-09", "CASH", "", Map.of()), TestData.ACTOR))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> record.record(
                        account,
                        new OfflinePaymentForm("20", "2026-03-09", "CASH", "", Map.of(a.id, "25")),
                        TestData.ACTOR))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get("amount")).isEqualTo("error_allocation_sum"));
        assertThatThrownBy(() -> record.record(
                        account, new OfflinePaymentForm("5", "2026-03-11", "CASH", "", Map.of()), TestData.ACTOR))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get("receivedOn")).isEqualTo("error_date_future"));

        assertThat(payments.forAccount(account)).isEmpty();
        assertThat(data.fresh(() -> invoices.get(a.id).balance)).isEqualByComparingTo("50");
        assertThat(data.fresh(() -> invoices.get(a.id).status)).isEqualTo(InvoiceStatus.OPEN);
    }
}
