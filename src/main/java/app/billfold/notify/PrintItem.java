package app.billfold.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A paper bill waiting to be printed and posted. */
@Entity
@Table(name = "print_item")
public class PrintItem extends PanacheEntityBase {

    @Id
    @Column(name = "invoice_id")
    public Long invoiceId;

    @Column(name = "queued_at")
    public Instant queuedAt;

    @Column(name = "printed_at")
    public Instant printedAt;

    @Column(name = "printed_by")
    public String printedBy;

    /** PAPER (a paper account) or UNDELIVERED (no channel reached a paperless customer). */
    public String reason;

    /** The message that could not be delivered, when that is why the bill is here. */
    @Column(name = "message_id")
    public Long messageId;
}
