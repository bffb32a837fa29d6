package app.billfold.identity;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import java.util.function.Supplier;

/**
 * Runs identity lookups with a request context: Panache and the request-scoped beans need one, and
 * the worker thread an identity provider or augmentor runs on may not have it yet.
 */
final class WithRequestContext {

    private WithRequestContext() {}

    static <T> T call(Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            return work.get();
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }
}
