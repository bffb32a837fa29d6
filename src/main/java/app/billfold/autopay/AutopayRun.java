package app.billfold.autopay;

import app.billfold.account.Account;
import app.billfold.account.AccountRepository;
import app.billfold.audit.AuditLog;
import app.billfold.biller.Biller;
import app.billfold.common.JobRuns;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceRepository;
import app.billfold.payment.ChargeAttempt;
import app.billfold.payment.ChargePurpose;
import app.billfold.payment.GatewayThrottle;
import app.billfold.payment.PayOrder;
import app.billfold.payment.SavedMethod;
import app.billfold.payment.TakePayment;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Charges every open invoice of an account on autopay on its due date (biller's time zone), retries
 * soft failures on the configured days and stops at once on a hard one. Work is selected from the
 * database (due invoices, the schedule), so a run missed while the app was down catches up, and
 * claimed row by row with SKIP LOCKED, so several nodes can share a run. Each try has its own
 * idempotency key, reused until the try is settled.
 */
@ApplicationScoped
public class AutopayRun {

    private static final Logger LOG = Logger.getLogger(AutopayRun.class);
    private static final String SYSTEM = "autopay-run";

    /** What one run did. */
    public record Result(int scheduled, int charged, int failed, int givenUp, int closed) {}

    @Inject
    EntityManager em;

    @Inject
    TakePayment takePayment;

    @Inject
    InvoiceRepository invoices;

    @Inject
    AutopayFailedNotice failedNotice;

    @Inject
    AccountRepository accounts;

    @Inject
    Biller biller;

    @Inject
    AutopayConfig config;

    @Inject
    AuditLog audit;

    @Inject
    DebitNotices debitNotices;

    @Inject
    Clock clock;

    @Inject
    JobRuns jobRuns;

    @Inject
    ChargeConcurrency concurrency;

    @Inject
    GatewayThrottle throttle;

    /** How long a worker not wanted at the moment waits before it looks again. */
    static final long PARKED_MILLIS = 20;

    @Scheduled(
            identity = "autopay-run",
            cron = "{billfold.autopay.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        jobRuns.record("autopay", () -> {
            Result result = run();
            LOG.infof("Autopay run: %s", result);
            return result.charged() + result.failed();
        });
    }

    /** Hears how far a run has got: how many tries are due, then each try's outcome. */
    public interface Progress {
        Progress NONE = new Progress() {};

        default void due(int tries) {}

        default void tried(AutopaySchedule row) {}
    }

    public Result run() {
        return run(Progress.NONE);
    }

    public Result run(Progress progress) {
        // Jobs run outside any web request: every database read here has a transaction of its own.
        LocalDate today = QuarkusTransaction.requiringNew().call(biller::today);
        debitNotices.sendDue(today);
        int scheduled = QuarkusTransaction.requiringNew().call(() -> schedule(today));
        progress.due(QuarkusTransaction.requiringNew().call(() -> due(today)));
        Tally tally = new Tally();
        // Workers claim rows side by side, so that slow processor calls overlap; as many work at
        // once as the rate cap times a try's time asks for (the others wait their turn), and the
        // gateway throttle keeps the overall call rate under the processor's ceiling.
        int slots = concurrency.ceiling();
        ExecutorService workers = Executors.newFixedThreadPool(slots);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < slots; i++) {
                int slot = i;
                running.add(workers.submit(() -> work(slot, today, tally, progress)));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.error("An autopay worker stopped", e.getCause());
        } finally {
            workers.shutdown();
        }
        return new Result(scheduled, tally.charged.get(), tally.failed.get(), tally.givenUp.get(), tally.closed.get());
    }

    private static final class Tally {
        final AtomicInteger charged = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger givenUp = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        /** Set once a worker finds nothing left to claim today. */
        volatile boolean drained;
    }

    private void work(int slot, LocalDate today, Tally tally, Progress progress) {
        while (true) {
            // A slot beyond what the latency asks for waits, holding nothing, until it is wanted.
            while (slot >= concurrency.target() && !tally.drained) {
                try {
                    Thread.sleep(PARKED_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (tally.drained) {
                return;
            }
            AutopaySchedule row;
            try {
                row = processNext(today);
            } catch (RuntimeException e) {
                LOG.error("Autopay try failed; the row stays scheduled", e);
                return;
            }
            if (row == null) {
                tally.drained = true;
                return;
            }
            switch (row.status) {
                case DONE -> (row.lastDeclineCode == null ? tally.charged : tally.closed).incrementAndGet();
                case FAILED -> tally.givenUp.incrementAndGet();
                case SCHEDULED -> tally.failed.incrementAndGet();
            }
            progress.tried(row);
        }
    }

    /**
     * Adds every open invoice of an enrolled account whose debit day has come and that has no
     * schedule yet (catch-up included): only a bill whose notice went out the notice period before,
     * and that the customer did not choose to pay themselves.
     */
    int schedule(LocalDate today) {
        return em.createNativeQuery("insert into autopay_schedule (invoice_id, account_id, status, tries, first_try_on,"
                        + " next_try_on, updated_at) select i.id, i.account_id, 'SCHEDULED', 0, n.debit_on, n.debit_on, ?1"
                        + " from invoice i join account a on a.id = i.account_id"
                        + " join autopay_notice n on n.invoice_id = i.id and n.skipped_at is null"
                        + " where a.autopay_method_id is not null and i.status in ('OPEN', 'PARTIALLY_PAID')"
                        + " and n.debit_on <= ?2"
                        + " and not exists (select 1 from autopay_schedule s where s.invoice_id = i.id)"
                        + " on conflict do nothing")
                .setParameter(1, Instant.now(clock))
                .setParameter(2, today)
                .executeUpdate();
    }

    /** How many tries are due today (rows other nodes hold included). */
    int due(LocalDate today) {
        return ((Number) em.createNativeQuery(
                                "select count(*) from autopay_schedule where status = 'SCHEDULED' and next_try_on <= ?1")
                        .setParameter(1, today)
                        .getSingleResult())
                .intValue();
    }

    /** A claimed row, and the charge to make for it (none when the row closed without one). */
    private record Claim(AutopaySchedule row, PayOrder order) {}

    /**
     * Claims one due row (rows other nodes hold are skipped), tries it, and records the outcome. The
     * claim commits before the processor is called (invariant 10: no call inside a transaction or
     * under a lock): it moves the row's next try to tomorrow, so no other worker takes it today, and
     * a node that dies during the call leaves it to tomorrow's run, which reuses the try's key.
     */
    AutopaySchedule processNext(LocalDate today) {
        long start = System.nanoTime();
        throttle.takeWaitedNanos();
        Claim claim = QuarkusTransaction.requiringNew().call(() -> claimNext(today));
        if (claim == null) {
            return null;
        }
        if (claim.order() == null) {
            return claim.row();
        }
        ChargeAttempt attempt = takePayment.pay(claim.order());
        AutopaySchedule row =
                QuarkusTransaction.requiringNew().call(() -> recordOutcome(claim.row().invoiceId, attempt, today));
        concurrency.observed(System.nanoTime() - start - throttle.takeWaitedNanos());
        return row;
    }

    private Claim claimNext(LocalDate today) {
        List<?> ids = em.createNativeQuery("select invoice_id from autopay_schedule where status = 'SCHEDULED'"
                        + " and next_try_on <= ?1 order by next_try_on, invoice_id limit 1 for update skip locked")
                .setParameter(1, today)
                .getResultList();
        if (ids.isEmpty()) {
            return null;
        }
        AutopaySchedule row = em.find(AutopaySchedule.class, ((Number) ids.get(0)).longValue());
        row.updatedAt = Instant.now(clock);
        Invoice invoice = invoices.findById(row.invoiceId);
        Account account = accounts.findById(row.accountId);
        if (!invoice.status.isPayable() || account.autopayMethodId == null) {
            // Paid by hand, voided, or autopay stopped since: nothing to charge.
            row.status = AutopayStatus.DONE;
            row.lastDeclineCode = invoice.status.isPayable() ? "autopay_stopped" : "paid_otherwise";
            return new Claim(row, null);
        }
        SavedMethod method = SavedMethod.findById(account.autopayMethodId);
        if (method == null || method.removed || method.isExpiredOn(today)) {
            giveUp(row, "expired_card");
            return new Claim(row, null);
        }
        if (row.tries == 0) {
            // Retries count from the day the first try really happened, which after downtime or a
            // late enrolment is later than the due date.
            row.firstTryOn = today;
        }
        row.nextTryOn = today.plusDays(1);
        LinkedHashMap<Long, java.math.BigDecimal> parts = new LinkedHashMap<>();
        parts.put(invoice.id, invoice.balance);
        return new Claim(
                row,
                new PayOrder(
                        account.id,
                        parts,
                        method.token,
                        method.kind,
                        method.label(),
                        ChargePurpose.AUTOPAY,
                        row.idempotencyKey(),
                        SYSTEM));
    }

    private AutopaySchedule recordOutcome(Long invoiceId, ChargeAttempt attempt, LocalDate today) {
        AutopaySchedule row = em.find(AutopaySchedule.class, invoiceId);
        row.updatedAt = Instant.now(clock);
        switch (attempt.status) {
            case SUCCEEDED -> row.status = AutopayStatus.DONE;
            case FAILED -> declined(row, attempt, today);
            case CANCELLED -> {
                // Never reached the processor (an abandoned try): try again tomorrow with a new key.
                row.tries++;
                row.nextTryOn = today.plusDays(1);
            }
            // No answer yet: the same key is asked about, never charged again; look again tomorrow.
            default -> row.nextTryOn = today.plusDays(1);
        }
        return row;
    }

    /**
     * A soft decline is tried again the configured number of days after the first try that failed,
     * and never before tomorrow: a run, however late, charges a bill at most once, and a retry
     * missed while the app was down comes the day after the one that catches up, not minutes later.
     */
    private void declined(AutopaySchedule row, ChargeAttempt attempt, LocalDate today) {
        row.tries++;
        row.lastDeclineCode = attempt.declineCode;
        List<Integer> retries = config.retryDays();
        if (Boolean.TRUE.equals(attempt.hardFailure) || row.tries > retries.size()) {
            giveUp(row, attempt.declineCode);
        } else {
            LocalDate planned = row.firstTryOn.plusDays(retries.get(row.tries - 1));
            LocalDate tomorrow = today.plusDays(1);
            row.nextTryOn = planned.isAfter(today) ? planned : tomorrow;
        }
    }

    private void giveUp(AutopaySchedule row, String code) {
        row.status = AutopayStatus.FAILED;
        row.lastDeclineCode = code;
        audit.record(SYSTEM, "autopay.failed", "invoice:" + row.invoiceId, code);
        failedNotice.record(row, invoices.findById(row.invoiceId));
    }
}
