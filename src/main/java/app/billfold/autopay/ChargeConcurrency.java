package app.billfold.autopay;

import app.billfold.payment.GatewayThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many autopay tries a node keeps in flight. The processor's rate cap is the ceiling on charges
 * per second, so the run needs as many tries at once as that rate times the time one try takes
 * (Little's law): at 200 ms and 50 calls a second, about ten. A try's time is learnt from the tries
 * themselves (the database work and the processor's answer, not the wait for a slot under the cap,
 * which would feed on itself), as a moving average, so a slower or faster processor is followed
 * within a few dozen charges. Never more than {@link AutopayConfig#maxConcurrency()}, nor than
 * half the database pool (a try holds at most two connections at once, never during the call).
 */
@ApplicationScoped
public class ChargeConcurrency {

    /** A little more than the exact figure, so that the cap, not the workers, is what binds. */
    static final double HEADROOM = 1.25;

    /** Weight of the newest try in the moving average. */
    static final double WEIGHT = 0.1;

    @Inject
    AutopayConfig config;

    @Inject
    GatewayThrottle throttle;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size", defaultValue = "20")
    int poolSize;

    private double averageSeconds;

    /** The most tries in flight at once, whatever the latency. */
    public int ceiling() {
        return Math.max(1, Math.min(config.maxConcurrency(), poolSize / 2));
    }

    /** How many tries to keep in flight now: the configured start until a try has been timed. */
    public synchronized int target() {
        if (averageSeconds == 0) {
            return Math.min(Math.max(1, config.concurrency()), ceiling());
        }
        int needed = (int) Math.ceil(throttle.maxCallsPerSecond() * averageSeconds * HEADROOM);
        return Math.max(1, Math.min(needed, ceiling()));
    }

    /** One try took this long, waiting for the rate cap left out. */
    public synchronized void observed(long nanos) {
        double seconds = Math.max(0, nanos) / 1e9;
        averageSeconds = averageSeconds == 0 ? seconds : averageSeconds + WEIGHT * (seconds - averageSeconds);
    }

    /** The moving average of a try's time, in seconds (0 before the first). */
    public synchronized double averageSeconds() {
        return averageSeconds;
    }
}
