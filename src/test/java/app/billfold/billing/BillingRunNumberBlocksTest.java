package app.billfold.billing;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.support.PostgresTestDatabase;
import app.billfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A run bills chunks of {@value BillingRuns#CHUNK} periods side by side, each taking one block of
 * invoice numbers at its end: the run's numbers still have no gap and no duplicate, each chunk's
 * block follows the order in which it prepared its invoices, and a chunk that fails (rolled back,
 * then billed period by period) gives its block back whole.
 */
@QuarkusTest
class BillingRunNumberBlocksTest {

    @Inject
    Plans plans;

    @Inject
    BillingRuns runs;

    /** One invoice of a run: its number and the subscription it bills, in number order. */
    record Issued(long number, long subscriptionId) {}

    @Test
    void chunksBilledSideBySideNumberTheirInvoicesWithoutGapsInTheOrderOfIssue() throws Exception {
        String tag = seed(250, false);

        BillingRun run = runs.run(TestData.ACTOR);

        List<Issued> issued = issuedBy(run.id);
        // Other tests' periods may fail in the same run (this database is shared); none of ours.
        assertThat(run.errors == null ? "" : run.errors).doesNotContain("BN" + tag);
        assertThat(accountsBilled(tag)).isEqualTo(250);
        assertWithoutGapsOrDuplicates(issued);
        // Each chunk issues what it prepared in order, in one block: sorted by number, the
        // subscriptions go up except where one chunk's block ends and another's begins.
        assertThat(descents(issued)).isLessThanOrEqualTo(issued.size() / BillingRuns.CHUNK);
    }

    @Test
    void aChunkThatFailsGivesItsBlockBackAndIsBilledPeriodByPeriodWithoutGaps() throws Exception {
        // The first account is a business without its e-invoicing details: its bill is refused,
        // which rolls back its whole chunk while the next chunk goes on beside it.
        String tag = seed(250, true);

        BillingRun run = runs.run(TestData.ACTOR);

        assertThat(run.errors.split("BN" + tag, -1)).as(run.errors).hasSize(2);
        assertThat(accountsBilled(tag)).isEqualTo(249);
        assertWithoutGapsOrDuplicates(issuedBy(run.id));
    }

    private static void assertWithoutGapsOrDuplicates(List<Issued> issued) {
        assertThat(issued).isNotEmpty();
        assertThat(new HashSet<>(issued.stream().map(Issued::subscriptionId).toList()))
                .hasSameSizeAs(issued);
        long first = issued.get(0).number();
        for (int i = 0; i < issued.size(); i++) {
            assertThat(issued.get(i).number()).as("number %d of the run", i).isEqualTo(first + i);
        }
    }

    private static int descents(List<Issued> issued) {
        int descents = 0;
        for (int i = 1; i < issued.size(); i++) {
            if (issued.get(i).subscriptionId() < issued.get(i - 1).subscriptionId()) {
                descents++;
            }
        }
        return descents;
    }

    /** N people with an account on a monthly plan since February: one ended period each. */
    private String seed(int count, boolean firstIsAnIncompleteBusiness) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Plan plan = plans.create(
                new PlanForm(
                        "Blocks " + tag,
                        "MONTHLY",
                        "1",
                        "14",
                        List.of(new PlanForm.Line("Base charge", "FIXED", "", "10.00", "20", ""))),
                TestData.ACTOR);
        try (Connection c = PostgresTestDatabase.connect();
                Statement s = c.createStatement()) {
            s.execute("insert into customer (kind, name, email, language, created_at) select case when g = 1 and "
                    + firstIsAnIncompleteBusiness + " then 'COMPANY' else 'PERSON' end, 'Blocks " + tag
                    + " ' || g, 'bn-" + tag + "-' || g || '@example.com', 'en', now()"
                    + " from generate_series(1, " + count + ") g");
            s.execute("insert into account (customer_id, number, service_address, postcode, status, created_at)"
                    + " select id, 'BN" + tag + "' || id, 'Blocks street', '75001', 'ACTIVE', now() from customer"
                    + " where email like 'bn-" + tag + "-%'");
            s.execute("insert into subscription (account_id, plan_id, starts_on, created_at) select id, " + plan.id
                    + ", date '2026-02-01', now() from account where number like 'BN" + tag + "%'");
        }
        return tag;
    }

    private static List<Issued> issuedBy(Long runId) throws Exception {
        List<Issued> issued = new ArrayList<>();
        try (Connection c = PostgresTestDatabase.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select cast(substring(i.number from '[0-9]+$') as bigint),"
                        + " si.subscription_id from subscription_invoice si join invoice i on i.id = si.invoice_id"
                        + " where si.run_id = " + runId + " order by 1")) {
            while (rs.next()) {
                issued.add(new Issued(rs.getLong(1), rs.getLong(2)));
            }
        }
        return issued;
    }

    private static long accountsBilled(String tag) throws Exception {
        try (Connection c = PostgresTestDatabase.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(distinct i.account_id) from invoice i join account a on"
                        + " a.id = i.account_id where a.number like 'BN" + tag + "%' and i.number is not null")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
