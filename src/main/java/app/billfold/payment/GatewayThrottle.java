package app.billfold.payment;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A ceiling on calls per second to the processor, per node: real processors rate-limit (Stripe allows
 * about 100 a second), and a burst above it would only come back as errors. Callers wait for a slot.
 */
@ApplicationScoped
public class GatewayThrottle {

    @ConfigProperty(name = "billfold.payments.max-calls-per-second", defaultValue = "50")
    int maxCallsPerSecond;

    private Bucket bucket;

    @PostConstruct
    void init() {
        bucket = Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(maxCallsPerSecond)
                        .refillGreedy(maxCallsPerSecond, Duration.ofSeconds(1))
                        .build())
                .build();
    }

    public void acquire() {
        try {
            bucket.asBlocking().consume(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new app.billfold.payment.gateway.GatewayUnavailableException("interrupted while throttled");
        }
    }

    public int maxCallsPerSecond() {
        return maxCallsPerSecond;
    }
}
