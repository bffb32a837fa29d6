package app.billfold.identity;

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

/**
 * One local sign-in, from the moment the password was accepted until it ends. The browser holds a
 * random id; only its SHA-256 is stored, so the table cannot be replayed as cookies.
 */
@Entity
@Table(name = "user_session")
public class UserSession extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "user_id")
    public Long userId;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Updated at most about once a minute, not on every request. */
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    /** The absolute limit, fixed at sign-in. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public SessionEnd endReason;

    @Column(name = "client_address")
    public String clientAddress;

    @Column(name = "user_agent")
    public String userAgent;

    public boolean isLive() {
        return endedAt == null;
    }
}
