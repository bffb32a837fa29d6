package app.billfold.billing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The biller's late fee policy (one row): none, a fixed amount or a percentage of the balance,
 * after a grace period, once per invoice or every month until a cap.
 */
@Entity
@Table(name = "late_fee_policy")
public class LateFeePolicy extends PanacheEntityBase {

    public static final long SINGLETON_ID = 1L;

    @Id
    public Long id;

    /** NONE, FIXED or PERCENT. */
    public String kind;

    /** The fixed amount, or the percentage of the balance. */
    public BigDecimal amount;

    @Column(name = "grace_days")
    public int graceDays;

    /** ONCE or MONTHLY. */
    public String repeat;

    /** The most all fees of one invoice may add up to; null: no cap. */
    public BigDecimal cap;

    /** Charged on its own bill when a clerk reverses a payment and asks for it; null: none. */
    @Column(name = "returned_payment_fee")
    public BigDecimal returnedPaymentFee;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean active() {
        return !"NONE".equals(kind) && amount != null && amount.signum() > 0;
    }

    public boolean chargesReturnedPayments() {
        return returnedPaymentFee != null && returnedPaymentFee.signum() > 0;
    }

    public boolean monthly() {
        return "MONTHLY".equals(repeat);
    }
}
