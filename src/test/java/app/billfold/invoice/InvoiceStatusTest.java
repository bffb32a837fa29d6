package app.billfold.invoice;

import static app.billfold.invoice.InvoicePricingTest.invoiceWith;
import static app.billfold.invoice.InvoicePricingTest.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.billfold.common.BusinessRuleException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceStatusTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    static Invoice openInvoice() {
        Invoice invoice = invoiceWith(line("1", "100", "0"));
        invoice.issue(() -> "INV-000001", TODAY, Instant.EPOCH);
        return invoice;
    }

    @Test
    void issuingOpensTheDraftWithItsNumberAndToday() {
        Invoice invoice = openInvoice();
        assertThat(invoice.status).isEqualTo(InvoiceStatus.OPEN);
        assertThat(invoice.number).isEqualTo("INV-000001");
        assertThat(invoice.issueDate).isEqualTo(TODAY);
    }

    @Test
    void anIssuedInvoiceCannotBeIssuedOrEditedAgain() {
        Invoice invoice = openInvoice();
        assertThatThrownBy(() -> invoice.issue(() -> "INV-000002", TODAY, Instant.EPOCH))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("error_invoice_not_draft");
        assertThatThrownBy(() -> invoice.replaceLines(List.of(line("1", "1", "0"))))
                .hasMessage("error_invoice_not_draft");
        assertThat(invoice.number).isEqualTo("INV-000001");
    }

    @Test
    void aDraftWithNothingToPayOrDueInThePastIsNotIssuedAndTakesNoNumber() {
        Invoice empty = Invoice.draft(null, "EUR", TODAY, Instant.EPOCH);
        assertThatThrownBy(() -> empty.issue(
                        () -> {
                            throw new AssertionError("number taken");
                        },
                        TODAY,
                        Instant.EPOCH))
                .hasMessage("error_invoice_no_lines");
        Invoice late = invoiceWith(line("1", "5", "0"));
        late.dueDate = TODAY.minusDays(1);
        assertThatThrownBy(() -> late.issue(() -> "X", TODAY, Instant.EPOCH)).hasMessage("error_due_date_past");
        assertThat(late.status).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(late.number).isNull();
    }

    @Test
    void paymentsMoveItToPartlyPaidThenPaid() {
        Invoice invoice = openInvoice();
        invoice.applyPayment(new BigDecimal("40.00"));
        assertThat(invoice.status).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(invoice.balance).isEqualByComparingTo("60.00");
        invoice.applyPayment(new BigDecimal("60.00"));
        assertThat(invoice.status).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.balance).isEqualByComparingTo("0");
        assertThatThrownBy(() -> invoice.applyPayment(new BigDecimal("1"))).hasMessage("error_invoice_not_payable");
    }

    @Test
    void aPaymentCannotExceedTheBalanceOrPayADraft() {
        Invoice invoice = openInvoice();
        assertThatThrownBy(() -> invoice.applyPayment(new BigDecimal("100.01")))
                .hasMessage("error_allocation_exceeds_balance");
        assertThat(invoice.balance).isEqualByComparingTo("100");
        Invoice draft = invoiceWith(line("1", "5", "0"));
        assertThatThrownBy(() -> draft.applyPayment(BigDecimal.ONE)).hasMessage("error_invoice_not_payable");
    }

    @Test
    void onlyAnOpenInvoiceWithoutPaymentsCanBeVoided() {
        Invoice open = openInvoice();
        open.voidInvoice(Instant.EPOCH);
        assertThat(open.status).isEqualTo(InvoiceStatus.VOID);
        assertThat(open.balance).isEqualByComparingTo("0");
        assertThatThrownBy(() -> open.voidInvoice(Instant.EPOCH)).hasMessage("error_void_status");

        Invoice partly = openInvoice();
        partly.applyPayment(BigDecimal.TEN);
        assertThatThrownBy(() -> partly.voidInvoice(Instant.EPOCH)).hasMessage("error_void_has_payments");
        assertThat(partly.status).isEqualTo(InvoiceStatus.PARTIALLY_PAID);

        Invoice draft = invoiceWith(line("1", "5", "0"));
        assertThatThrownBy(() -> draft.voidInvoice(Instant.EPOCH)).hasMessage("error_void_status");
    }

    @Test
    void overdueIsDerivedFromTheDueDate() {
        Invoice invoice = openInvoice();
        invoice.dueDate = TODAY;
        assertThat(invoice.isOverdue(TODAY)).isFalse();
        assertThat(invoice.isOverdue(TODAY.plusDays(1))).isTrue();
        invoice.applyPayment(new BigDecimal("100"));
        assertThat(invoice.isOverdue(TODAY.plusDays(1))).isFalse();
    }
}
