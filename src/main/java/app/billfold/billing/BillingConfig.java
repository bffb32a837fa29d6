package app.billfold.billing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When the billing run fires and how much of it a node does at once. */
@ConfigMapping(prefix = "billfold.billing")
public interface BillingConfig {

    /** Quartz cron of the run (hourly by default), or "off". Read by the scheduler. */
    String cron();

    /**
     * Chunks of 100 periods a node bills side by side, each in its own transaction with its own
     * database connection: while one renders its bills' documents, another reads and writes the
     * database. Two fits a two-core node; more only helps with more cores (and a pool above it).
     */
    @WithDefault("2")
    int parallelChunks();
}
