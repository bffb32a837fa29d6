package app.billfold.export;

import app.billfold.common.StaleRuns;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;

/**
 * An export whose node died while making it (its heartbeat stopped) is marked FAILED, its parts
 * forgotten, so that its page says to ask again and a new request is not taken for a duplicate.
 * Finished exports older than the configured time are deleted on the same beat.
 */
@ApplicationScoped
public class StaleExports implements StaleRuns {

    @Inject
    EntityManager em;

    @Inject
    ExportsConfig config;

    @Inject
    Clock clock;

    @Override
    public int close(Instant cutoff) {
        Instant now = Instant.now(clock);
        return QuarkusTransaction.requiringNew().call(() -> {
            int closed = em.createNativeQuery("update export_job set status = 'FAILED', finished_at = ?1,"
                            + " error = 'The node making it stopped (' || coalesce(node, '?') || '); ask for it again.'"
                            + " where status in ('QUEUED', 'RUNNING') and coalesce(heartbeat_at, requested_at) < ?2")
                    .setParameter(1, now)
                    .setParameter(2, cutoff)
                    .executeUpdate();
            em.createNativeQuery("delete from export_part where job_id in (select id from export_job"
                            + " where status = 'FAILED')")
                    .executeUpdate();
            em.createNativeQuery("delete from export_job where finished_at < ?1")
                    .setParameter(1, now.minus(config.keepFor()))
                    .executeUpdate();
            return closed;
        });
    }
}
