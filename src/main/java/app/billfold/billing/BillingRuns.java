package app.billfold.billing;

import app.billfold.account.AccountStatus;
import app.billfold.audit.AuditLog;
import app.billfold.biller.Biller;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.InvalidInputException;
import app.billfold.common.Money;
import app.billfold.common.NotFoundException;
import app.billfold.common.ThisNode;
import app.billfold.invoice.DraftForm;
import app.billfold.invoice.DraftInvoices;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoicePricing;
import app.billfold.invoice.IssueInvoice;
import app.billfold.invoice.LineInput;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Issues the invoices of every subscription period that has ended, in arrears: on a schedule
 * (clustered, so one node fires it) and when a clerk presses "run now". Each (subscription, period)
 * is claimed in subscription_invoice, whose primary key it is, in the same transaction as its
 * invoice: a crash rolls both back and the next run does it again; a second run or node waits on
 * the claim and then finds it taken. Periods are billed by chunks of {@value #CHUNK}, a few chunks
 * side by side (billfold.billing.parallel-chunks), each in one transaction that drafts and checks
 * its invoices first and takes one block of consecutive numbers at its end, so the numbers have no
 * gap and follow the order of issue. A run keeps a record with its progress, counts, total and
 * errors. A dry run computes the same invoices and writes nothing.
 */
@ApplicationScoped
public class BillingRuns {

    private static final Logger LOG = Logger.getLogger(BillingRuns.class);
    public static final String SYSTEM = "system";

    /** One subscription period to bill. */
    public record Due(Long subscriptionId, BillingPeriod period) {}

    /** What a run would issue: per invoice, and in total. */
    public record Preview(List<PreviewLine> invoices, BigDecimal total, List<String> problems) {}

    public record PreviewLine(String account, String plan, BillingPeriod period, BigDecimal total) {}

    @Inject
    EntityManager em;

    @Inject
    Biller biller;

    @Inject
    DraftInvoices drafts;

    @Inject
    IssueInvoice issuer;

    @Inject
    Clock clock;

    @Inject
    ThisNode node;

    @Inject
    AuditLog audit;

    @Inject
    ManagedExecutor executor;

    @Inject
    BillingConfig config;

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "billing-run");
        thread.setDaemon(true);
        return thread;
    });

    @Scheduled(
            identity = "billing-run",
            cron = "{billfold.billing.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        BillingRun run = run(SYSTEM);
        LOG.infof("Billing run %d: %d issued, %d failed", run.id, run.issued, run.failed);
    }

    /** Runs now, in this thread, and returns the finished record. */
    public BillingRun run(String actor) {
        Long id = open(actor);
        execute(id);
        return record(id);
    }

    /** Starts a run in the background ("run now") and returns its id, to follow its progress. */
    public Long start(String actor) {
        Long id = open(actor);
        background.submit(() -> {
            try {
                execute(id);
            } catch (RuntimeException e) {
                LOG.error("Billing run failed", e);
                QuarkusTransaction.requiringNew().run(() -> {
                    BillingRun run = BillingRun.findById(id);
                    run.status = "FAILED";
                    run.errors = cut(String.valueOf(e.getMessage()));
                    run.finishedAt = Instant.now(clock);
                });
            }
        });
        return id;
    }

    public BillingRun record(Long id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> BillingRun.<BillingRun>findByIdOptional(id)
                        .orElseThrow(() -> new NotFoundException("billing run " + id)));
    }

    public List<BillingRun> recent(int limit) {
        return QuarkusTransaction.requiringNew()
                .call(() -> BillingRun.<BillingRun>find("order by id desc")
                        .page(0, limit)
                        .list());
    }

    /** The invoices a run would issue today, and their total; nothing is written. */
    public Preview preview() {
        return QuarkusTransaction.requiringNew().call(() -> {
            String currency = biller.settings().currency;
            List<PreviewLine> lines = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            BigDecimal total = Money.zero(currency).amount();
            for (Due due : due(biller.today(), false)) {
                Subscription subscription = Subscription.findById(due.subscriptionId());
                try {
                    List<LineInput> charges = PeriodCharges.lines(
                            subscription, due.period(), usage(subscription, due.period()), currency);
                    BigDecimal gross = gross(charges, biller.settings().currency);
                    if (!charges.isEmpty()) {
                        lines.add(new PreviewLine(
                                subscription.account.number, subscription.plan.name, due.period(), gross));
                        total = total.add(gross);
                    }
                } catch (PeriodCharges.MissingUsage e) {
                    problems.add(describe(subscription, due.period()) + ": " + e.getMessage());
                }
            }
            return new Preview(lines, total, problems);
        });
    }

    private Long open(String actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BillingRun run = new BillingRun();
            run.startedAt = Instant.now(clock);
            run.startedBy = actor;
            run.billingDate = biller.today();
            run.status = "RUNNING";
            run.amount = BigDecimal.ZERO;
            run.node = node.name();
            run.heartbeatAt = run.startedAt;
            run.persist();
            audit.record(actor, "billing.run", "billing-run:" + run.id, "billing date " + run.billingDate);
            return run.id;
        });
    }

    /** Periods billed per transaction: a commit (a disk flush) and a progress update per chunk. */
    static final int CHUNK = 100;

    /** What a chunk (or one period) did, for the run's record. */
    static final class Tally {
        int done;
        int issued;
        BigDecimal amount = BigDecimal.ZERO;
        final List<String> failures = new ArrayList<>();

        void billed(Optional<BigDecimal> result) {
            done++;
            result.filter(a -> a.signum() > 0).ifPresent(a -> {
                issued++;
                amount = amount.add(a);
            });
        }

        void failed(String why) {
            done++;
            failures.add(why);
        }
    }

    private void execute(Long runId) {
        node.working(ThisNode.RunTable.BILLING_RUN, runId);
        try {
            work(runId);
        } finally {
            node.done(ThisNode.RunTable.BILLING_RUN, runId);
        }
    }

    private void work(Long runId) {
        BillingRun started = record(runId);
        String actor = started.startedBy;
        List<Due> work = QuarkusTransaction.requiringNew().call(() -> due(started.billingDate));
        QuarkusTransaction.requiringNew().run(() -> BillingRun.<BillingRun>findById(runId).total = work.size());
        // Chunks run side by side (both cores: while one renders its documents, the other waits on
        // the database); their tallies are written here, one at a time, in the order they started.
        Deque<Future<Tally>> running = new ArrayDeque<>();
        try {
            for (int from = 0; from < work.size(); from += CHUNK) {
                List<Due> chunk = work.subList(from, Math.min(from + CHUNK, work.size()));
                running.add(executor.submit(() -> billChunkOrEach(chunk, runId, actor)));
                if (running.size() >= Math.max(1, config.parallelChunks())) {
                    count(runId, outcome(running.poll()));
                }
            }
            while (!running.isEmpty()) {
                count(runId, outcome(running.poll()));
            }
        } finally {
            running.forEach(f -> f.cancel(true));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            BillingRun run = BillingRun.findById(runId);
            // A run closed meanwhile by another node (this one looked dead) keeps that status.
            if (run.running()) {
                run.status = "FINISHED";
                run.finishedAt = Instant.now(clock);
            }
        });
    }

    /** Bills a chunk in one transaction; if it fails, its periods one by one. */
    private Tally billChunkOrEach(List<Due> chunk, Long runId, String actor) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> billChunk(chunk, runId, actor));
        } catch (RuntimeException e) {
            // Something refused one period (or a deadlock with another node): the chunk rolled
            // back whole, its block of numbers with it; bill its periods one by one so that only
            // the bad one is left out.
            LOG.warn("A billing chunk failed; billing its periods one by one", e);
            Tally tally = new Tally();
            for (Due due : chunk) {
                billAlone(due, runId, actor, tally);
            }
            return tally;
        }
    }

    private static Tally outcome(Future<Tally> chunk) {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while billing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private void count(Long runId, Tally counted) {
        QuarkusTransaction.requiringNew().run(() -> {
            BillingRun run = BillingRun.findById(runId);
            run.done += counted.done;
            run.issued += counted.issued;
            run.amount = run.amount.add(counted.amount);
            run.failed += counted.failures.size();
            if (!counted.failures.isEmpty()) {
                run.errors = cut((run.errors == null ? "" : run.errors + "\n") + String.join("\n", counted.failures));
            }
        });
    }

    /**
     * Bills a chunk in the caller's transaction: prepares each period's draft (a period without its
     * usage is left out and reported), then issues them all with one block of numbers taken at the
     * end, so that the counter is locked only while the chunk issues and commits.
     */
    Tally billChunk(List<Due> chunk, Long runId, String actor) {
        Tally tally = new Tally();
        List<Prepared> prepared = new ArrayList<>();
        for (Due due : chunk) {
            try {
                Prepared draft = prepare(due, runId, actor);
                if (draft.invoiceId() == null) {
                    tally.billed(draft.claimed() ? Optional.of(BigDecimal.ZERO) : Optional.empty());
                } else {
                    prepared.add(draft);
                }
                // Keep the persistence context small: every query flushes (and dirty-checks) it.
                em.flush();
                em.clear();
            } catch (PeriodCharges.MissingUsage e) {
                // Thrown before anything of this period is written: the rest of the chunk goes on.
                tally.failed(
                        describe(Subscription.findById(due.subscriptionId()), due.period()) + ": " + e.getMessage());
            }
        }
        for (BigDecimal gross : issue(prepared, actor)) {
            tally.billed(Optional.of(gross));
        }
        return tally;
    }

    private void billAlone(Due due, Long runId, String actor, Tally tally) {
        try {
            tally.billed(QuarkusTransaction.requiringNew().call(() -> bill(due, runId, actor)));
        } catch (PeriodCharges.MissingUsage | BusinessRuleException | InvalidInputException e) {
            tally.failed(describe(due) + ": "
                    + (e instanceof InvalidInputException invalid
                            ? "invalid invoice " + invalid.errors().asMap()
                            : e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("Billing a subscription period failed", e);
            tally.failed(describe(due) + ": " + e.getMessage());
        }
    }

    /**
     * Bills one period in the caller's transaction: claims it, then drafts and issues its invoice.
     * Empty when another run had claimed it; zero when there was nothing to charge.
     */
    Optional<BigDecimal> bill(Due due, Long runId, String actor) {
        Prepared draft = prepare(due, runId, actor);
        if (draft.invoiceId() == null) {
            return draft.claimed() ? Optional.of(BigDecimal.ZERO) : Optional.empty();
        }
        return Optional.of(issue(List.of(draft), actor).get(0));
    }

    /** A claimed period: its draft, checked for issue, or none when there was nothing to charge. */
    record Prepared(boolean claimed, Long invoiceId) {}

    /**
     * Claims one period in the caller's transaction and drafts its invoice, checked as issuing will
     * check it (under the account's lock) but without a number yet. Unclaimed when another run had
     * claimed it.
     */
    private Prepared prepare(Due due, Long runId, String actor) {
        // With its account, customer and plan lines in the same statement: fewer round trips per
        // period (a list, not firstResult: a row limit with a fetched collection is applied in memory).
        Subscription subscription = Subscription.<Subscription>find(
                        "from Subscription s join fetch s.account a join fetch a.customer join fetch s.plan p"
                                + " left join fetch p.lines where s.id = ?1",
                        due.subscriptionId())
                .list()
                .get(0);
        String currency = biller.settings().currency;
        // The charges first: a period missing its usage is refused before anything is written.
        List<LineInput> charges =
                PeriodCharges.lines(subscription, due.period(), usage(subscription, due.period()), currency);
        int claimed = em.createNativeQuery("insert into subscription_invoice (subscription_id, period_start, run_id)"
                        + " values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, due.subscriptionId())
                .setParameter(2, due.period().start())
                .setParameter(3, runId)
                .executeUpdate();
        if (claimed == 0) {
            return new Prepared(false, null);
        }
        // Move the subscription's next billing day past this period when it was the earliest one
        // left, so the next hourly scan does not read it again before its next period ends.
        LocalDate following = BillingPeriod.next(
                        subscription.startsOn,
                        subscription.endsOn,
                        due.period().end(),
                        subscription.plan.frequency,
                        subscription.plan.billingDay)
                .map(BillingPeriod::end)
                .orElse(BillingPeriod.NEVER);
        em.createNativeQuery("update subscription set next_bill_on = ?1 where id = ?2 and next_bill_on = ?3")
                .setParameter(1, following)
                .setParameter(2, subscription.id)
                .setParameter(3, due.period().end())
                .executeUpdate();
        if (charges.isEmpty()) {
            return new Prepared(true, null);
        }
        LocalDate today = biller.today();
        LocalDate from = due.period().end().isAfter(today) ? due.period().end() : today;
        LocalDate dueDate = from.plusDays(subscription.plan.paymentTermsDays);
        Invoice draft = drafts.create(subscription.account.id, new DraftForm(dueDate.toString(), charges), actor);
        issuer.prepareNewDraft(draft);
        em.createNativeQuery("update subscription_invoice set invoice_id = ?1 where subscription_id = ?2"
                        + " and period_start = ?3")
                .setParameter(1, draft.id)
                .setParameter(2, due.subscriptionId())
                .setParameter(3, due.period().start())
                .executeUpdate();
        return new Prepared(true, draft.id);
    }

    /**
     * Issues the prepared drafts, read back in one statement, in the order they were prepared, with
     * one block of numbers; returns their gross totals in that order.
     */
    private List<BigDecimal> issue(List<Prepared> prepared, String actor) {
        if (prepared.isEmpty()) {
            return List.of();
        }
        List<Long> ids = prepared.stream().map(Prepared::invoiceId).toList();
        Map<Long, Invoice> read = new HashMap<>();
        for (Invoice invoice : em.createQuery(
                        "select distinct i from Invoice i join fetch i.account a join fetch a.customer"
                                + " left join fetch i.lines where i.id in ?1",
                        Invoice.class)
                .setParameter(1, ids)
                .getResultList()) {
            read.put(invoice.id, invoice);
        }
        List<Invoice> drafts = ids.stream().map(read::get).toList();
        issuer.issuePrepared(drafts, actor);
        return drafts.stream().map(i -> i.grossTotal).toList();
    }

    /**
     * Every ended period without an invoice of the subscriptions (of active accounts) whose
     * next_bill_on has come: the scan reads what is due, not the history. It then moves each
     * subscription's next_bill_on to the end of its earliest period still to bill (so periods left
     * out, for missing usage, are looked at again), or past the last one.
     */
    List<Due> due(LocalDate billingDate) {
        return due(billingDate, true);
    }

    private List<Due> due(LocalDate billingDate, boolean remember) {
        List<Subscription> subscriptions = em.createQuery(
                        "select s from Subscription s join fetch s.plan where s.account.status = ?1"
                                + " and s.startsOn < ?2 and (s.nextBillOn is null or s.nextBillOn <= ?2) order by s.id",
                        Subscription.class)
                .setParameter(1, AccountStatus.ACTIVE)
                .setParameter(2, billingDate)
                .getResultList();
        // The claims of these subscriptions only, read in slices to keep each statement small.
        Map<Long, Set<LocalDate>> billed = new HashMap<>();
        List<Long> ids = subscriptions.stream().map(s -> s.id).toList();
        for (int from = 0; from < ids.size(); from += SCAN_SLICE) {
            List<Long> slice = ids.subList(from, Math.min(from + SCAN_SLICE, ids.size()));
            for (Object row : em.createNativeQuery(
                            "select subscription_id, period_start from subscription_invoice where subscription_id in (?1)")
                    .setParameter(1, slice)
                    .getResultList()) {
                Object[] pair = (Object[]) row;
                LocalDate start = pair[1] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) pair[1];
                billed.computeIfAbsent(((Number) pair[0]).longValue(), k -> new HashSet<>())
                        .add(start);
            }
        }
        List<Due> due = new ArrayList<>();
        Map<LocalDate, List<Long>> nextBillOn = new HashMap<>();
        for (Subscription s : subscriptions) {
            LocalDate next = null;
            for (BillingPeriod period :
                    BillingPeriod.ended(s.startsOn, s.endsOn, billingDate, s.plan.frequency, s.plan.billingDay)) {
                if (!billed.getOrDefault(s.id, Set.of()).contains(period.start())) {
                    due.add(new Due(s.id, period));
                    if (next == null) {
                        next = period.end();
                    }
                }
            }
            if (next == null) {
                next = BillingPeriod.next(s.startsOn, s.endsOn, billingDate, s.plan.frequency, s.plan.billingDay)
                        .map(BillingPeriod::end)
                        .orElse(BillingPeriod.NEVER);
            }
            if (!next.equals(s.nextBillOn)) {
                nextBillOn.computeIfAbsent(next, k -> new ArrayList<>()).add(s.id);
            }
        }
        if (remember) {
            nextBillOn.forEach((day, changed) -> {
                for (int from = 0; from < changed.size(); from += SCAN_SLICE) {
                    em.createQuery("update Subscription s set s.nextBillOn = ?1 where s.id in ?2")
                            .setParameter(1, day)
                            .setParameter(2, changed.subList(from, Math.min(from + SCAN_SLICE, changed.size())))
                            .executeUpdate();
                }
            });
        }
        return due;
    }

    /** Subscriptions per statement of the scan (an IN list of bind parameters). */
    private static final int SCAN_SLICE = 1_000;

    private Map<Long, BigDecimal> usage(Subscription subscription, BillingPeriod period) {
        Map<Long, BigDecimal> usage = new HashMap<>();
        if (subscription.plan.lines.stream().noneMatch(PlanLine::metered)) {
            return usage;
        }
        for (UsageRecord record : UsageRecord.<UsageRecord>list(
                "subscriptionId = ?1 and periodStart = ?2", subscription.id, period.start())) {
            usage.put(record.planLineId, record.quantity);
        }
        return usage;
    }

    /** Gross of the lines as the invoice will compute it (InvoicePricing). */
    static BigDecimal gross(List<LineInput> lines, String currency) {
        BigDecimal net = BigDecimal.ZERO;
        List<InvoicePricing.Taxed> taxed = new java.util.ArrayList<>();
        for (LineInput line : lines) {
            BigDecimal lineNet =
                    InvoicePricing.net(new BigDecimal(line.quantity()), new BigDecimal(line.unitPrice()), currency);
            BigDecimal rate = new BigDecimal(line.taxRate());
            net = net.add(lineNet);
            // Only standard-rated lines bear a rate, so the category never splits a taxed group.
            taxed.add(new InvoicePricing.Taxed(app.billfold.invoice.VatCategory.byDefault(rate, true), rate, lineNet));
        }
        return net.add(InvoicePricing.taxOf(taxed, currency));
    }

    private String describe(Due due) {
        return QuarkusTransaction.requiringNew()
                .call(() -> describe(Subscription.findById(due.subscriptionId()), due.period()));
    }

    private static String describe(Subscription subscription, BillingPeriod period) {
        return "account " + subscription.account.number + ", " + subscription.plan.name + ", " + period.start() + " – "
                + period.end().minusDays(1);
    }

    private static String cut(String text) {
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
