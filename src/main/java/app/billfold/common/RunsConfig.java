package app.billfold.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a node shows that its runs are alive, and when another node closes a run whose node died. */
@ConfigMapping(prefix = "billfold.runs")
public interface RunsConfig {

    /** Whether this node writes heartbeats and closes stale runs (off in the tests, which call it). */
    @WithDefault("true")
    boolean heartbeat();

    /** How often this node writes the heartbeat of its running runs and looks for stale ones. */
    @WithDefault("PT10S")
    Duration heartbeatEvery();

    /** A run whose heartbeat is older than this is taken for dead and closed by another node. */
    @WithDefault("PT1M")
    Duration staleAfter();
}
