package app.billfold.billing;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.identity.Role;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceLine;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Recurring billing on PostgreSQL: proration, tiers, usage import, exactly one invoice per
 * subscription and period under concurrent runs and after a failed run, and the dry run.
 */
@QuarkusTest
class BillingRunTest {

    @Inject
    TestData data;

    @Inject
    Plans plans;

    @Inject
    Subscriptions subscriptions;

    @Inject
    UsageImport usage;

    @Inject
    BillingRuns runs;

    @Inject
    EntityManager em;

    @Test
    void periodsAreProratedByDaysAndUsageIsPricedByTiers() {
        Plan water = waterPlan();
        var ana = data.aCustomer().create();
        // Clock: 2026-03-10. January (from the 11th: 21 of 31 days) and February have ended.
        subscriptions.subscribe(ana.account().id, water.id.toString(), "2026-01-11", "", TestData.ACTOR);
        String number = ana.account().number;
        var imported = usage.importCsv(
                "account,plan,line,period_start,quantity\n"
                        + number + "," + water.name + ",Water,2026-01-01,8\n"
                        + number + "," + water.name + ",Water,2026-02-01,14\n",
                TestData.ACTOR);
        assertThat(imported.problems()).isEmpty();

        BillingRun run = runs.run(TestData.ACTOR);

        assertThat(run.status).isEqualTo("FINISHED");
        List<Invoice> bills = invoicesOf(ana.account().id);
        assertThat(bills).hasSize(2);
        Invoice january = bills.get(0);
        assertThat(lines(january))
                .containsExactly(
                        "Base charge (21/31 days, 2026-01-01 – 2026-01-31) 1 x 20.32",
                        "Water (0–10 m3) (2026-01-01 – 2026-01-31) 8 x 1.5");
        assertThat(january.netTotal).isEqualByComparingTo("32.32");
        Invoice february = bills.get(1);
        assertThat(lines(february))
                .containsExactly(
                        "Base charge (2026-02-01 – 2026-02-28) 1 x 30",
                        "Water (0–10 m3) (2026-02-01 – 2026-02-28) 10 x 1.5",
                        "Water (over 10 m3) (2026-02-01 – 2026-02-28) 4 x 2");
        assertThat(february.netTotal).isEqualByComparingTo("53.00");
        assertThat(february.dueDate).isEqualTo(LocalDate.parse("2026-03-24")); // today + 14 days' terms
    }

    @Test
    void theLastPeriodIsProratedToTheEndDate() {
        Plan flat = flatPlan("31");
        var ben = data.aCustomer().create();
        subscriptions.subscribe(ben.account().id, flat.id.toString(), "2026-01-01", "2026-02-14", TestData.ACTOR);

        runs.run(TestData.ACTOR);

        assertThat(invoicesOf(ben.account().id))
                .extracting(i -> i.netTotal.setScale(2))
                .containsExactly(new BigDecimal("31.00"), new BigDecimal("15.50")); // January whole, 14/28 of February
    }

