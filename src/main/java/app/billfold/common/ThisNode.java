package app.billfold.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This JVM among the nodes sharing the database, and the runs it is working on right now, whose
 * heartbeat it writes ({@link Heartbeats}). A name is unique per start, so a restarted node does
 * not take its former life's runs for its own.
 */
@ApplicationScoped
public class ThisNode {

    /** The tables of run records that carry a node and a heartbeat. */
    public enum RunTable {
        BILLING_RUN("billing_run"),
        JOB_RUN("job_run"),
        AUTOPAY_RUN("autopay_run"),
        EXPORT_JOB("export_job");

        public final String table;

        RunTable(String table) {
            this.table = table;
        }
    }

    private final String name = host() + "-" + ProcessHandle.current().pid() + "-"
            + UUID.randomUUID().toString().substring(0, 8);

    private final Map<RunTable, Set<Long>> working = new ConcurrentHashMap<>();

    public String name() {
        return name;
    }

    public void working(RunTable table, Long id) {
        working.computeIfAbsent(table, t -> ConcurrentHashMap.newKeySet()).add(id);
    }

    public void done(RunTable table, Long id) {
        working.getOrDefault(table, Set.of()).remove(id);
    }

    Map<RunTable, Set<Long>> working() {
        return working;
    }

    private static String host() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            return host.length() > 40 ? host.substring(0, 40) : host;
        } catch (Exception e) {
            return "node";
        }
    }
}
