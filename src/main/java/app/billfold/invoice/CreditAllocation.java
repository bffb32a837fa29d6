package app.billfold.invoice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** Where part of a credit note went: off an invoice's balance, or back to the customer in a refund. */
@Entity
@Table(name = "credit_allocation")
public class CreditAllocation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "credit_note_id")
    public Long creditNoteId;

    @Column(name = "invoice_id")
    public Long invoiceId;

    @Column(name = "refund_id")
    public Long refundId;

    public BigDecimal amount;

    @Column(name = "created_at")
    public Instant createdAt;
}
