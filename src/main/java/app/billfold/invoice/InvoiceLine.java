package app.billfold.invoice;

import app.billfold.common.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One charge on an invoice. Its net and tax amounts are rounded once, when the line is priced. */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id")
    public Invoice invoice;

    public int position;
    public String description;
    public BigDecimal quantity;

    @Column(name = "unit_price")
    public BigDecimal unitPrice;

    /** Percent, e.g. 20 for 20 %. */
    @Column(name = "tax_rate")
    public BigDecimal taxRate;

    @Column(name = "net_amount")
    public BigDecimal netAmount;

    @Column(name = "tax_amount")
    public BigDecimal taxAmount;

    public Money net() {
        return Money.of(netAmount, invoice.currency);
    }
}
