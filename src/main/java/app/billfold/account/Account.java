package app.billfold.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A billing account: what a bill is addressed to. Its number and postcode are printed on every
 * bill and together let a payer identify the account without signing in.
 */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    public Customer customer;

    public String number;

    @Column(name = "service_address")
    public String serviceAddress;

    public String postcode;

    /** The town of the address, printed beside the postcode; may be empty for older accounts. */
    public String city;

    @Enumerated(EnumType.STRING)
    public AccountStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The saved method autopay charges on each due date; null when not enrolled. */
    @Column(name = "autopay_method_id")
    public Long autopayMethodId;

    @Column(name = "autopay_since")
    public Instant autopaySince;

    /** Bills go out by e-mail only; otherwise they are printed and posted. */
    public boolean paperless;

    public boolean isOnAutopay() {
        return autopayMethodId != null;
    }
}
