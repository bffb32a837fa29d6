package app.billfold.bench;

import app.billfold.billing.BillingRun;
import app.billfold.billing.BillingRuns;
import app.billfold.billing.Plan;
import app.billfold.billing.PlanForm;
import app.billfold.billing.Plans;
import app.billfold.einvoice.EInvoices;
import app.billfold.invoice.Invoice;
import app.billfold.support.PostgresTestDatabase;
import app.billfold.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The billing-day benchmark (README, "Benchmarks"): seeds N accounts on a fixed and a tiered metered
 * plan, runs the billing run on PostgreSQL and makes every bill's delivered document (Factur-X),
 * printing RESULT billing_day in bills per second against the ceiling measured in the same run: that
 * document rendered in a tight loop (and, for information, the invoice rows by batched JDBC). Runs
 * only when asked (-Dbenchmark=true) and never fails for a slow figure.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class BillingBenchmark {

    @Inject
    Plans plans;

    @Inject
    BillingRuns runs;

    @Inject
    EInvoices eInvoices;

    @Test
    void billingRun() throws Exception {
        int accounts = Integer.getInteger("benchmark.accounts", 2_000);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Plan fixed = plans.create(
                new PlanForm(
                        "Bench " + tag,
                        "MONTHLY",
                        "1",
                        "14",
                        List.of(
                                new PlanForm.Line("Base charge", "FIXED", "", "18.50", "5.5", ""),
                                new PlanForm.Line("Service fee", "FIXED", "", "2.40", "20", ""))),
                TestData.ACTOR);
        Plan metered = plans.create(
                new PlanForm(
                        "Bench water " + tag,
                        "MONTHLY",
                        "1",
                        "14",
                        List.of(
                                new PlanForm.Line("Base charge", "FIXED", "", "12.00", "5.5", ""),
                                new PlanForm.Line("Water", "METERED", "m3", "", "5.5", "10=1.50; *=2.00"))),
                TestData.ACTOR);
        seed(tag, fixed.id, metered.id, accounts);

        HeapPeak heap = new HeapPeak();
        heap.start();
        long start = System.nanoTime();
        BillingRun run = runs.run("benchmark");
        double runSeconds = (System.nanoTime() - start) / 1e9;

        // The document each customer receives: the Factur-X of every bill issued by the run.
        List<Long> issued = QuarkusTransaction.requiringNew()
                .call(() -> Invoice.<Invoice>find("account.number like ?1", "BB" + tag + "%").stream()
                        .map(i -> i.id)
                        .toList());
        start = System.nanoTime();
        long bytes = 0;
        for (Long id : issued) {
            bytes += QuarkusTransaction.requiringNew().call(() -> delivered(id)).length;
        }
        double documentSeconds = (System.nanoTime() - start) / 1e9;
        heap.stopSampling();

        // Ceiling: the same delivered document of one bill rendered in a tight loop.
        Long sample = issued.get(0);
        int loops = Math.min(accounts, 500);
        QuarkusTransaction.requiringNew().call(() -> delivered(sample));
        start = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            Invoice invoice = Invoice.findById(sample);
            invoice.lines.size();
            for (int i = 0; i < loops; i++) {
                eInvoices.render(invoice, EInvoices.Format.FACTURX);
            }
        });
        double documentCeiling = loops / ((System.nanoTime() - start) / 1e9);
        double jdbcCeiling = plainJdbc(tag, accounts);

        double billsPerSecond = run.issued / (runSeconds + documentSeconds);
        System.out.printf(
                "%n=== Billing day benchmark: %d accounts, half on a fixed plan, half on a tiered metered plan ===%n"
                        + "billing run:          %6d invoices in %6.1f s = %8.1f invoices/s (%d failed)%n"
                        + "delivered documents:  %6d Factur-X in %6.1f s (%d KiB each)%n"
                        + "peak heap used during run and documents: %d MiB%n"
                        + "ceiling, Factur-X in a tight loop:     %8.1f documents/s%n"
                        + "ceiling, invoice rows by batched JDBC: %8.1f invoices/s%n"
                        + "(bytes rendered: %d)%n",
                accounts,
                run.issued,
                runSeconds,
                run.issued / runSeconds,
                run.failed,
                issued.size(),
                documentSeconds,
                issued.isEmpty() ? 0 : bytes / issued.size() / 1024,
                heap.peakMiB(),
                documentCeiling,
                jdbcCeiling,
                bytes);
        Results.print("billing_day", billsPerSecond, "bills/s", billsPerSecond / documentCeiling);
    }

    /** The bill as its customer receives it: Factur-X (PDF/A-3 with the EN 16931 XML inside). */
    private byte[] delivered(Long id) {
        Invoice invoice = Invoice.findById(id);
        return eInvoices.render(invoice, EInvoices.Format.FACTURX).bytes();
    }

    /**
     * N customers, each with an account since February: one ended period each; even accounts on the
     * fixed plan, odd ones on the metered plan with a meter reading for February.
     */
    private static void seed(String tag, Long fixedPlan, Long meteredPlan, int count) throws Exception {
        try (Connection c = PostgresTestDatabase.connect();
                Statement s = c.createStatement()) {
            s.execute("insert into customer (kind, name, email, language, created_at) select 'PERSON', 'Bench " + tag
                    + " ' || g, 'bb-" + tag + "-' || g || '@example.com', 'en', now() from generate_series(1, "
                    + count + ") g");
            s.execute("insert into account (customer_id, number, service_address, postcode, status, created_at)"
                    + " select id, 'BB" + tag + "' || id, 'Bench street', '75001', 'ACTIVE', now() from customer"
                    + " where email like 'bb-" + tag + "-%'");
            s.execute(
                    "insert into subscription (account_id, plan_id, starts_on, created_at) select id, case when id % 2"
                            + " = 0 then " + fixedPlan + " else " + meteredPlan
                            + " end, date '2026-02-01', now() from account"
                            + " where number like 'BB" + tag + "%'");
            s.execute("insert into usage_record (subscription_id, plan_line_id, period_start, quantity, imported_at,"
                    + " imported_by) select s.id, l.id, date '2026-02-01', 5 + s.id % 20, now(), 'benchmark'"
                    + " from subscription s join plan_line l on l.plan_id = s.plan_id and l.kind = 'METERED'"
                    + " where s.plan_id = " + meteredPlan);
        }
    }

    /** The rows one invoice of the run writes (invoice, two lines, the claim), in batches of 500. */
    private static double plainJdbc(String tag, int count) throws Exception {
        try (Connection c = PostgresTestDatabase.connect()) {
            c.setAutoCommit(false);
            List<long[]> subscriptions = new java.util.ArrayList<>();
            try (Statement s = c.createStatement();
                    var rs = s.executeQuery("select s.id, s.account_id from subscription s join account a on"
                            + " a.id = s.account_id where a.number like 'BB" + tag + "%' order by s.id")) {
                while (rs.next()) {
                    subscriptions.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
            long start = System.nanoTime();
            try (PreparedStatement invoice = c.prepareStatement(
                            "insert into invoice (account_id, number, status, issue_date, due_date, currency,"
                                    + " net_total, tax_total, gross_total, amount_paid, balance, created_at, issued_at,"
                                    + " version) values (?, ?, 'OPEN', date '2026-03-10', date '2026-03-24', 'EUR',"
                                    + " 20.90, 1.50, 22.40, 0, 22.40, now(), now(), 0)",
                            Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement line = c.prepareStatement("insert into invoice_line (invoice_id, position,"
                            + " description, quantity, unit_price, tax_rate, net_amount, tax_amount) values"
                            + " (?, ?, ?, 1, ?, ?, ?, ?)");
                    PreparedStatement claim = c.prepareStatement("insert into subscription_invoice"
                            + " (subscription_id, period_start, invoice_id) values (?, date '2025-01-01', ?)")) {
                AtomicLong n = new AtomicLong();
                for (int from = 0; from < subscriptions.size(); from += 500) {
                    List<long[]> batch = subscriptions.subList(from, Math.min(from + 500, subscriptions.size()));
                    for (long[] sub : batch) {
                        invoice.setLong(1, sub[1]);
                        invoice.setString(2, "JDBC-" + tag + "-" + n.incrementAndGet());
                        invoice.addBatch();
                    }
                    invoice.executeBatch();
                    List<Long> ids = new java.util.ArrayList<>();
                    try (var keys = invoice.getGeneratedKeys()) {
                        while (keys.next()) {
                            ids.add(keys.getLong(1));
                        }
                    }
                    for (int i = 0; i < batch.size(); i++) {
                        long id = ids.get(i);
                        addLine(line, id, 1, "Base charge (2026-02-01 – 2026-02-28)", "18.50", "5.5", "18.50", "1.02");
                        addLine(line, id, 2, "Service fee (2026-02-01 – 2026-02-28)", "2.40", "20", "2.40", "0.48");
                        claim.setLong(1, batch.get(i)[0]);
                        claim.setLong(2, id);
                        claim.addBatch();
                    }
                    line.executeBatch();
                    claim.executeBatch();
                    c.commit();
                }
            }
            return subscriptions.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void addLine(
            PreparedStatement line,
            long invoice,
            int position,
            String text,
            String price,
            String rate,
            String net,
            String tax)
            throws Exception {
        line.setLong(1, invoice);
        line.setInt(2, position);
        line.setString(3, text);
        line.setBigDecimal(4, new java.math.BigDecimal(price));
        line.setBigDecimal(5, new java.math.BigDecimal(rate));
        line.setBigDecimal(6, new java.math.BigDecimal(net));
        line.setBigDecimal(7, new java.math.BigDecimal(tax));
        line.addBatch();
    }

    /** Samples the heap every 20 ms and keeps the peak. */
    static final class HeapPeak extends Thread {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private volatile boolean running = true;
        private volatile long peak;

        HeapPeak() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() {
            running = false;
        }

        long peakMiB() {
            return peak / (1024 * 1024);
        }
    }
}
