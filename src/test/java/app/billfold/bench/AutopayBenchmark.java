package app.billfold.bench;

import app.billfold.autopay.AutopayConfig;
import app.billfold.autopay.AutopayRun;
import app.billfold.payment.GatewayThrottle;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.support.PostgresTestDatabase;
import app.billfold.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The autopay benchmark (README, "Benchmarks"): seeds N due invoices on autopay with plain SQL and
 * runs the autopay run against the sandbox at 0 ms (rate cap lifted: the database is the limit)
 * and at 200 ms latency (cap as configured), printing charges per second and the concurrency the
 * run chose. RESULT autopay_200ms is against the rate cap; RESULT autopay_0ms against a raw
 * two-transaction ceiling measured in the same run: plain JDBC, as many threads as the run may use,
 * each claiming a row with SKIP LOCKED in one transaction and settling it in a second, which is the
 * least an autopay try can do (claim and commit, call, settle). Runs only when asked
 * (-Dbenchmark=true) and never fails a build.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class AutopayBenchmark {

    @Inject
    AutopayRun run;

    @Inject
    SandboxGateway sandbox;

    @Inject
    AutopayConfig config;

    @Inject
    GatewayThrottle throttle;

    @Inject
    TestClock clock;

    @Inject
    app.billfold.autopay.ChargeConcurrency concurrency;

    @Test
    void autopayRun() throws Exception {
        int invoices = Integer.getInteger("benchmark.invoices", 1_000);
        StringBuilder report = new StringBuilder("\n=== Autopay benchmark: ")
                .append(invoices)
                .append(" due invoices per run, ")
                .append(config.concurrency())
                .append(" workers to start, at most ")
                .append(concurrency.ceiling())
                .append(", at most ")
                .append(throttle.maxCallsPerSecond())
                .append(" gateway calls/s ===\n");
        int cap = throttle.maxCallsPerSecond();
        double ceiling = rawTwoTransactionCeiling(invoices, concurrency.ceiling());
        report.append(String.format(
                "raw two-transaction ceiling (%d threads, plain JDBC): %7.1f tries/s%n",
                concurrency.ceiling(), ceiling));
        double rate0 = 0;
        double rate200 = 0;
        for (int latency : new int[] {0, 200}) {
            seed(invoices);
            // At 0 ms the cap is lifted, so that the figure is the database's and the run's own.
            throttle.setMaxCallsPerSecond(latency == 0 ? 1_000_000 : cap);
            sandbox.setLatency(Duration.ofMillis(latency));
            sandbox.resetPeak();
            Runtime.getRuntime().gc();
            long start = System.nanoTime();
            AutopayRun.Result result = run.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            report.append(String.format(
                    "sandbox latency %4d ms: %6d charged in %7.1f s = %7.1f charges/s; peak concurrent gateway calls %d;"
                            + " tries in flight at the end %d (a try took %.0f ms on average); heap used %d MiB%n",
                    latency,
                    result.charged(),
                    seconds,
                    result.charged() / seconds,
                    sandbox.peakConcurrentCharges(),
                    concurrency.target(),
                    concurrency.averageSeconds() * 1000,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024)));
            if (latency == 200) {
                rate200 = result.charged() / seconds;
            } else {
                rate0 = result.charged() / seconds;
            }
        }
        sandbox.setLatency(null);
        throttle.setMaxCallsPerSecond(cap);
        System.out.println(report);
        // The ceiling at 200 ms is the processor's rate cap, not what the workers could do.
        Results.print("autopay_200ms", rate200, "charges/s", rate200 / cap);
        Results.print("autopay_0ms", rate0, "charges/s", rate0 / ceiling);
    }

    /**
     * Tries per second when a try is nothing but two transactions: claim one row (SKIP LOCKED) and
     * mark it taken, commit; then mark it settled, commit. Over as many rows as the run charges.
     */
    private double rawTwoTransactionCeiling(int rows, int threads) throws Exception {
        String table = "bench_claim_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = PostgresTestDatabase.connect();
                Statement s = c.createStatement()) {
            s.execute("create table " + table + " (id bigint primary key, status varchar(10) not null,"
                    + " updated_at timestamp with time zone)");
            s.execute("insert into " + table + " select g, 'SCHEDULED', now() from generate_series(1, " + rows + ") g");
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            java.util.List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(pool.submit(() -> {
                    try (Connection c = PostgresTestDatabase.connect()) {
                        c.setAutoCommit(false);
                        while (true) {
                            long id;
                            try (Statement s = c.createStatement();
                                    java.sql.ResultSet r = s.executeQuery(
                                            "select id from " + table
                                                    + " where status = 'SCHEDULED' order by id limit 1 for update skip locked")) {
                                if (!r.next()) {
                                    c.commit();
                                    return null;
                                }
                                id = r.getLong(1);
                            }
                            try (Statement s = c.createStatement()) {
                                s.executeUpdate("update " + table + " set status = 'CLAIMED', updated_at = now()"
                                        + " where id = " + id);
                            }
                            c.commit();
                            try (Statement s = c.createStatement()) {
                                s.executeUpdate("update " + table + " set status = 'DONE', updated_at = now()"
                                        + " where id = " + id);
                            }
                            c.commit();
                        }
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Connection c = PostgresTestDatabase.connect();
                Statement s = c.createStatement()) {
            s.execute("drop table " + table);
        }
        return rows / seconds;
    }

    /** N customers with a saved card, on autopay, each with one invoice due today: plain SQL, fast. */
    private void seed(int count) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String today = clock.today().toString();
        try (Connection c = PostgresTestDatabase.connect();
                Statement s = c.createStatement()) {
            s.execute("insert into customer (kind, name, email, language, created_at) select 'PERSON', 'Bench " + tag
                    + " ' || g, 'bench-" + tag + "-' || g || '@example.com', 'en', now() from generate_series(1, "
                    + count
                    + ") g");
            String mine = "select id from customer where email like 'bench-" + tag + "-%'";
            s.execute("insert into account (customer_id, number, service_address, postcode, status, created_at)"
                    + " select id, 'B" + tag
                    + "' || id, 'Bench street', '75001', 'ACTIVE', now() from customer where id in ("
                    + mine + ")");
            s.execute("insert into sandbox_token (token, kind, outcome, brand, last4, exp_month, exp_year, created_at)"
                    + " select 'tok_bench_" + tag + "_' || id, 'CARD', 'SUCCEEDS', 'visa', '4242', 12, 2030, now()"
                    + " from customer where id in (" + mine + ")");
            s.execute(
                    "insert into saved_method (customer_id, kind, token, brand, last4, exp_month, exp_year, is_default,"
                            + " removed, created_at) select id, 'CARD', 'tok_bench_" + tag
                            + "_' || id, 'visa', '4242', 12, 2030,"
                            + " true, false, now() from customer where id in (" + mine + ")");
            s.execute("update account a set autopay_method_id = m.id, autopay_since = now() from saved_method m"
                    + " where m.customer_id = a.customer_id and m.token like 'tok_bench_" + tag + "_%'");
            s.execute("insert into invoice (account_id, number, status, issue_date, due_date, currency, net_total,"
                    + " tax_total, gross_total, amount_paid, balance, created_at, issued_at, version)"
                    + " select a.id, 'BENCH-" + tag + "-' || a.id, 'OPEN', date '" + today + "' - 30, date '" + today
                    + "', 'EUR', 42, 0, 42, 0, 42, now(), now(), 0 from account a where a.number like 'B" + tag + "%'");
        }
    }
}
