package app.billfold.bench;

import app.billfold.biller.Biller;
import app.billfold.billing.BillingRun;
import app.billfold.billing.BillingRuns;
import app.billfold.billing.Plan;
import app.billfold.billing.PlanForm;
import app.billfold.billing.Plans;
import app.billfold.einvoice.BusinessDetailsForm;
import app.billfold.einvoice.BusinessParties;
import app.billfold.einvoice.EInvoices;
import app.billfold.einvoice.SellerForm;
import app.billfold.invoice.Invoice;
import app.billfold.support.PostgresTestDatabase;
import app.billfold.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * B1 {@code billing_day} and B5 {@code rss} (README, "Benchmarks"). Seeds N accounts (100,000 by
 * default, {@code -Dbenchmark.accounts}) on a fixed plan and a tiered metered plan, a fifth of them
 * business customers with their e-invoicing details, half of all paperless; runs the billing run,
 * which issues each bill with its frozen delivered documents (Factur-X and CII for everyone, Peppol
 * UBL for businesses), and prints bills per second against the ceiling measured in the same run:
 * those documents rendered in a tight loop on one thread, weighted by the same mix. It repeats the
 * day on fresh accounts ({@code -Dbenchmark.days}, 3 by default) in the same JVM and prints the
 * resident memory at rest (after a full GC) after start and after each day. It checks the
 * invariants the run must keep (no duplicate invoice, numbers without gaps and in issue order, a
 * frozen document per bill) and fails only when they break or the run cannot run.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class BillingBenchmark {

    /** The resident-memory budget of a node at rest (issue 17, B5). */
    private static final double RSS_BUDGET_MB = 300;

    @Inject
    Plans plans;

    @Inject
    BillingRuns runs;

    @Inject
    EInvoices eInvoices;

    @Inject
    BusinessParties parties;

    @Inject
    Biller biller;

    @Inject
    TestData data;

    /** What one billing day did. */
    record Day(int accounts, int issued, int failed, double seconds, Long consumerSample, Long businessSample) {
        double billsPerSecond() {
            return issued / seconds;
        }
    }

    @Test
    void billingDay() throws Exception {
        int accounts = Integer.getInteger("benchmark.accounts", 100_000);
        int days = Integer.getInteger("benchmark.days", 3);
        SellerForm sellerBefore = data.fresh(() -> SellerForm.of(biller.settings()));
        parties.updateSeller(
                new SellerForm(
                        new BusinessDetailsForm(
                                "1 place de la Mairie",
                                "69001",
                                "Lyon",
                                "FR",
                                "FR46401234562",
                                "401234562",
                                "0002",
                                "",
                                ""),
                        "FR7630006000011234567890189",
                        "",
                        "S1"),
                TestData.ACTOR);
        try {
            double atRest = rssAtRestMiB();
            List<Day> done = new ArrayList<>();
            List<Double> rssAfter = new ArrayList<>();
            for (int d = 1; d <= days; d++) {
                Day day = bill(accounts);
                done.add(day);
                rssAfter.add(rssAtRestMiB());
                System.out.printf(
                        Locale.ROOT,
                        "day %d: %d accounts, %d bills with their documents in %.1f s = %.1f bills/s (%d failed);"
                                + " resident memory at rest after it: %.0f MiB%n",
                        d,
                        day.accounts(),
                        day.issued(),
                        day.seconds(),
                        day.billsPerSecond(),
                        day.failed(),
                        rssAfter.get(d - 1));
            }
            Day first = done.get(0);
            double ceiling = ceiling(first);
            System.out.printf(
                    Locale.ROOT,
                    "ceiling: the same documents rendered in a tight loop on one thread: %.1f bills/s%n"
                            + "resident memory at rest after start: %.0f MiB; after each day: %s MiB%n",
                    ceiling,
                    atRest,
                    rssAfter.stream()
                            .map(r -> String.format(Locale.ROOT, "%.0f", r))
                            .toList());
            Results.print("billing_day", first.billsPerSecond(), "bills/s", first.billsPerSecond() / ceiling);
            Results.print("billing_day_wall", first.seconds(), "s");
            Results.print("rss", atRest, "MB", atRest / RSS_BUDGET_MB);
            if (rssAfter.size() > 1) {
                double growth = (rssAfter.get(rssAfter.size() - 1) - rssAfter.get(0)) / rssAfter.get(0) * 100;
                Results.print("rss_growth", growth, "%");
            }
        } finally {
            parties.updateSeller(sellerBefore, TestData.ACTOR);
        }
    }

    /** Seeds a day's accounts, runs the billing run and checks what it left behind. */
    private Day bill(int accounts) throws Exception {
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
                                new PlanForm.Line("Water", "METERED", "m3", "", "5.5", "10=1.50; 30=1.80; *=2.00"))),
                TestData.ACTOR);
        seed(tag, fixed.id, metered.id, accounts);

        long start = System.nanoTime();
        BillingRun run = runs.run("benchmark");
        double seconds = (System.nanoTime() - start) / 1e9;

        check(tag, run);
        Long consumer = sample(tag, "PERSON");
        Long business = sample(tag, "COMPANY");
        return new Day(accounts, run.issued, run.failed, seconds, consumer, business);
    }

    /**
     * The documents issuing freezes for one bill (Factur-X and CII, and UBL for a business), rendered
     * in a tight loop on one thread for a consumer's and a business's bill of the run, weighted 4 to 1.
     */
    private double ceiling(Day day) {
        int loops = Integer.getInteger("benchmark.ceiling.loops", 400);
        double consumer = secondsPerBill(day.consumerSample(), loops, false);
        double business = secondsPerBill(day.businessSample(), loops, true);
        return 1 / (0.8 * consumer + 0.2 * business);
    }

    private double secondsPerBill(Long invoiceId, int loops, boolean business) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Invoice invoice = Invoice.findById(invoiceId);
            invoice.lines.size();
            for (int i = 0; i < loops / 4; i++) {
                documents(invoice, business);
            }
            long start = System.nanoTime();
            for (int i = 0; i < loops; i++) {
                documents(invoice, business);
            }
            return (System.nanoTime() - start) / 1e9 / loops;
        });
    }

    private void documents(Invoice invoice, boolean business) {
        eInvoices.render(invoice, EInvoices.Format.FACTURX);
        eInvoices.render(invoice, EInvoices.Format.CII);
        if (business) {
            eInvoices.render(invoice, EInvoices.Format.UBL);
        }
    }

    /**
     * The run's invariants: one invoice per account (no duplicate), every bill with its frozen
     * Factur-X, and the run's invoice numbers consecutive (the tests' clock stands still, so the
     * order of issue is left to InvoiceNumberingTest and BillingRunTest).
     */
    private static void check(String tag, BillingRun run) throws Exception {
        try (Connection c = PostgresTestDatabase.connect();
                Statement s = c.createStatement()) {
            long invoices = one(
                    s,
                    "select count(*) from invoice i join account a on a.id = i.account_id where a.number like 'BB" + tag
                            + "%'");
            long accounts = one(
                    s,
                    "select count(distinct i.account_id) from invoice i join account a on a.id = i.account_id"
                            + " where a.number like 'BB" + tag + "%'");
            long withDocument = one(
                    s,
                    "select count(*) from invoice i join account a on a.id = i.account_id join issued_document d on"
                            + " d.invoice_id = i.id and d.format = 'FACTURX' where a.number like 'BB" + tag + "%'");
            String number = "cast(substring(i.number from '[0-9]+$') as bigint)";
            long span = one(
                    s,
                    "select coalesce(max(" + number + ") - min(" + number + ") + 1, 0) from invoice i join account a"
                            + " on a.id = i.account_id where a.number like 'BB" + tag + "%'");
            System.out.printf(
                    Locale.ROOT,
                    "checked: %d invoices for %d accounts (run: %d issued), %d with their frozen Factur-X;"
                            + " their numbers span %d (no gap when it equals the count)%n",
                    invoices,
                    accounts,
                    run.issued,
                    withDocument,
                    span);
            if (invoices != accounts || invoices != run.issued || withDocument != invoices) {
                throw new IllegalStateException("the run left duplicate or missing invoices or documents");
            }
            // Numbers are unique: a span equal to the count means the run's numbers fill their range.
            if (span != invoices) {
                throw new IllegalStateException("the run's invoice numbers have gaps");
            }
        }
    }

    private static Long sample(String tag, String kind) throws Exception {
        try (Connection c = PostgresTestDatabase.connect();
                Statement s = c.createStatement()) {
            return one(
                    s,
                    "select min(i.id) from invoice i join account a on a.id = i.account_id join customer c on c.id ="
                            + " a.customer_id where a.number like 'BB" + tag + "%' and c.kind = '" + kind + "'");
        }
    }

    private static long one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * N customers, each with an account since February (one ended period on the tests' clock):
     * every fifth one a business with its e-invoicing details (its bills carry UBL too), every
     * other one paperless (its bill goes out by e-mail, the others to the print queue); even
     * accounts on the fixed plan, odd ones on the metered plan with a meter reading for February.
     */
    private static void seed(String tag, Long fixedPlan, Long meteredPlan, int count) throws Exception {
        try (Connection c = PostgresTestDatabase.connect();
                Statement s = c.createStatement()) {
            s.execute("insert into customer (kind, name, email, language, created_at, street, postcode, city,"
                    + " country_code, vat_id, registration_id, registration_scheme) select case when g % 5 = 0 then"
                    + " 'COMPANY' else 'PERSON' end, 'Bench " + tag + " ' || g, 'bb-" + tag
                    + "-' || g || '@example.com', 'en', now(), case when g % 5 = 0 then '5 rue du Port' end,"
                    + " case when g % 5 = 0 then '13002' end, case when g % 5 = 0 then 'Marseille' end,"
                    + " case when g % 5 = 0 then 'FR' end, case when g % 5 = 0 then 'FR19812345676' end,"
                    + " case when g % 5 = 0 then '812345676' end, case when g % 5 = 0 then '0002' end"
                    + " from generate_series(1, " + count + ") g");
            s.execute("insert into account (customer_id, number, service_address, postcode, status, created_at,"
                    + " paperless) select id, 'BB" + tag + "' || id, 'Bench street', '75001', 'ACTIVE', now(),"
                    + " id % 2 = 0 from customer where email like 'bb-" + tag + "-%'");
            s.execute(
                    "insert into subscription (account_id, plan_id, starts_on, created_at) select id, case when id % 2"
                            + " = 0 then " + fixedPlan + " else " + meteredPlan
                            + " end, date '2026-02-01', now() from account"
                            + " where number like 'BB" + tag + "%'");
            s.execute("insert into usage_record (subscription_id, plan_line_id, period_start, quantity, imported_at,"
                    + " imported_by) select s.id, l.id, date '2026-02-01', 5 + s.id % 40, now(), 'benchmark'"
                    + " from subscription s join plan_line l on l.plan_id = s.plan_id and l.kind = 'METERED'"
                    + " where s.plan_id = " + meteredPlan);
            s.execute("analyze");
        }
    }

    /** VmRSS of this JVM after a full collection (the heap shrinks to what is live). */
    static double rssAtRestMiB() throws IOException, InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(500);
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
