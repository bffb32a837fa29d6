package app.billfold.payment;

import app.billfold.common.Money;
import app.billfold.invoice.Invoice;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** The part of a payment that settles one invoice: the ledger that invoice balances are checked against. */
@Entity
@Table(name = "payment_allocation")
public class PaymentAllocation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payment_id")
    public Payment payment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id")
    public Invoice invoice;

    public BigDecimal amount;

    public Money money() {
        return Money.of(amount, payment.currency);
    }
}
