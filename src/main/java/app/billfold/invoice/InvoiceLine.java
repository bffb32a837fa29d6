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

    /** UN/ECE recommendation 20, e.g. C62 (one), KWH, MTQ. */
    @Column(name = "unit_code")
    public String unitCode = UnitCode.C62.name();

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "vat_category")
    public VatCategory vatCategory = VatCategory.S;

    /** Why an exempt, reverse-charge or out-of-scope line bears no VAT (BT-120). */
    @Column(name = "exemption_reason")
    public String exemptionReason;

    public Money net() {
        return Money.of(netAmount, invoice.currency);
    }
}
