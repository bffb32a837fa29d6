package app.billfold.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One intent to charge a card or bank account, stored with its idempotency key before the processor
 * is called (invariant 3): whatever happens next, the key is what is asked about or sent again.
 */
@Entity
@Table(name = "charge_attempt")
public class ChargeAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "account_id")
    public Long accountId;

    public BigDecimal amount;
    public String currency;
    public String token;

    @Enumerated(EnumType.STRING)
    @Column(name = "method_kind")
    public app.billfold.payment.gateway.MethodKind methodKind;

    @Column(name = "method_label")
    public String methodLabel;

    @Enumerated(EnumType.STRING)
    public ChargePurpose purpose;

    @Enumerated(EnumType.STRING)
    public ChargeStatus status;

    @Column(name = "gateway_ref")
    public String gatewayRef;

    @Column(name = "decline_code")
    public String declineCode;

    @Column(name = "hard_failure")
    public Boolean hardFailure;

    @Column(name = "payment_id")
    public Long paymentId;

    @Column(name = "initiated_by")
    public String initiatedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** The processor's page the payer was sent to, for a payment made there. */
    @Column(name = "hosted_page")
    public String hostedPage;

    /** For a bank debit: the mandate's reference, as the payer's bank shows it. */
    @Column(name = "mandate_ref")
    public String mandateRef;

    /** When the reconciler last asked the processor about it while it waited. */
    @Column(name = "checked_at")
    public Instant checkedAt;

    @OneToMany(mappedBy = "attempt", cascade = CascadeType.ALL)
    public List<ChargeAttemptInvoice> invoices = new ArrayList<>();

    public boolean isSettled() {
        return status == ChargeStatus.SUCCEEDED || status == ChargeStatus.FAILED || status == ChargeStatus.CANCELLED;
    }
}