    @Test
    void twoConcurrentRunsIssueExactlyOneInvoicePerSubscriptionAndPeriod() throws Exception {
        Plan flat = flatPlan("30");
        List<Long> accounts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            var who = data.aCustomer().create();
            subscriptions.subscribe(who.account().id, flat.id.toString(), "2026-01-01", "", TestData.ACTOR);
            accounts.add(who.account().id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<BillingRun>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            both.add(pool.submit(() -> {
                go.await();
                return runs.run("node-" + UUID.randomUUID());
            }));
        }
        go.countDown();
        int issued = 0;
        for (Future<BillingRun> run : both) {
            issued += run.get().issued;
        }
        pool.shutdown();

        for (Long account : accounts) {
            assertThat(invoicesOf(account)).as("account " + account).hasSize(2); // January and February
        }
        assertThat(issued).as("together the two runs issued each invoice once").isGreaterThanOrEqualTo(12);
        long claims = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from subscription_invoice si"
                                        + " join subscription s on s.id = si.subscription_id where s.plan_id = ?1")
                                .setParameter(1, flat.id)
                                .getSingleResult())
                        .longValue());
        assertThat(claims).isEqualTo(12);
        assertThat(runs.run(TestData.ACTOR).issued)
                .as("a third run finds nothing left")
                .isZero();
    }

    @Test
    void aPeriodThatFailsIsBilledByTheNextRunAndTheOthersOnlyOnce() {
        Plan water = waterPlan();
        var cal = data.aCustomer().create();
        subscriptions.subscribe(cal.account().id, water.id.toString(), "2026-02-01", "", TestData.ACTOR);

        BillingRun first = runs.run(TestData.ACTOR); // no meter reading for February yet
        assertThat(first.errors).contains(cal.account().number).contains("no usage for \"Water\"");
        assertThat(invoicesOf(cal.account().id)).isEmpty();

        usage.importCsv(
                "account,plan,line,period_start,quantity\n" + cal.account().number + "," + water.name
                        + ",Water,2026-02-01,3\n",
                TestData.ACTOR);
        BillingRun second = runs.run(TestData.ACTOR);
        runs.run(TestData.ACTOR);

        assertThat(second.errors == null ? "" : second.errors).doesNotContain(cal.account().number);
        assertThat(invoicesOf(cal.account().id)).hasSize(1);
    }

    @Test
    void aDryRunShowsWhatWouldBeIssuedAndWritesNothing() {
        Plan flat = flatPlan("60");
        var dee = data.aCustomer().create();
        subscriptions.subscribe(dee.account().id, flat.id.toString(), "2026-02-01", "", TestData.ACTOR);
        long invoicesBefore = count("select count(*) from invoice");
        long claimsBefore = count("select count(*) from subscription_invoice");
        long runsBefore = count("select count(*) from billing_run");

        BillingRuns.Preview preview = runs.preview();

        assertThat(preview.invoices())
                .filteredOn(i -> i.account().equals(dee.account().number))
                .singleElement()
                .satisfies(i -> assertThat(i.total()).isEqualByComparingTo("60.00")); // February, whole
        assertThat(count("select count(*) from invoice")).isEqualTo(invoicesBefore);
        assertThat(count("select count(*) from subscription_invoice")).isEqualTo(claimsBefore);
        assertThat(count("select count(*) from billing_run")).isEqualTo(runsBefore);
    }

    @Test
    void aUsageFileWithBadRowsIsRefusedWholeWithLineNumbersAndAGoodOneImportsOnce() {
        Plan water = waterPlan();
        var eve = data.aCustomer().create();
        subscriptions.subscribe(eve.account().id, water.id.toString(), "2026-01-01", "", TestData.ACTOR);
        String n = eve.account().number;
        long before = count("select count(*) from usage_record");

        var refused = usage.importCsv(
                "account,plan,line,period_start,quantity\n"
                        + n + "," + water.name + ",Water,2026-01-01,5\n"
                        + "0000000000," + water.name + ",Water,2026-01-01,5\n"
                        + n + "," + water.name + ",Water,January,5\n"
                        + n + "," + water.name + ",Water,2026-01-15,5\n"
                        + n + "," + water.name + ",Water,2026-02-01,-1\n"
                        + n + "," + water.name + ",Gas,2026-02-01,1\n"
                        + n + "," + water.name + ",Water,2026-01-01,6\n",
                TestData.ACTOR);

        assertThat(refused.applied()).isFalse();
        assertThat(refused.problems()).extracting(UsageImport.Problem::line).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(refused.problems().get(0).reason()).contains("0000000000");
        assertThat(refused.problems().get(5).reason()).contains("twice");
        assertThat(count("select count(*) from usage_record")).isEqualTo(before);
        assertThat(usage.importCsv("acct,plan\n1,2\n", TestData.ACTOR).problems())
                .extracting(UsageImport.Problem::line)
                .containsExactly(1L);

        String good = "account,plan,line,period_start,quantity\n" + n + "," + water.name + ",Water,2026-01-01,5\n";
        assertThat(usage.importCsv(good, TestData.ACTOR).applied()).isTrue();
        assertThat(usage.importCsv(good, TestData.ACTOR).applied()).isTrue();
        assertThat(count("select count(*) from usage_record")).isEqualTo(before + 1);
    }

    @Test
    void aClerkCreatesAPlanAndBadTiersAreShownOnTheForm() {
        String clerk = data.staff(Role.CLERK, "clerk-password");
        var console = WebSession.signedIn(clerk, "clerk-password");
        String name = "Gas " + UUID.randomUUID();
        Map<String, Object> form = new java.util.HashMap<>(Map.of(
                "name", name,
                "frequency", "QUARTERLY",
                "billingDay", "1",
                "paymentTermsDays", "30",
                "description", List.of("Standing charge", "Gas"),
                "kind", List.of("FIXED", "METERED"),
                "unit", List.of("", "kWh"),
                "unitPrice", List.of("40", ""),
                "taxRate", List.of("20", "20"),
                "tiers", List.of("", "100=0.20; 50=0.18; *=0.15")));
        var bad = console.post("/console/plans", form);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("Write tiers as limit=price");
        assertThat(plans.all()).noneMatch(p -> p.name.equals(name));

        form.put("tiers", List.of("", "100=0.20; *=0.15"));
        assertThat(console.post("/console/plans", form).statusCode()).isEqualTo(303);
        Plan created = QuarkusTransaction.requiringNew().call(() -> {
            Plan plan = Plan.find("name", name).firstResult();
            plan.lines.forEach(l -> l.tiers.size());
            return plan;
        });
        assertThat(created.frequency).isEqualTo(Frequency.QUARTERLY);
        assertThat(created.lines.get(1).tiers).hasSize(2);
        assertThat(console.get("/console/billing").asString()).contains(name);
        var dryRun = console.get("/console/billing/preview");
        assertThat(dryRun.statusCode()).isEqualTo(200);
        // The count in words and the total in the biller's currency ("1 invoice for €37.26").
        assertThat(dryRun.asString())
                .containsPattern("would issue (1 invoice|\\d+ invoices) for €[0-9,]+\\.\\d\\d in all");

        var fay = data.aCustomer().create();
        var backwards = console.post(
                "/console/accounts/" + fay.account().id + "/subscriptions",
                Map.of("plan", created.id, "startsOn", "2026-03-01", "endsOn", "2026-02-01"));
        assertThat(backwards.statusCode()).isEqualTo(400);
        // The account page again, the error beside the end date and the dates as typed.
        assertThat(backwards.asString())
                .contains("id=\"e-endsOn\"")
                .contains("value=\"2026-03-01\"")
                .contains("value=\"2026-02-01\"");
        assertThat(subscriptions.ofAccount(fay.account().id)).isEmpty();
        var noFile = console.request()
                .multiPart("csrf", console.csrfToken())
                .multiPart("note", "no file")
                .post("/console/billing/usage");
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(noFile.asString()).contains("Choose a CSV file to import.");
        var subscribed = console.post(
                "/console/accounts/" + fay.account().id + "/subscriptions",
                Map.of("plan", created.id, "startsOn", "2026-03-01", "endsOn", ""));
        assertThat(subscribed.statusCode()).isEqualTo(303);
        assertThat(console.get("/console/accounts/" + fay.account().id).asString())
                .contains(name + ", from");
        var started = console.post("/console/billing/run", Map.of());
        assertThat(started.statusCode()).isEqualTo(303);
        String runPage = started.header("Location");
        assertThat(runPage).contains("/console/billing/runs/");
        assertThat(console.get(runPage.replaceFirst("^https?://[^/]+", "")).asString())
                .contains("Billing run")
                .contains(clerk);
    }

    private Plan waterPlan() {
        return plans.create(
                new PlanForm(
                        "Water " + UUID.randomUUID(),
                        "MONTHLY",
                        "1",
                        "14",
                        List.of(
                                new PlanForm.Line("Base charge", "FIXED", "", "30", "0", ""),
                                new PlanForm.Line("Water", "METERED", "m3", "", "5.5", "10=1.50; *=2.00"))),
                TestData.ACTOR);
    }

    /** A monthly plan of one fixed line at this price. */
    private Plan flatPlan(String monthly) {
        return plans.create(
                new PlanForm(
                        "Flat " + UUID.randomUUID(),
                        "MONTHLY",
                        "1",
                        "14",
                        List.of(new PlanForm.Line("Service", "FIXED", "", monthly, "0", ""))),
                TestData.ACTOR);
    }

    private List<Invoice> invoicesOf(Long accountId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Invoice> found = Invoice.list("account.id = ?1 order by id", accountId);
            found.forEach(i -> i.lines.size());
            return found;
        });
    }

    private static List<String> lines(Invoice invoice) {
        List<String> text = new ArrayList<>();
        for (InvoiceLine line : invoice.lines) {
            text.add(line.description + " " + line.quantity.stripTrailingZeros().toPlainString() + " x "
                    + line.unitPrice.stripTrailingZeros().toPlainString());
        }
        return text;
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
