package app.billfold.bench;

import app.billfold.support.PackagedApp;
import app.billfold.support.PostgresTestDatabase;
import io.quarkus.elytron.security.common.BcryptUtil;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The portal benchmark (README, "Benchmarks"): the packaged application (prod profile, 512 MB heap)
 * on the tests' PostgreSQL, seeded with N customers and 12 bills each; S customers sign in, and
 * `hey` (the Debian package) runs one process per signed-in customer: first unthrottled to find the
 * page's maximum throughput, then at half of it, whose 99th percentile latency is the figure. Prints
 * RESULT portal_p99_home, _list, _detail, _pdf and rss (resident memory of the app at rest). Fails
 * only when it cannot run (no `hey`, no jar, the app does not start).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class PortalBenchmarkIT {

    static final String PASSWORD = "bench-password-1234";

    final int accounts = Integer.getInteger("benchmark.portal.accounts", 2_000);
    final int sessions = Integer.getInteger("benchmark.portal.sessions", 20);
    final int seconds = Integer.getInteger("benchmark.portal.seconds", 10);

    @Test
    void portal() throws Exception {
        String hey = List.of("/usr/bin/hey", "/usr/local/bin/hey").stream()
                .filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("hey is not installed: apt-get install hey"));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long start = System.nanoTime();
        seed(tag);
        System.out.printf(
                "seeded %d customers, %d bills in %.0f s%n",
                accounts, accounts * 12, (System.nanoTime() - start) / 1e9);

        try (PackagedApp app = PackagedApp.start(List.of("-Xmx512m"), Map.of())) {
            String base = app.base;
            List<Customer> signedIn = new ArrayList<>();
            int step = Math.max(1, accounts / sessions);
            for (int i = 1; i <= Math.min(sessions, accounts); i++) {
                int n = i * step;
                var browser = app.signIn("pb-" + tag + "-" + n + "@example.com", PASSWORD);
                signedIn.add(new Customer(browser.cookieHeader(), "PB" + tag + "-" + n + "-12"));
            }
            double restingAfterStart = app.rssMiB();

            Map<String, java.util.function.Function<Customer, String>> pages = new java.util.LinkedHashMap<>();
            pages.put("home", c -> "/portal");
            pages.put("list", c -> "/portal/invoices?status=all");
            pages.put("detail", c -> "/portal/invoices/" + c.invoice());
            pages.put("pdf", c -> "/portal/invoices/" + c.invoice() + ".pdf");
            StringBuilder report = new StringBuilder();
            List<String> results = new ArrayList<>();
            for (var page : pages.entrySet()) {
                // Warm up the page (JIT, caches) before measuring it.
                run(hey, base, signedIn, page.getValue(), 3, 0);
                double max =
                        run(hey, base, signedIn, page.getValue(), seconds, 0).throughput();
                Load half = run(hey, base, signedIn, page.getValue(), seconds, max / 2);
                report.append(String.format(
                        Locale.ROOT,
                        "%-6s max %7.1f req/s; at %7.1f req/s (half): p50 %6.1f ms, p99 %6.1f ms, %d requests, %d errors%n",
                        page.getKey(),
                        max,
                        half.throughput(),
                        half.percentile(0.50),
                        half.percentile(0.99),
                        half.latencies().size(),
                        half.errors()));
                results.add(String.format(Locale.ROOT, "%s %f", page.getKey(), half.percentile(0.99)));
            }
            Thread.sleep(5_000);
            double resting = app.rssMiB();
            System.out.printf(
                    "%n=== Portal benchmark: %d customers, %d bills, %d signed-in customers, %d s per step ===%n%s"
                            + "resident memory at rest: %.0f MiB after start and sign-ins, %.0f MiB after the load%n",
                    accounts, accounts * 12, signedIn.size(), seconds, report, restingAfterStart, resting);
            for (String result : results) {
                String[] parts = result.split(" ");
                Results.print("portal_p99_" + parts[0], Double.parseDouble(parts[1]), "ms");
            }
            Results.print("rss", resting, "MB");
        }
    }

    record Customer(String cookie, String invoice) {}

    record Load(List<Double> latencies, int errors, double seconds) {
        double throughput() {
            return latencies.size() / seconds;
        }

        double percentile(double p) {
            if (latencies.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = latencies.stream().sorted().toList();
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }
    }

    /**
     * One hey process per signed-in customer, side by side, each with one worker: unthrottled when
     * the rate is 0, else the rate shared between them. Latencies in milliseconds.
     */
    private Load run(
            String hey,
            String base,
            List<Customer> customers,
            java.util.function.Function<Customer, String> path,
            int duration,
            double rate)
            throws Exception {
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (Customer customer : customers) {
            Path out = Files.createTempFile("hey", ".csv");
            outputs.add(out);
            List<String> command = new ArrayList<>(List.of(
                    hey,
                    "-z",
                    duration + "s",
                    "-c",
                    "1",
                    "-o",
                    "csv",
                    "-disable-redirects",
                    "-H",
                    "Cookie: " + customer.cookie()));
            if (rate > 0) {
                command.addAll(List.of("-q", String.format(Locale.ROOT, "%.3f", rate / customers.size())));
            }
            command.add(base + path.apply(customer));
            processes.add(new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start());
        }
        for (Process p : processes) {
            p.waitFor();
        }
        List<Double> latencies = new ArrayList<>();
        int errors = 0;
        for (Path out : outputs) {
            for (String line : Files.readAllLines(out)) {
                String[] fields = line.split(",");
                if (fields.length < 7 || !Character.isDigit(fields[0].charAt(0))) {
                    continue;
                }
                if (!"200".equals(fields[6].trim())) {
                    errors++;
                    continue;
                }
                latencies.add(Double.parseDouble(fields[0]) * 1000);
            }
            Files.deleteIfExists(out);
        }
        return new Load(latencies, errors, duration);
    }

    /** N customers with a sign-in, an account and 12 issued bills of two lines each, by plain SQL. */
    private void seed(String tag) throws Exception {
        String hash = BcryptUtil.bcryptHash(PASSWORD);
        try (Connection c = PostgresTestDatabase.connect();
                Statement s = c.createStatement()) {
            String customers =
                    "select id, substring(email from '-([0-9]+)@')::int n from customer where email like 'pb-" + tag
                            + "-%'";
            s.execute("insert into customer (kind, name, email, language, created_at) select 'PERSON', 'Portal " + tag
                    + " ' || g, 'pb-" + tag + "-' || g || '@example.com', 'en', now() from generate_series(1, "
                    + accounts + ") g");
            s.execute("insert into app_user (email, password_hash, role, customer_id, language, enabled, created_at)"
                    + " select email, '" + hash + "', 'CUSTOMER', id, 'en', true, now() from customer where email like"
                    + " 'pb-" + tag + "-%'");
            s.execute("insert into account (customer_id, number, service_address, postcode, status, created_at)"
                    + " select id, 'PB" + tag + "-' || n, 'Bench street', '75001', 'ACTIVE', now() from (" + customers
                    + ") c");
            s.execute("insert into invoice (account_id, number, status, issue_date, due_date, currency, net_total,"
                    + " tax_total, gross_total, amount_paid, balance, created_at, issued_at, version)"
                    + " select a.id, a.number || '-' || m, case when m < 12 then 'PAID' else 'OPEN' end,"
                    + " date '2025-01-01' + (m - 1) * 30, date '2025-01-15' + (m - 1) * 30, 'EUR', 20.90, 1.50, 22.40,"
                    + " case when m < 12 then 22.40 else 0 end, case when m < 12 then 0 else 22.40 end, now(), now(), 0"
                    + " from account a, generate_series(1, 12) m where a.number like 'PB" + tag + "-%'");
            s.execute("insert into invoice_line (invoice_id, position, description, quantity, unit_price, tax_rate,"
                    + " net_amount, tax_amount) select i.id, p, case when p = 1 then 'Base charge' else 'Service fee'"
                    + " end, 1, case when p = 1 then 18.50 else 2.40 end, case when p = 1 then 5.5 else 20 end,"
                    + " case when p = 1 then 18.50 else 2.40 end, case when p = 1 then 1.02 else 0.48 end"
                    + " from invoice i join account a on a.id = i.account_id, generate_series(1, 2) p"
                    + " where a.number like 'PB" + tag + "-%'");
            s.execute("analyze");
        }
    }
}
