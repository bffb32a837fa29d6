package app.billfold.payment;

import app.billfold.common.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payer's dispute (chargeback) of a card or bank payment. The processor takes the money back when
 * it opens, so the bills the payment settled owe it again ({@link #refundId}); a clerk follows it up
 * from the queue, answering on the processor's dashboard; its outcome is recorded, and a dispute won
 * pays the bills again ({@link #reinstatedBy}).
 */
@Entity
@Table(name = "dispute")
public class Dispute extends PanacheEntityBase {

    public enum Status {
        OPEN,
        WON,
        LOST
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The processor's id of the dispute (dp_… at Stripe). */
    @Column(name = "processor_ref")
    public String processorRef;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payment_id")
    public Payment payment;

    @Column(name = "account_id")
    public Long accountId;

    public BigDecimal amount;
    public String currency;

    /** The processor's reason code (fraudulent, product_not_received, duplicate…). */
    public String reason;

    /** The processor's own status word, shown to the clerk (needs_response, under_review…). */
    @Column(name = "processor_status")
    public String processorStatus;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** When the processor wants the biller's evidence by. */
    @Column(name = "evidence_due_by")
    public Instant evidenceDueBy;

    /** The money taken back when it opened, which reopened the bills. */
    @Column(name = "refund_id")
    public Long refundId;

    /** The payment that paid the bills again when the dispute was won. */
    @Column(name = "reinstated_by")
    public Long reinstatedBy;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public Money money() {
        return Money.of(amount, currency);
    }
}
