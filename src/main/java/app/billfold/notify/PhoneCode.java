package app.billfold.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A code sent by SMS to prove a number, kept as a keyed hash: short-lived, single-use, a few tries. */
@Entity
@Table(name = "phone_code")
public class PhoneCode extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id")
    public Long customerId;

    /** E.164, the number the code went to. */
    public String phone;

    @Column(name = "code_hash")
    public String codeHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    public int attempts;

    @Column(name = "used_at")
    public Instant usedAt;
}
