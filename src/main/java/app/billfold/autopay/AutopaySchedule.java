package app.billfold.autopay;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** Where autopay stands with one invoice: tries so far and when to try next. */
@Entity
@Table(name = "autopay_schedule")
public class AutopaySchedule extends PanacheEntityBase {

    @Id
    @Column(name = "invoice_id")
    public Long invoiceId;

    @Column(name = "account_id")
    public Long accountId;

    @Enumerated(EnumType.STRING)
    public AutopayStatus status;

    public int tries;

    @Column(name = "first_try_on")
    public LocalDate firstTryOn;

    @Column(name = "next_try_on")
    public LocalDate nextTryOn;

    @Column(name = "last_decline_code")
    public String lastDeclineCode;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The key of the current try: the same until the try is settled, so a re-run never charges twice. */
    public String idempotencyKey() {
        return "autopay-" + invoiceId + "-" + (tries + 1);
    }
}
