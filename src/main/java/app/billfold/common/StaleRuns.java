package app.billfold.common;

import java.time.Instant;

/** Closes the run records of one kind left RUNNING by a node whose heartbeat stopped before the cutoff. */
public interface StaleRuns {

    /** Returns how many it closed. */
    int close(Instant cutoff);
}
