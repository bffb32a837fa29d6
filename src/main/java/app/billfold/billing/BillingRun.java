package app.billfold.billing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The record of one billing run: when, who or what started it, progress, counts, total, errors. */
@Entity
@Table(name = "billing_run")
public class BillingRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "started_by")
    public String startedBy;

    @Column(name = "billing_date")
    public LocalDate billingDate;

    public String status;
    public int total;
    public int done;
    public int issued;
    public int failed;
    public BigDecimal amount;
    public String errors;

    /** The node working on the run, and when it last said so. */
    public String node;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    /** For a run abandoned by its dead node: the run that did (or does) the rest of its work. */
    @Column(name = "continued_by")
    public Long continuedBy;

    public boolean running() {
        return "RUNNING".equals(status);
    }
}
