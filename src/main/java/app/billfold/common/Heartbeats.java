package app.billfold.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * On every node (not through the clustered scheduler, which fires a job on one node only): writes
 * the heartbeat of the runs this node is working on, then closes the runs of dead nodes.
 */
@ApplicationScoped
public class Heartbeats {

    private static final Logger LOG = Logger.getLogger(Heartbeats.class);

    @Inject
    ThisNode node;

    @Inject
    RunsConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @Any
    Instance<StaleRuns> staleRuns;

    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent started) {
        if (!config.heartbeat()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "run-heartbeats");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.heartbeatEvery().toMillis();
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void tick() {
        try {
            beat();
            closeStale();
        } catch (RuntimeException e) {
            LOG.warn("Run heartbeat failed; trying again at the next beat", e);
        }
    }

    /** Writes now as the heartbeat of every run this node is working on. */
    public void beat() {
        Instant now = Instant.now(clock);
        node.working().forEach((table, ids) -> {
            List<Long> live = new ArrayList<>(Set.copyOf(ids));
            if (!live.isEmpty()) {
                QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery("update " + table.table + " set heartbeat_at = ?1"
                                        + " where id in (?2) and status = 'RUNNING'")
                                .setParameter(1, now)
                                .setParameter(2, live)
                                .executeUpdate());
            }
        });
    }

    /** Closes every run whose heartbeat is older than the configured limit; returns how many. */
    public int closeStale() {
        Instant cutoff = Instant.now(clock).minus(config.staleAfter());
        int closed = 0;
        for (StaleRuns kind : staleRuns) {
            closed += kind.close(cutoff);
        }
        return closed;
    }
}
