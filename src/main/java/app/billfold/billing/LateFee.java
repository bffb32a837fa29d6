package app.billfold.billing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One late fee: for which overdue invoice and fee period, charged as which fee invoice. */
@Entity
@Table(name = "late_fee")
public class LateFee extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "invoice_id")
    public Long invoiceId;

    /** 0 for a one-off fee; for monthly fees, the month since the grace period ended. */
    @Column(name = "period_no")
    public int periodNo;

    @Column(name = "fee_invoice_id")
    public Long feeInvoiceId;

    public BigDecimal amount;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "waived_at")
    public Instant waivedAt;

    @Column(name = "waived_by")
    public String waivedBy;

    @Column(name = "waive_reason")
    public String waiveReason;
}
