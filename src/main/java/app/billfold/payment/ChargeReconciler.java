package app.billfold.payment;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Settles abandoned and unanswered charges, bank debits processing past their time, processor
 * pages nobody came back from and refunds left pending or unanswered, by asking the processor; on every node, each attempt under its
 * account's lock, so running twice at once changes nothing.
 */
@ApplicationScoped
public class ChargeReconciler {

    private static final Logger LOG = Logger.getLogger(ChargeReconciler.class);

    @Inject
    TakePayment takePayment;

    @Inject
    RefundPayment refunds;

    @Scheduled(
            identity = "charge-reconciler",
            every = "{billfold.payments.reconcile-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        int settled = takePayment.settleAbandoned();
        if (settled > 0) {
            LOG.infof("Settled %d abandoned or unanswered charges", settled);
        }
        int moved = takePayment.settleWaiting();
        if (moved > 0) {
            LOG.infof("%d bank debits or processor pages settled by asking the processor", moved);
        }
        int refunded = refunds.settleWaiting();
        if (refunded > 0) {
            LOG.infof("%d pending refunds settled by asking the processor", refunded);
        }
    }
}
