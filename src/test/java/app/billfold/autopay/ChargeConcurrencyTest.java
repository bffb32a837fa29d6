package app.billfold.autopay;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.payment.GatewayThrottle;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The autopay run keeps the rate cap times a try's time in flight: the configured start until a
 * try is timed, then enough to fill the cap (at 200 ms and 50 calls a second, 13 with the
 * headroom), never above the configured maximum nor half the database pool, never below one.
 */
class ChargeConcurrencyTest {

    @Test
    void followsTheCapTimesTheLatencyWithinItsBounds() {
        ChargeConcurrency concurrency = concurrency(50, 8, 32, 40);
        assertThat(concurrency.target()).isEqualTo(8);

        for (int i = 0; i < 50; i++) {
            concurrency.observed(200_000_000L);
        }
        assertThat(concurrency.target()).isEqualTo(13); // ceil(50 x 0.2 s x 1.25)

        for (int i = 0; i < 200; i++) {
            concurrency.observed(2_000_000_000L);
        }
        assertThat(concurrency.target()).isEqualTo(20); // half the pool of 40, below the maximum of 32

        for (int i = 0; i < 200; i++) {
            concurrency.observed(1_000_000L);
        }
        assertThat(concurrency.target()).isEqualTo(1);

        assertThat(concurrency(50, 8, 6, 40).ceiling()).isEqualTo(6);
    }

    private static ChargeConcurrency concurrency(int cap, int start, int max, int pool) {
        ChargeConcurrency concurrency = new ChargeConcurrency();
        GatewayThrottle throttle = new GatewayThrottle();
        throttle.setMaxCallsPerSecond(cap);
        concurrency.throttle = throttle;
        concurrency.poolSize = pool;
        concurrency.config = new AutopayConfig() {
            @Override
            public String cron() {
                return "off";
            }

            @Override
            public int concurrency() {
                return start;
            }

            @Override
            public int maxConcurrency() {
                return max;
            }

            @Override
            public List<Integer> retryDays() {
                return List.of(1, 3, 5);
            }

            @Override
            public int noticeDays() {
                return 0;
            }
        };
        return concurrency;
    }
}
