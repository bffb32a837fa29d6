package app.billfold.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** The part of a refund taken back from one invoice, which owes it again. */
@Entity
@Table(name = "refund_allocation")
public class RefundAllocation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "refund_id")
    public Long refundId;

    @Column(name = "invoice_id")
    public Long invoiceId;

    public BigDecimal amount;
}
