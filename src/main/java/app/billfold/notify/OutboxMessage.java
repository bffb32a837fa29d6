package app.billfold.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message waiting to be sent, recorded with the change that caused it (invariant 5). */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String channel;
    public String recipient;
    public String kind;
    public String language;

    /** What the message template needs, as key=value lines. */
    public String payload;

    @Column(name = "dedupe_key")
    public String dedupeKey;

    public String status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "provider_id")
    public String providerId;

    /** The customer the message is for, when it is for one (the log per customer). */
    @Column(name = "customer_id")
    public Long customerId;

    /** What the provider last said of delivery: Twilio's status (delivered, undelivered...) or "bounced". */
    public String delivery;

    @Column(name = "last_error")
    public String lastError;

    /** The message this one sends again on another channel, after that one failed. */
    @Column(name = "fallback_of")
    public Long fallbackOf;

    /** Where the notice went after this message failed: EMAIL, SMS or PRINT (the bill on paper). */
    @Column(name = "followed_by")
    public String followedBy;

    /** When the message was last claimed for sending; kept after an SMS try whose outcome is unknown. */
    @Column(name = "claimed_at")
    public Instant claimedAt;

    /** The node that claimed it (ThisNode's name). */
    @Column(name = "claimed_by")
    public String claimedBy;
}
