package app.billfold.autopay;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One autopay run started from the console: who, when, how far it got, and what it did. */
@Entity
@Table(name = "autopay_run")
public class AutopayRunRecord extends PanacheEntityBase {

    public static final String RUNNING = "RUNNING";
    public static final String FINISHED = "FINISHED";
    public static final String FAILED = "FAILED";
    public static final String ABANDONED = "ABANDONED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "started_by")
    public String startedBy;

    public String status;

    /** Tries due when the run began; {@link #done} of them are tried so far. */
    public int due;

    public int done;

    public int charged;

    /** Declined softly: tried again on a later day. */
    public int retrying;

    @Column(name = "given_up")
    public int givenUp;

    /** Nothing to charge any more (paid otherwise, autopay stopped). */
    public int closed;

    public String error;

    /** The node working on the run, and when it last said it was alive. */
    public String node;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    /** The run that charged what this one left, when its node died. */
    @Column(name = "continued_by")
    public Long continuedBy;

    public boolean running() {
        return RUNNING.equals(status);
    }
}
