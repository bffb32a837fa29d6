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

/**
 * Where part of the account's credit went: part of a credit note off an invoice's balance, or part
 * of a credit note or of a payment's unallocated rest back to the customer in a refund.
 */
@Entity
@Table(name = "credit_allocation")
public class CreditAllocation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The credit note the credit came from, or null when it is a payment's unallocated rest. */
    @Column(name = "credit_note_id")
    public Long creditNoteId;

    /** The payment whose unallocated rest was refunded (only with a refund), or null. */
    @Column(name = "payment_id")
    public Long paymentId;

    @Column(name = "invoice_id")
    public Long invoiceId;

    @Column(name = "refund_id")
    public Long refundId;

    public BigDecimal amount;

    @Column(name = "created_at")
    public Instant createdAt;
}
