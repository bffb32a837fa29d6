package app.billfold.invoice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A line of a credit note: some or all of the quantity of one invoice line. */
@Entity
@Table(name = "credit_note_line")
public class CreditNoteLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne
    @JoinColumn(name = "credit_note_id")
    public CreditNote creditNote;

    @Column(name = "invoice_line_id")
    public Long invoiceLineId;

    public String description;
    public BigDecimal quantity;

    @Column(name = "unit_price")
    public BigDecimal unitPrice;

    @Column(name = "tax_rate")
    public BigDecimal taxRate;

    @Column(name = "net_amount")
    public BigDecimal netAmount;

    @Column(name = "tax_amount")
    public BigDecimal taxAmount;
}
