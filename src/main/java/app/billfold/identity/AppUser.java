package app.billfold.identity;

import app.billfold.account.Customer;
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

/** Someone who can sign in. A customer user is tied to exactly one customer record. */
@Entity
@Table(name = "app_user")
public class AppUser extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Lower-cased. */
    public String email;

    /** Bcrypt; null for users who sign in elsewhere (Keycloak). */
    @Column(name = "password_hash")
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    public Role role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id")
    public Customer customer;

    /** The user's own choice of language; null means "as the browser asks". */
    public String language;

    public boolean enabled;

    /** The user's id in Keycloak (Keycloak mode); null for a local user. */
    @Column(name = "keycloak_id")
    public String keycloakId;

    @Column(name = "created_at")
    public Instant createdAt;
}
