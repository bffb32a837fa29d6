package app.billfold.autopay;

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
 * Closes an autopay run started from the console whose node died (kill -9, power loss): its record
 * becomes ABANDONED with the tries it recorded, and what it had not charged is charged by a run
 * still alive on another node, or else by a new run started here; continued_by names that run. A
 * charge the dead node had sent without recording the answer is settled by the reconciler by its
 * key, never charged again, so the new run cannot double it.
 */
@ApplicationScoped
public class AbandonedAutopayRuns implements StaleRuns {

    private static final Logger LOG = Logger.getLogger(AbandonedAutopayRuns.class);

    static final String SYSTEM = "system (run of a node that stopped)";

    @Inject
    EntityManager em;

    @Inject
    AutopayRuns runs;

    @Inject
    ThisNode node;

    @Inject
    Clock clock;

    @Override
    public int close(Instant cutoff) {
        List<Long> toContinue = new ArrayList<>();
        int closed = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> stale = em.createNativeQuery("select id from autopay_run where status = 'RUNNING'"
                            + " and coalesce(heartbeat_at, started_at) < ?1 order by id for update skip locked")
                    .setParameter(1, cutoff)
                    .getResultList();
            for (Number id : stale) {
                AutopayRunRecord run = AutopayRunRecord.findById(id.longValue());
                run.status = AutopayRunRecord.ABANDONED;
                run.finishedAt = Instant.now(clock);
                String why = "Node " + run.node + " stopped answering at " + run.done + "/" + run.due + "; closed by "
                        + node.name();
                run.error = why.length() > 2000 ? why.substring(0, 2000) : why;
                @SuppressWarnings("unchecked")
                List<Number> alive = em.createNativeQuery("select id from autopay_run where status = 'RUNNING'"
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
                        "Closed autopay run %d of node %s, which stopped answering at %d/%d",
                        run.id, run.node, run.done, run.due);
            }
            return stale.size();
        });
        if (!toContinue.isEmpty()) {
            Long next = runs.start(SYSTEM);
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createQuery("update AutopayRunRecord r set r.continuedBy = ?1 where r.id in ?2")
                            .setParameter(1, next)
                            .setParameter(2, toContinue)
                            .executeUpdate());
        }
        return closed;
    }
}
