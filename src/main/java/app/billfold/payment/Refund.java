package app.billfold.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Money given back on a card or bank payment, through the processor, or taken back by it when the
 * payer disputed the payment. Recorded with its key before the processor is called; it reopens
 * bills only once the processor says it succeeded.
 */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "payment_id")
    public Long paymentId;

    public BigDecimal amount;
    public String reason;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "gateway_ref")
    public String gatewayRef;

    @Column(name = "refunded_by")
    public String refundedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    public RefundStatus status;

    /** Why the processor could not give it back (its own code). */
    @Column(name = "failure_code")
    public String failureCode;

    @Column(name = "settled_at")
    public Instant settledAt;

    @Column(name = "checked_at")
    public Instant checkedAt;

    public boolean isPending() {
        return status == RefundStatus.PENDING;
    }

    public boolean isFailed() {
        return status == RefundStatus.FAILED;
    }

    public boolean isSucceeded() {
        return status == RefundStatus.SUCCEEDED;
    }
}
