package app.billfold.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How failed local sign-ins slow down the next try. Per e-mail a few failures are free, then each
 * one makes the next try wait twice as long, up to a few minutes, so that a stranger cannot lock a
 * customer out for long; per client address more failures are free (many people may share one
 * address) and the wait grows longer.
 */
@ConfigMapping(prefix = "billfold.sign-in")
public interface SignInConfig {

    /** The wait after the first failure beyond the free ones; it doubles with each further failure. */
    @WithDefault("PT30S")
    Duration firstWait();

    Limits account();

    Limits client();

    interface Limits {
        /** Failures that cost nothing. */
        int freeFailures();

        /** The longest wait. */
        Duration maxWait();

        /** Failures older than this are forgotten (for an e-mail, also every success). */
        Duration window();
    }
}
