package app.billfold.payment;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A ceiling on calls per second to the processor, per node: real processors rate-limit (Stripe allows
 * about 100 a second), and a burst above it would only come back as errors. Callers wait for a slot;
 * the time each thread waited is kept, so that a caller sizing its work by how long a call takes
 * (the autopay run) can leave the waiting out.
 */
@ApplicationScoped
public class GatewayThrottle {

    @ConfigProperty(name = "billfold.payments.max-calls-per-second", defaultValue = "50")
    int maxCallsPerSecond;

    private volatile Bucket bucket;

    private final ThreadLocal<long[]> waited = ThreadLocal.withInitial(() -> new long[1]);

    @PostConstruct
    void init() {
        bucket = bucketOf(maxCallsPerSecond);
    }

    /**
     * Changes the ceiling at run time; the benchmark lifts it to measure what the database alone
     * allows.
     */
    public void setMaxCallsPerSecond(int perSecond) {
        maxCallsPerSecond = perSecond;
        bucket = bucketOf(perSecond);
    }

    private static Bucket bucketOf(int maxCallsPerSecond) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(maxCallsPerSecond)
                        .refillGreedy(maxCallsPerSecond, Duration.ofSeconds(1))
                        .build())
                .build();
    }

    public void acquire() {
        long start = System.nanoTime();
        try {
            bucket.asBlocking().consume(1);
            waited.get()[0] += System.nanoTime() - start;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new app.billfold.payment.gateway.GatewayUnavailableException("interrupted while throttled");
        }
    }

    /** Nanoseconds this thread waited for slots since it last asked, and starts counting again. */
    public long takeWaitedNanos() {
        long[] total = waited.get();
        long nanos = total[0];
        total[0] = 0;
        return nanos;
    }

    public int maxCallsPerSecond() {
        return maxCallsPerSecond;
    }
}
