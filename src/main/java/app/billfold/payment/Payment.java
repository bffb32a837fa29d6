package app.billfold.payment;

import app.billfold.account.Account;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Money received for an account, allocated to one or more of its invoices. */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    public BigDecimal amount;
    public String currency;

    @Column(name = "received_on")
    public LocalDate receivedOn;

    @Enumerated(EnumType.STRING)
    public PaymentMethod method;

    public String reference;

    @Enumerated(EnumType.STRING)
    public PaymentStatus status;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The processor's charge reference, for card and bank payments. */
    @Column(name = "gateway_ref")
    public String gatewayRef;

    /** How the payer recognises the method, e.g. "visa •••• 4242". */
    @Column(name = "method_label")
    public String methodLabel;

    /** For a bank debit: the mandate's reference, as the payer's bank shows it. */
    @Column(name = "mandate_ref")
    public String mandateRef;

    @Column(name = "reversed_at")
    public Instant reversedAt;

    @Column(name = "reversed_by")
    public String reversedBy;

    @Column(name = "reversal_reason")
    public String reversalReason;

    /** The returned-payment fee charged when it was reversed, if any. */
    @Column(name = "fee_invoice_id")
    public Long feeInvoiceId;

    @OneToMany(mappedBy = "payment", cascade = CascadeType.ALL)
    public List<PaymentAllocation> allocations = new ArrayList<>();

    /** Its refunds in every state, shown beside it to clerk and customer; written by RefundPayment only. */
    @OneToMany
    @JoinColumn(name = "payment_id", insertable = false, updatable = false)
    @OrderBy("id")
    public List<Refund> refunds = new ArrayList<>();

    public boolean isReversed() {
        return status == PaymentStatus.REVERSED;
    }

    /** A clerk recorded it, and it still counts: it may be reversed. */
    public boolean isReversible() {
        return status == PaymentStatus.SUCCEEDED && gatewayRef == null && PaymentMethod.OFFLINE.contains(method);
    }

    /**
     * The reference the customer, the bill and the console all show for this payment: the
     * processor's for card and bank payments, else the one the clerk recorded (a cheque number).
     */
    public String shownReference() {
        return gatewayRef != null ? gatewayRef : reference;
    }

    /** An amount in this payment's currency (its refunds'). */
    public Money moneyOf(BigDecimal amount) {
        return Money.of(amount, currency);
    }

    public Money money() {
        return Money.of(amount, currency);
    }
}
