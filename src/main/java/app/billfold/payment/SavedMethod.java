package app.billfold.payment;

import app.billfold.payment.gateway.MethodKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** A card or bank account saved with the processor: its token and what the payer recognises it by. */
@Entity
@Table(name = "saved_method")
public class SavedMethod extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id")
    public Long customerId;

    @Enumerated(EnumType.STRING)
    public MethodKind kind;

    public String token;
    public String brand;
    public String last4;

    @Column(name = "exp_month")
    public Integer expMonth;

    @Column(name = "exp_year")
    public Integer expYear;

    /** For a bank account: the SEPA mandate's reference, shown to the payer. */
    @Column(name = "mandate_ref")
    public String mandateRef;

    /** The processor's fingerprint of the card or account: the same for each token of it. */
    public String fingerprint;

    @Column(name = "is_default")
    public boolean isDefault;

    public boolean removed;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The language-free label kept on payments and in the audit trail: "visa •••• 4242 12/2028". */
    public String label() {
        return MethodName.of(this).label();
    }

    /** What the payer reads, in a language: "Visa •••• 4242, expires 12/2028". */
    public String inWords(String language) {
        return MethodName.of(this).inWords(language);
    }

    /** A card past its expiry month on that day; bank accounts do not expire. */
    public boolean isExpiredOn(LocalDate day) {
        return expYear != null
                && expMonth != null
                && YearMonth.of(expYear, expMonth).isBefore(YearMonth.from(day));
    }
}
