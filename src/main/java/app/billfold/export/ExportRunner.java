package app.billfold.export;

import app.billfold.common.ThisNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * Makes one export on this node, outside any long transaction: it reads page by page, writes the
 * file's parts as they fill, records progress as it goes, and ends READY with the file's name, type
 * and size, or FAILED with why (its parts forgotten). While it works this node beats its heartbeat,
 * so that another node can close it if this one dies ({@link StaleExports}).
 */
@ApplicationScoped
public class ExportRunner {

    private static final Logger LOG = Logger.getLogger(ExportRunner.class);

    @Inject
    EntityManager em;

    @Inject
    ExportParts parts;

    @Inject
    ThisNode node;

    @Inject
    Clock clock;

    @Inject
    AgingCsv agingCsv;

    @Inject
    EInvoiceZip eInvoiceZip;

    @Inject
    PrintBatch printBatch;

    public void run(Long id) {
        node.working(ThisNode.RunTable.EXPORT_JOB, id);
        try {
            ExportJob job = QuarkusTransaction.requiringNew().call(() -> ExportJob.<ExportJob>findById(id));
            ExportFile file;
            long size;
            try (ExportParts.Writer out = parts.writer(id)) {
                Progress progress = progress(id);
                file = switch (job.kind) {
                    case AGING -> agingCsv.write(LocalDate.parse(job.param("asOf")), out, progress);
                    case EINVOICES ->
                        eInvoiceZip.write(
                                LocalDate.parse(job.param("from")), LocalDate.parse(job.param("to")), out, progress);
                    case PRINT -> printBatch.write(job.requestedAt, out, progress);
                };
                out.flush();
                out.close();
                size = out.size();
            }
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createQuery("update ExportJob j set j.status = :ready,"
                                    + " j.fileName = :name, j.contentType = :type, j.sizeBytes = :size, j.finishedAt = :now,"
                                    + " j.done = j.total where j.id = :id and j.status = :running")
                            .setParameter("ready", ExportStatus.READY)
                            .setParameter("name", file.name())
                            .setParameter("type", file.contentType())
                            .setParameter("size", size)
                            .setParameter("now", Instant.now(clock))
                            .setParameter("id", id)
                            .setParameter("running", ExportStatus.RUNNING)
                            .executeUpdate());
        } catch (Exception | OutOfMemoryError e) {
            LOG.errorf(e, "Export %d failed", id);
            parts.delete(id);
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createQuery("update ExportJob j set j.status = :failed,"
                                    + " j.error = :why, j.finishedAt = :now where j.id = :id")
                            .setParameter("failed", ExportStatus.FAILED)
                            .setParameter("why", why.length() > 4000 ? why.substring(0, 4000) : why)
                            .setParameter("now", Instant.now(clock))
                            .setParameter("id", id)
                            .executeUpdate());
        } finally {
            node.done(ThisNode.RunTable.EXPORT_JOB, id);
        }
    }

    private Progress progress(Long id) {
        return new Progress() {
            @Override
            public void total(int total) {
                QuarkusTransaction.requiringNew()
                        .run(() -> em.createQuery("update ExportJob j set j.total = :total where j.id = :id")
                                .setParameter("total", total)
                                .setParameter("id", id)
                                .executeUpdate());
            }

            @Override
            public void advance(int count) {
                QuarkusTransaction.requiringNew()
                        .run(() -> em.createQuery("update ExportJob j set j.done = j.done + :count where j.id = :id")
                                .setParameter("count", count)
                                .setParameter("id", id)
                                .executeUpdate());
            }
        };
    }
}
