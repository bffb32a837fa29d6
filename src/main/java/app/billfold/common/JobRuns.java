package app.billfold.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * Keeps a record of each run of a scheduled job, with this node's heartbeat while it works; a run
 * left RUNNING by a node that died is closed by another as ABANDONED, with what it had done. The
 * jobs select their work from database state, so the next run does what the dead one did not.
 */
@ApplicationScoped
public class JobRuns implements StaleRuns {

    private static final Logger LOG = Logger.getLogger(JobRuns.class);

    @Inject
    EntityManager em;

    @Inject
    ThisNode node;

    @Inject
    Clock clock;

    /** Runs the job under a record: RUNNING with a heartbeat, then FINISHED with its count, or FAILED. */
    public int record(String job, IntSupplier work) {
        Long id = QuarkusTransaction.requiringNew().call(() -> {
            JobRun run = new JobRun();
            run.job = job;
            run.node = node.name();
            run.startedAt = Instant.now(clock);
            run.heartbeatAt = run.startedAt;
            run.status = "RUNNING";
            run.persist();
            return run.id;
        });
        node.working(ThisNode.RunTable.JOB_RUN, id);
        try {
            int done = work.getAsInt();
            close(id, "FINISHED", done, null);
            return done;
        } catch (RuntimeException | Error e) {
            close(id, "FAILED", 0, String.valueOf(e.getMessage()));
            throw e;
        } finally {
            node.done(ThisNode.RunTable.JOB_RUN, id);
        }
    }

    public List<JobRun> recent(String job, int limit) {
        return QuarkusTransaction.requiringNew()
                .call(() -> JobRun.<JobRun>find("job = ?1 order by id desc", job)
                        .page(0, limit)
                        .list());
    }

    private void close(Long id, String status, int done, String note) {
        QuarkusTransaction.requiringNew().run(() -> {
            JobRun run = JobRun.findById(id);
            // Closed already by another node (this one looked dead): keep that record.
            if ("RUNNING".equals(run.status)) {
                run.status = status;
                run.done = done;
                run.note = note == null ? null : note.length() > 4000 ? note.substring(0, 4000) : note;
                run.finishedAt = Instant.now(clock);
            }
        });
    }

    @Override
    public int close(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> stale = em.createNativeQuery("select id from job_run where status = 'RUNNING'"
                            + " and heartbeat_at < ?1 order by id for update skip locked")
                    .setParameter(1, cutoff)
                    .getResultList();
            for (Number id : stale) {
                JobRun run = JobRun.findById(id.longValue());
                run.status = "ABANDONED";
                run.finishedAt = Instant.now(clock);
                run.note = "Node " + run.node + " stopped answering after " + run.heartbeatAt
                        + "; what it committed stays, the next run does the rest (closed by " + node.name() + ")";
                LOG.warnf("Closed %s run %d of node %s, which stopped answering", run.job, run.id, run.node);
            }
            return stale.size();
        });
    }
}
