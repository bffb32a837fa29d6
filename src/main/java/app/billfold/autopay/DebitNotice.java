package app.billfold.autopay;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The notice of a coming automatic debit of one bill: when it went, when the debit may happen. */
@Entity
@Table(name = "autopay_notice")
public class DebitNotice extends PanacheEntityBase {

    @Id
    @Column(name = "invoice_id")
    public Long invoiceId;

    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The first day the bill may be debited: its due date, or later if the notice went late. */
    @Column(name = "debit_on")
    public LocalDate debitOn;

    /** Set when the customer chose to pay this bill themselves: autopay leaves it alone. */
    @Column(name = "skipped_at")
    public Instant skippedAt;

    @Column(name = "skipped_by")
    public String skippedBy;

    public boolean isSkipped() {
        return skippedAt != null;
    }
}
