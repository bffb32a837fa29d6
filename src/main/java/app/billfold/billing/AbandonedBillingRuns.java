package app.billfold.billing;

import app.billfold.common.StaleRuns;
import app.billfold.common.ThisNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Closes a billing run left RUNNING by a node that died (kill -9, power loss): its record becomes
 * ABANDONED with what it had committed (its open chunk rolled back with the connection), and the
 * rest of its periods is billed by a run still alive on another node, or else by a new run started
 * here; continued_by names that run. Periods are claimed once, so nothing is billed twice.
 */
@ApplicationScoped
public class AbandonedBillingRuns implements StaleRuns {

    private static final Logger LOG = Logger.getLogger(AbandonedBillingRuns.class);

    @Inject
    EntityManager em;

    @Inject
    BillingRuns runs;

    @Inject
    ThisNode node;

    @Inject
    Clock clock;

    @Override
    public int close(Instant cutoff) {
        List<Long> toContinue = new ArrayList<>();
        int closed = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> stale = em.createNativeQuery("select id from billing_run where status = 'RUNNING'"
                            + " and coalesce(heartbeat_at, started_at) < ?1 order by id for update skip locked")
                    .setParameter(1, cutoff)
                    .getResultList();
            for (Number id : stale) {
                BillingRun run = BillingRun.findById(id.longValue());
                run.status = "ABANDONED";
                run.finishedAt = Instant.now(clock);
                String why = "Node " + run.node + " stopped answering at " + run.done + "/" + run.total + "; closed by "
                        + node.name();
                run.errors = run.errors == null ? why : run.errors + "\n" + why;
                if (run.errors.length() > 4000) {
                    run.errors = run.errors.substring(run.errors.length() - 4000);
                }
                @SuppressWarnings("unchecked")
                List<Number> alive = em.createNativeQuery("select id from billing_run where status = 'RUNNING'"
                                + " and coalesce(heartbeat_at, started_at) >= ?1 order by id desc")
                        .setParameter(1, cutoff)
                        .setMaxResults(1)
                        .getResultList();
                if (alive.isEmpty()) {
                    toContinue.add(run.id);
                } else {
                    run.continuedBy = alive.get(0).longValue();
                }
                LOG.warnf(
                        "Closed billing run %d of node %s, which stopped answering at %d/%d",
                        run.id, run.node, run.done, run.total);
            }
            return stale.size();
        });
        if (!toContinue.isEmpty()) {
            Long next = runs.start(BillingRuns.SYSTEM);
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createQuery("update BillingRun r set r.continuedBy = ?1 where r.id in ?2")
                            .setParameter(1, next)
                            .setParameter(2, toContinue)
                            .executeUpdate());
        }
        return closed;
    }
}
