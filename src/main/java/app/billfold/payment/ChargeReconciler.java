package app.billfold.payment;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Settles abandoned and unanswered charges, on every node, by asking the processor about their keys. */
@ApplicationScoped
public class ChargeReconciler {

    private static final Logger LOG = Logger.getLogger(ChargeReconciler.class);

    @Inject
    TakePayment takePayment;

    @Scheduled(
            identity = "charge-reconciler",
            every = "{billfold.payments.reconcile-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        int settled = takePayment.settleAbandoned();
        if (settled > 0) {
            LOG.infof("Settled %d abandoned or unanswered charges", settled);
        }
    }
}
