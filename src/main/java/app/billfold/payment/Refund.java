package app.billfold.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** Money given back on a card or bank payment, through the processor. */
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
}
