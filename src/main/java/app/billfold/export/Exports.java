package app.billfold.export;

import app.billfold.audit.AuditLog;
import app.billfold.common.NotFoundException;
import app.billfold.common.ThisNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Long exports for clerks: asked for (on the audit trail), made in the background on this node,
 * followed on their page, downloaded when ready (on the trail again) and deleted after a while.
 * The same export asked for again while one is under way leads to that one instead of starting
 * another; on PostgreSQL a unique index holds this also for two clerks asking at the same moment.
 */
@ApplicationScoped
public class Exports {

    /** What a request led to: the export, and whether it was started by this request. */
    public record Requested(Long id, boolean started) {}

    @Inject
    ExportRunner runner;

    @Inject
    ExportParts parts;

    @Inject
    AuditLog audit;

    @Inject
    ThisNode node;

    @Inject
    Clock clock;

    @Inject
    ManagedExecutor executor;

    /**
     * Starts the export (or finds the same one under way) and records who asked; {@code params}
     * are its already validated parameters, {@code about} what the audit trail says of it.
     */
    public Requested request(ExportKind kind, String params, String about, String actor) {
        Requested requested;
        try {
            requested = QuarkusTransaction.requiringNew().call(() -> {
                Optional<ExportJob> running = underWay(kind, params);
                if (running.isPresent()) {
                    audit.record(actor, kind.action, "export:" + running.get().id, about + " (already under way)");
                    return new Requested(running.get().id, false);
                }
                ExportJob job = new ExportJob();
                job.kind = kind;
                job.params = params;
                job.status = ExportStatus.RUNNING;
                job.requestedBy = actor;
                job.requestedAt = Instant.now(clock);
                job.node = node.name();
                job.heartbeatAt = job.requestedAt;
                job.persist();
                job.flush();
                audit.record(actor, kind.action, "export:" + job.id, about);
                return new Requested(job.id, true);
            });
        } catch (RuntimeException e) {
            // Another clerk's identical request won the unique index a moment ago: follow that one.
            requested = QuarkusTransaction.requiringNew().call(() -> {
                ExportJob running = underWay(kind, params).orElseThrow(() -> e);
                audit.record(actor, kind.action, "export:" + running.id, about + " (already under way)");
                return new Requested(running.id, false);
            });
        }
        if (requested.started()) {
            Long id = requested.id();
            executor.runAsync(() -> runner.run(id));
        }
        return requested;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ExportJob job(Long id) {
        ExportJob job = ExportJob.findById(id);
        if (job == null) {
            throw new NotFoundException("export " + id);
        }
        return job;
    }

    /** The latest exports, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExportJob> recent(int limit) {
        return ExportJob.<ExportJob>find("order by id desc").page(0, limit).list();
    }

    /**
     * The export's file, written to {@code out} part by part, and the download on the audit trail;
     * an export not ready is not found.
     */
    public ExportJob ready(Long id, String actor) {
        ExportJob job = QuarkusTransaction.requiringNew().call(() -> job(id));
        if (!job.isReady()) {
            throw new NotFoundException("export " + id + " is not ready");
        }
        QuarkusTransaction.requiringNew()
                .run(() -> audit.read(
                        actor, "export.download", "export:" + id, job.fileName + ", " + job.sizeBytes + " bytes"));
        return job;
    }

    public void copy(Long id, OutputStream out) throws IOException {
        parts.copy(id, out);
    }

    private static Optional<ExportJob> underWay(ExportKind kind, String params) {
        return ExportJob.<ExportJob>find(
                        "kind = ?1 and coalesce(params, '') = ?2 and status in ?3 order by id",
                        kind,
                        params == null ? "" : params,
                        List.of(ExportStatus.QUEUED, ExportStatus.RUNNING))
                .firstResultOptional();
    }
}
