package app.billfold.autopay;

import app.billfold.audit.AuditLog;
import app.billfold.common.NotFoundException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * "Run autopay now" from the console: the run goes on in the background (on the container's
 * managed executor, which Quarkus shuts down cleanly) while its record shows how far it got, as a
 * billing run does. The run itself is the hourly job's, so running it by hand charges nothing twice.
 */
@ApplicationScoped
public class AutopayRuns {

    private static final Logger LOG = Logger.getLogger(AutopayRuns.class);

    @Inject
    AutopayRun run;

    @Inject
    ManagedExecutor executor;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    app.billfold.common.ThisNode node;

    /** Records the run and starts it in the background; returns its id, to follow its progress. */
    public Long start(String actor) {
        Long id = QuarkusTransaction.requiringNew().call(() -> {
            AutopayRunRecord record = new AutopayRunRecord();
            record.startedAt = Instant.now(clock);
            record.startedBy = actor;
            record.status = AutopayRunRecord.RUNNING;
            record.node = node.name();
            record.heartbeatAt = record.startedAt;
            record.persist();
            audit.record(actor, "autopay.run", "autopay-run:" + record.id, null);
            return record.id;
        });
        executor.runAsync(() -> execute(id));
        return id;
    }

    void execute(Long id) {
        node.working(app.billfold.common.ThisNode.RunTable.AUTOPAY_RUN, id);
        try {
            AutopayRun.Result result = run.run(new Progress(id));
            LOG.infof("Autopay run %d: %s", id, result);
            finish(id, AutopayRunRecord.FINISHED, null);
        } catch (RuntimeException e) {
            LOG.error("Autopay run " + id + " failed", e);
            String message = String.valueOf(e.getMessage());
            finish(id, AutopayRunRecord.FAILED, message.length() > 2000 ? message.substring(0, 2000) : message);
        } finally {
            node.done(app.billfold.common.ThisNode.RunTable.AUTOPAY_RUN, id);
        }
    }

    private void finish(Long id, String status, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            AutopayRunRecord record = AutopayRunRecord.findById(id);
            if (!record.running()) {
                return; // closed meanwhile by another node that took this one for dead: keep its record
            }
            record.status = status;
            record.error = error;
            record.finishedAt = Instant.now(clock);
        });
    }

    public AutopayRunRecord record(Long id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AutopayRunRecord.<AutopayRunRecord>findByIdOptional(id)
                        .orElseThrow(() -> new NotFoundException("autopay run " + id)));
    }

    public List<AutopayRunRecord> recent(int limit) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AutopayRunRecord.<AutopayRunRecord>find("order by id desc")
                        .page(0, limit)
                        .list());
    }

    /** Writes each try's outcome to the record as it happens (one short transaction each). */
    private record Progress(Long id) implements AutopayRun.Progress {

        @Override
        public void due(int tries) {
            QuarkusTransaction.requiringNew().run(() -> AutopayRunRecord.update("due = ?1 where id = ?2", tries, id));
        }

        @Override
        public void tried(AutopaySchedule row) {
            String outcome = switch (row.status) {
                case DONE -> row.lastDeclineCode == null ? "charged" : "closed";
                case FAILED -> "givenUp";
                case SCHEDULED -> "retrying";
            };
            QuarkusTransaction.requiringNew()
                    .run(() -> AutopayRunRecord.update(
                            "done = done + 1, " + outcome + " = " + outcome + " + 1 where id = ?1", id));
        }
    }
}
