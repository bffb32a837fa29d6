package app.billfold.billing;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.autopay.AutopayRunRecord;
import app.billfold.autopay.AutopayRuns;
import app.billfold.common.Heartbeats;
import app.billfold.common.JobRun;
import app.billfold.common.JobRuns;
import app.billfold.common.ThisNode;
import app.billfold.invoice.Invoice;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Run records left RUNNING by a node that died: a stale heartbeat gets them closed by another node
 * (a billing run's remaining periods billed on, once), a fresh one keeps them; and the hourly scan
 * reads only the subscriptions whose next billing day has come.
 */
@QuarkusTest
class RunTakeoverTest {

    @Inject
    TestData data;

    @Inject
    Plans plans;

    @Inject
    Subscriptions subscriptions;

    @Inject
    BillingRuns runs;

    @Inject
    Heartbeats heartbeats;

    @Inject
    ThisNode node;

    @Inject
    JobRuns jobRuns;

    @Inject
    AutopayRuns autopayRuns;

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @AfterEach
    void closeLeftovers() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update billing_run set status = 'FINISHED' where status = 'RUNNING'")
                    .executeUpdate();
            em.createNativeQuery("update autopay_run set status = 'FINISHED' where status = 'RUNNING'")
                    .executeUpdate();
        });
        clock.reset();
    }

    @Test
    void aBillingRunOfADeadNodeIsAbandonedWithWhatItDidAndANewRunBillsTheRestOnce() throws Exception {
        Plan flat = flatPlan();
        List<Long> accounts = subscribedAccounts(flat, 3);
        Long dead = runningRecord("dead-node", clock.now().minus(Duration.ofMinutes(5)));

        assertThat(heartbeats.closeStale()).isEqualTo(1);

        BillingRun closed = runs.record(dead);
        assertThat(closed.status).isEqualTo("ABANDONED");
        assertThat(closed.finishedAt).isNotNull();
        assertThat(closed.errors).contains("dead-node").contains(node.name());
        assertThat(closed.continuedBy).isNotNull();
        BillingRun next = awaitEnd(closed.continuedBy);
        assertThat(next.status).isEqualTo("FINISHED");
        for (Long account : accounts) {
            assertThat(invoiceCount(account)).as("account " + account).isEqualTo(2); // January and February
        }
        assertThat(runs.run(TestData.ACTOR).issued).as("nothing left").isZero();
        assertThat(heartbeats.closeStale()).as("closed once").isZero();
    }

    @Test
    void aDeadRunIsContinuedByARunStillAliveAndALiveRunIsLeftRunning() {
        Long alive = runningRecord("alive-node", clock.now().minus(Duration.ofSeconds(5)));
        Long dead = runningRecord("dead-node", clock.now().minus(Duration.ofMinutes(2)));

        heartbeats.closeStale();

        assertThat(runs.record(dead).status).isEqualTo("ABANDONED");
        assertThat(runs.record(dead).continuedBy).isEqualTo(alive);
        assertThat(runs.record(alive).status).isEqualTo("RUNNING");
    }

    @Test
    void aNodeWritesTheHeartbeatOfItsRunsSoTheyAreNotTakenForDead() {
        Long mine = runningRecord(node.name(), clock.now());
        node.working(ThisNode.RunTable.BILLING_RUN, mine);
        try {
            clock.advance(Duration.ofMinutes(10));
            heartbeats.beat();
            heartbeats.closeStale();
            assertThat(runs.record(mine).status).isEqualTo("RUNNING");
            assertThat(runs.record(mine).heartbeatAt).isEqualTo(clock.now());
        } finally {
            node.done(ThisNode.RunTable.BILLING_RUN, mine);
        }
    }

    @Test
    void jobRunsAreRecordedAndOneLeftRunningByADeadNodeIsAbandoned() {
        assertThat(jobRuns.record("test-job", () -> 3)).isEqualTo(3);
        JobRun finished = jobRuns.recent("test-job", 1).get(0);
        assertThat(finished.status).isEqualTo("FINISHED");
        assertThat(finished.done).isEqualTo(3);
        assertThat(finished.node).isEqualTo(node.name());

        Long stale = QuarkusTransaction.requiringNew().call(() -> {
            JobRun run = new JobRun();
            run.job = "test-job";
            run.node = "dead-node";
            run.startedAt = clock.now().minus(Duration.ofHours(1));
            run.heartbeatAt = run.startedAt;
            run.status = "RUNNING";
            run.persist();
            return run.id;
        });
        heartbeats.closeStale();
        JobRun abandoned = QuarkusTransaction.requiringNew().call(() -> JobRun.<JobRun>findById(stale));
        assertThat(abandoned.status).isEqualTo("ABANDONED");
        assertThat(abandoned.note).contains("dead-node");
    }

    @Test
    void anAutopayRunOfADeadNodeIsAbandonedWithWhatItDidAndANewRunChargesTheRest() throws Exception {
        Long dead = QuarkusTransaction.requiringNew().call(() -> {
            AutopayRunRecord run = new AutopayRunRecord();
            run.startedAt = clock.now().minus(Duration.ofMinutes(5));
            run.startedBy = TestData.ACTOR;
            run.status = AutopayRunRecord.RUNNING;
            run.due = 10;
            run.done = 4;
            run.charged = 4;
            run.node = "dead-node";
            run.heartbeatAt = run.startedAt;
            run.persist();
            return run.id;
        });

        heartbeats.closeStale();

        AutopayRunRecord closed = autopayRuns.record(dead);
        assertThat(closed.status).isEqualTo("ABANDONED");
        assertThat(closed.finishedAt).isNotNull();
        assertThat(closed.charged).as("what it did stays").isEqualTo(4);
        assertThat(closed.error).contains("dead-node").contains("4/10").contains(node.name());
        assertThat(closed.continuedBy).isNotNull();
        for (int i = 0; i < 600 && autopayRuns.record(closed.continuedBy).running(); i++) {
            Thread.sleep(100);
        }
        AutopayRunRecord next = autopayRuns.record(closed.continuedBy);
        assertThat(next.status).isEqualTo("FINISHED");
        assertThat(next.node).isEqualTo(node.name());
        assertThat(heartbeats.closeStale()).as("closed once").isZero();
    }

    @Test
    void theScanSkipsSubscriptionsWhoseNextBillingDayHasNotCome() {
        Plan flat = flatPlan();
        Long billed = subscribedAccounts(flat, 1).get(0);
        runs.run(TestData.ACTOR);
        // Clock: 2026-03-10; January and February are billed, March ends on April 1.
        assertThat(nextBillOn(billed)).isEqualTo(LocalDate.parse("2026-04-01"));

        Long skipped = subscribedAccounts(flat, 1).get(0);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update subscription set next_bill_on = date '2026-04-01' where account_id = ?1")
                        .setParameter(1, skipped)
                        .executeUpdate());
        runs.run(TestData.ACTOR);
        assertThat(invoiceCount(skipped))
                .as("not read before its next billing day")
                .isZero();

        clock.set(Instant.parse("2026-04-01T09:00:00Z"));
        runs.run(TestData.ACTOR);
        assertThat(invoiceCount(skipped)).as("January, February and March").isEqualTo(3);
        assertThat(invoiceCount(billed)).as("and March").isEqualTo(3);
        assertThat(nextBillOn(billed)).isEqualTo(LocalDate.parse("2026-05-01"));
    }

    private Long runningRecord(String nodeName, Instant heartbeat) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BillingRun run = new BillingRun();
            run.startedAt = heartbeat.minus(Duration.ofMinutes(1));
            run.startedBy = BillingRuns.SYSTEM;
            run.billingDate = clock.today();
            run.status = "RUNNING";
            run.amount = BigDecimal.ZERO;
            run.total = 6;
            run.node = nodeName;
            run.heartbeatAt = heartbeat;
            run.persist();
            return run.id;
        });
    }

    private BillingRun awaitEnd(Long id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            BillingRun run = runs.record(id);
            if (!run.running()) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " still running");
    }

    private List<Long> subscribedAccounts(Plan plan, int count) {
        List<Long> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var who = data.aCustomer().create();
            subscriptions.subscribe(who.account().id, plan.id.toString(), "2026-01-01", "", TestData.ACTOR);
            accounts.add(who.account().id);
        }
        return accounts;
    }

    private long invoiceCount(Long accountId) {
        return QuarkusTransaction.requiringNew().call(() -> Invoice.count("account.id", accountId));
    }

    private LocalDate nextBillOn(Long accountId) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        Subscription.<Subscription>find("account.id", accountId).firstResult().nextBillOn);
    }

    private Plan flatPlan() {
        return plans.create(
                new PlanForm(
                        "Flat " + UUID.randomUUID(),
                        "MONTHLY",
                        "1",
                        "14",
                        List.of(new PlanForm.Line("Service", "FIXED", "", "30", "0", ""))),
                TestData.ACTOR);
    }
}
