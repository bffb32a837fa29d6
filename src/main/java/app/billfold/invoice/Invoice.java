package app.billfold.invoice;

import app.billfold.account.Account;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A bill. Its status moves DRAFT -> OPEN -> PARTIALLY_PAID -> PAID, or OPEN -> VOID while nothing
 * has been paid; every move goes through a method here that refuses the moves the rules forbid.
 * Overdue is not a status: it is derived from the due date and the biller's today.
 */
@Entity
@Table(name = "invoice")
public class Invoice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    /** Null while a draft: numbers are taken on issue so that they have no gaps. */
    public String number;

    @Enumerated(EnumType.STRING)
    public InvoiceStatus status;

    @Column(name = "issue_date")
    public LocalDate issueDate;

    @Column(name = "due_date")
    public LocalDate dueDate;

    public String currency;

    @Column(name = "net_total")
    public BigDecimal netTotal;

    @Column(name = "tax_total")
    public BigDecimal taxTotal;

    @Column(name = "gross_total")
    public BigDecimal grossTotal;

    @Column(name = "amount_paid")
    public BigDecimal amountPaid;

    public BigDecimal balance;

    /** What credit notes took off this invoice. */
    @Column(name = "amount_credited")
    public BigDecimal amountCredited = BigDecimal.ZERO;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "voided_at")
    public Instant voidedAt;

    /** BT-10: defaults to the customer's buyer reference, else the account number, on e-invoices. */
    @Column(name = "buyer_reference")
    public String buyerReference;

    /** BT-13: the buyer's purchase order. */
    @Column(name = "order_reference")
    public String orderReference;

    /** BT-22: printed on the bill and carried in the e-invoice. */
    public String note;

    @Version
    public long version;

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<InvoiceLine> lines = new ArrayList<>();

    public static Invoice draft(Account account, String currency, LocalDate dueDate, Instant now) {
        Invoice invoice = new Invoice();
        invoice.account = account;
        invoice.currency = currency;
        invoice.status = InvoiceStatus.DRAFT;
        invoice.dueDate = dueDate;
        invoice.amountPaid = Money.zero(currency).amount();
        invoice.createdAt = now;
        InvoicePricing.priceInvoice(invoice);
        return invoice;
    }

    public void replaceLines(List<InvoiceLine> newLines) {
        requireStatus(InvoiceStatus.DRAFT, "error_invoice_not_draft");
        lines.clear();
        int position = 1;
        for (InvoiceLine line : newLines) {
            line.invoice = this;
            line.position = position++;
            lines.add(line);
        }
        InvoicePricing.priceInvoice(this);
    }

    /**
     * Opens the draft. The number is asked for only once every check has passed, so that a refused
     * issue never takes (and holds the lock on) the next number.
     */
    public void issue(Supplier<String> nextNumber, LocalDate today, Instant now) {
        requireIssuable(today);
        this.number = nextNumber.get();
        this.issueDate = today;
        this.issuedAt = now;
        this.status = InvoiceStatus.OPEN;
    }

    /** Refuses (BusinessRuleException) a draft that could not be issued today, as issue would. */
    public void requireIssuable(LocalDate today) {
        requireStatus(InvoiceStatus.DRAFT, "error_invoice_not_draft");
        if (lines.isEmpty()) {
            throw new BusinessRuleException("error_invoice_no_lines");
        }
        if (grossTotal.signum() <= 0) {
            throw new BusinessRuleException("error_invoice_not_positive");
        }
        if (dueDate == null || dueDate.isBefore(today)) {
            throw new BusinessRuleException("error_due_date_past");
        }
    }

    /** Allocates part of a succeeded payment to this invoice. */
    public void applyPayment(BigDecimal amount) {
        if (!status.isPayable()) {
            throw new BusinessRuleException("error_invoice_not_payable");
        }
        if (amount.signum() <= 0 || amount.compareTo(balance) > 0) {
            throw new BusinessRuleException("error_allocation_exceeds_balance");
        }
        amountPaid = amountPaid.add(amount);
        balance = owed();
        status = balance.signum() == 0 ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID;
    }

    /** Takes part of a credit note off what this invoice owes. */
    public void applyCredit(BigDecimal amount) {
        if (!status.isPayable()) {
            throw new BusinessRuleException("error_invoice_not_payable");
        }
        if (amount.signum() <= 0 || amount.compareTo(balance) > 0) {
            throw new BusinessRuleException("error_allocation_exceeds_balance");
        }
        amountCredited = amountCredited.add(amount);
        balance = owed();
        status = balance.signum() == 0
                ? InvoiceStatus.PAID
                : amountPaid.signum() == 0 ? InvoiceStatus.OPEN : InvoiceStatus.PARTIALLY_PAID;
    }

    /** The total, less payments net of refunds, less credits. */
    public BigDecimal owed() {
        return grossTotal.subtract(amountPaid).subtract(amountCredited);
    }

    /** Gives back part of what was paid: the invoice owes it again. */
    public void applyRefund(BigDecimal amount) {
        if (status != InvoiceStatus.PAID && status != InvoiceStatus.PARTIALLY_PAID) {
            throw new BusinessRuleException("error_refund_status");
        }
        if (amount.signum() <= 0 || amount.compareTo(amountPaid) > 0) {
            throw new BusinessRuleException("error_refund_too_much");
        }
        amountPaid = amountPaid.subtract(amount);
        balance = owed();
        status = amountPaid.signum() == 0 ? InvoiceStatus.OPEN : InvoiceStatus.PARTIALLY_PAID;
    }

    public void voidInvoice(Instant now) {
        if (!status.isPayable()) {
            throw new BusinessRuleException("error_void_status");
        }
        if (amountPaid.signum() != 0 || amountCredited.signum() != 0) {
            throw new BusinessRuleException("error_void_has_payments");
        }
        status = InvoiceStatus.VOID;
        balance = Money.zero(currency).amount();
        voidedAt = now;
    }

    public boolean isOverdue(LocalDate today) {
        return status.isPayable() && dueDate != null && dueDate.isBefore(today);
    }

    public Money gross() {
        return Money.of(grossTotal, currency);
    }

    public Money net() {
        return Money.of(netTotal, currency);
    }

    public Money tax() {
        return Money.of(taxTotal, currency);
    }

    public Money paid() {
        return Money.of(amountPaid, currency);
    }

    public Money balanceDue() {
        return Money.of(balance, currency);
    }

    public List<InvoicePricing.TaxBreakdown> taxBreakdown() {
        return InvoicePricing.breakdown(this);
    }

    private void requireStatus(InvoiceStatus wanted, String messageKey) {
        if (status != wanted) {
            throw new BusinessRuleException(messageKey);
        }
    }
}
