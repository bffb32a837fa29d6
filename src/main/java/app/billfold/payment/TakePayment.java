package app.billfold.payment;

import app.billfold.account.Account;
import app.billfold.account.AccountRepository;
import app.billfold.audit.AuditLog;
import app.billfold.biller.Biller;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.NotFoundException;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceRepository;
import app.billfold.payment.gateway.ChargeOutcome;
import app.billfold.payment.gateway.ChargeRequest;
import app.billfold.payment.gateway.ChargeResult;
import app.billfold.payment.gateway.ChargeState;
import app.billfold.payment.gateway.GatewayUnavailableException;
import app.billfold.payment.gateway.HostedPage;
import app.billfold.payment.gateway.HostedPaymentRequest;
import app.billfold.payment.gateway.MethodDetails;
import app.billfold.payment.gateway.MethodKind;
import app.billfold.payment.gateway.PaymentGateway;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Charges a card or bank account at most once per intent (invariant 3), with no processor call
 * inside a transaction or under a lock (invariant 10):
 * <ol>
 *   <li>the attempt is committed with its idempotency key before anything is sent;
 *   <li>under the account's lock it is capped to what is still owed, counting every other charge
 *       under way on those bills (sending, unanswered or a debit processing), marked SENDING and
 *       committed, so that no two charges for the same bills can both go through;
 *   <li>it is sent, outside any transaction or lock;
 *   <li>the outcome and the payment commit together. If no answer comes back, or the node dies
 *       before the commit, the attempt stays open and is settled by asking the processor about the
 *       key, never by charging again.
 * </ol>
 */
@ApplicationScoped
public class TakePayment {

    private static final Logger LOG = Logger.getLogger(TakePayment.class);

    /** An attempt left pending this long was abandoned (its node died before sending or recording it). */
    static final Duration STALE = Duration.ofMinutes(2);

    /** How often a debit still processing, or a page nobody came back from, is asked about. */
    static final Duration RECHECK = Duration.ofHours(1);

    @Inject
    AccountRepository accounts;

    @Inject
    InvoiceRepository invoices;

    @Inject
    PaymentGateway gateway;

    @Inject
    GatewayThrottle throttle;

    @Inject
    Biller biller;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    ReceiptNotice receipts;

    @Inject
    Clock clock;

    @Inject
    DebitReturned debitReturned;

    /** The metadata key under which every charge carries Billfold's own idempotency key. */
    public static final String KEY_METADATA = "billfold_key";

    /** Records the attempt (or finds the one with the same key) and settles it. */
    public ChargeAttempt pay(PayOrder order) {
        return settle(recordOnce(order, ChargeStatus.PENDING));
    }

    private Long recordOnce(PayOrder order, ChargeStatus status) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> record(order, status));
        } catch (RuntimeException sameKeyAtOnce) {
            Long attemptId = QuarkusTransaction.requiringNew().call(() -> existing(order.idempotencyKey()));
            if (attemptId == null) {
                throw sameKeyAtOnce;
            }
            return attemptId;
        }
    }

    /**
     * Opens the processor's page for a payment the payer makes there (Stripe Checkout). The attempt
     * is committed with its key first, so that the page, the payer's return, the processor's events
     * and the reconciler all find the same attempt; opening it again with the same key reopens the
     * same page. Returns null when the attempt is already past its page (a reload after paying).
     */
    public HostedPage openOnPage(
            PayOrder order, String customerReference, String email, String returnUrl, String cancelUrl) {
        Long attemptId = recordOnce(order, ChargeStatus.HOSTED);
        ChargeAttempt attempt = QuarkusTransaction.requiringNew().call(() -> ChargeAttempt.findById(attemptId));
        if (attempt.status != ChargeStatus.HOSTED) {
            return null;
        }
        HostedPage page;
        try {
            throttle.acquire();
            page = gateway.openPayment(new HostedPaymentRequest(
                    attempt.idempotencyKey,
                    attempt.amount,
                    attempt.currency,
                    attempt.methodKind,
                    customerReference,
                    email,
                    biller.settings().legalName,
                    Map.of(KEY_METADATA, attempt.idempotencyKey, "account", String.valueOf(attempt.accountId)),
                    returnUrl,
                    cancelUrl));
        } catch (GatewayUnavailableException e) {
            // Opening a page moves no money: the payer may try again, which reopens it by the same key.
            throw new BusinessRuleException("error_gateway_unavailable");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            ChargeAttempt opened = ChargeAttempt.findById(attemptId);
            opened.hostedPage = page.id();
        });
        return page;
    }

    /** After the payer came back from the processor's page: reads what happened there and records it. */
    public ChargeAttempt finishOnPage(String key) {
        ChargeAttempt attempt = QuarkusTransaction.requiringNew()
                .call(() -> ChargeAttempt.find("idempotencyKey", key).firstResult());
        if (attempt == null) {
            throw new NotFoundException("attempt " + key);
        }
        if (attempt.hostedPage == null || attempt.status == ChargeStatus.SUCCEEDED) {
            return attempt;
        }
        ChargeState state;
        try {
            state = gateway.paymentOnPage(attempt.hostedPage);
        } catch (GatewayUnavailableException e) {
            // The processor's event or the reconciler will tell; the payer sees "pending" meanwhile.
            return attempt;
        }
        return apply(key, state);
    }

    /**
     * Brings an attempt in line with the processor's current state of its charge, after the payer's
     * return, an event or the reconciler. It acts on the state read, not on the news that carried it,
     * so repeats and events out of order change nothing: a charge that succeeded is booked once
     * (also after a failure seen earlier, since the payer may retry on the processor's page), and
     * nothing moves a succeeded attempt back. Returns null for a key Billfold never issued.
     */
    public ChargeAttempt apply(String key, ChargeState state) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ChargeAttempt attempt = ChargeAttempt.find("idempotencyKey", key).firstResult();
            if (attempt == null) {
                return null;
            }
            accounts.lock(attempt.accountId);
            em.refresh(attempt);
            return applyLocked(attempt, state);
        });
    }

    private ChargeAttempt applyLocked(ChargeAttempt attempt, ChargeState state) {
        if (attempt.status == ChargeStatus.SUCCEEDED) {
            return attempt;
        }
        MethodDetails method = state.method();
        if (method != null) {
            attempt.token = method.token();
            attempt.methodKind = method.kind();
            attempt.methodLabel = SavedMethods.labelOf(method);
        }
        if (state.mandateReference() != null) {
            attempt.mandateRef = state.mandateReference();
        }
        boolean wasProcessing = attempt.status == ChargeStatus.PROCESSING;
        ChargeResult result = state.result();
        switch (result.outcome()) {
            case SUCCEEDED -> resolve(attempt, result);
            case PROCESSING, DECLINED -> {
                if (attempt.status != ChargeStatus.CANCELLED) {
                    resolve(attempt, result);
                }
            }
            case NOT_FOUND -> {
                if (!attempt.isSettled()) {
                    resolve(attempt, result);
                }
            }
            case OPEN -> {}
        }
        if (wasProcessing && attempt.status == ChargeStatus.FAILED) {
            debitReturned.record(attempt);
        }
        return attempt;
    }

    /**
     * Asks the processor about attempts waiting on it: bank debits still processing (in case their
     * event never came; the sandbox settles its own this way) and payments opened on its page that
     * nobody came back from. Each is asked at most once per {@link #RECHECK}. Returns how many moved.
     */
    public int settleWaiting() {
        Instant now = Instant.now(clock);
        List<Long> waiting = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "select a.id from ChargeAttempt a where a.status in ?1 and a.createdAt < ?2"
                                        + " and (a.checkedAt is null or a.checkedAt < ?3) order by a.id",
                                Long.class)
                        .setParameter(1, List.of(ChargeStatus.PROCESSING, ChargeStatus.HOSTED))
                        .setParameter(2, now.minus(STALE))
                        .setParameter(3, now.minus(RECHECK))
                        .setMaxResults(500)
                        .getResultList());
        int moved = 0;
        for (Long id : waiting) {
            ChargeAttempt attempt = QuarkusTransaction.requiringNew().call(() -> {
                ChargeAttempt found = ChargeAttempt.findById(id);
                found.checkedAt = now;
                return found;
            });
            ChargeState state;
            try {
                if (attempt.status == ChargeStatus.PROCESSING) {
                    state = new ChargeState(attempt.idempotencyKey, ask(attempt), null, null);
                } else if (attempt.hostedPage != null) {
                    state = gateway.paymentOnPage(attempt.hostedPage);
                } else {
                    // Never reached the processor's page (its answer was lost): nothing to pay there.
                    state = new ChargeState(attempt.idempotencyKey, ChargeResult.notFound(), null, null);
                }
            } catch (GatewayUnavailableException e) {
                continue;
            }
            ChargeStatus before = attempt.status;
            ChargeAttempt after = apply(attempt.idempotencyKey, state);
            if (after != null && after.status != before) {
                moved++;
            }
        }
        return moved;
    }

    private Long existing(String key) {
        ChargeAttempt attempt = ChargeAttempt.find("idempotencyKey", key).firstResult();
        return attempt == null ? null : attempt.id;
    }

    private Long record(PayOrder order, ChargeStatus status) {
        Long existing = existing(order.idempotencyKey());
        if (existing != null) {
            return existing;
        }
        ChargeAttempt attempt = new ChargeAttempt();
        attempt.idempotencyKey = order.idempotencyKey();
        attempt.accountId = order.accountId();
        attempt.amount = order.total();
        attempt.currency = biller.settings().currency;
        attempt.token = order.token();
        attempt.methodKind = order.methodKind();
        attempt.methodLabel = order.methodLabel();
        attempt.purpose = order.purpose();
        attempt.status = status;
        attempt.initiatedBy = order.initiatedBy();
        attempt.createdAt = Instant.now(clock);
        for (Map.Entry<Long, BigDecimal> part : order.parts().entrySet()) {
            ChargeAttemptInvoice line = new ChargeAttemptInvoice();
            line.attempt = attempt;
            line.invoiceId = part.getKey();
            line.amount = part.getValue();
            attempt.invoices.add(line);
        }
        attempt.persist();
        em.flush();
        return attempt.id;
    }

    /** What to send for an attempt, decided under the account's lock; null when nothing is to be sent. */
    private record Send(ChargeAttempt attempt, ChargeRequest charge, String askAbout) {}

    /**
     * Sends the attempt if it is still pending and records the outcome; an attempt whose answer was
     * lost is asked about instead. Only the decision (how much is still owed) is taken under the
     * account's lock; the processor is called after that decision has committed.
     */
    public ChargeAttempt settle(Long attemptId) {
        askAboutUnanswered(attemptId);
        Send send = QuarkusTransaction.requiringNew().call(() -> {
            ChargeAttempt attempt = ChargeAttempt.findById(attemptId);
            accounts.lock(attempt.accountId);
            em.refresh(attempt);
            if (attempt.status == ChargeStatus.UNKNOWN) {
                return new Send(attempt, null, attempt.idempotencyKey);
            }
            if (attempt.status != ChargeStatus.PENDING) {
                // Settled; a bank debit under way (its event or the reconciler settles it); paid, if
                // at all, on the processor's page; or being sent by someone else right now.
                return new Send(attempt, null, null);
            }
            Map<Invoice, BigDecimal> parts = stillOwed(attempt);
            BigDecimal total = parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.signum() == 0) {
                attempt.status = ChargeStatus.CANCELLED;
                attempt.completedAt = Instant.now(clock);
                return new Send(attempt, null, null);
            }
            attempt.status = ChargeStatus.SENDING;
            attempt.checkedAt = Instant.now(clock);
            return new Send(
                    attempt,
                    new ChargeRequest(
                            total,
                            attempt.currency,
                            attempt.token,
                            attempt.idempotencyKey,
                            Map.of(KEY_METADATA, attempt.idempotencyKey, "account", String.valueOf(attempt.accountId)),
                            accounts.findById(attempt.accountId).customer.gatewayCustomerId,
                            attempt.methodKind),
                    null);
        });
        ChargeAttempt attempt = send.attempt();
        if (send.charge() == null && send.askAbout() == null) {
            return attempt;
        }
        ChargeResult result;
        try {
            throttle.acquire();
            result = send.charge() != null ? gateway.charge(send.charge()) : ask(attempt);
        } catch (GatewayUnavailableException e) {
            LOG.warnf("No answer from the processor for %s; it will be asked about the key", attempt.idempotencyKey);
            return QuarkusTransaction.requiringNew().call(() -> {
                ChargeAttempt unanswered = ChargeAttempt.findById(attemptId);
                if (unanswered.status == ChargeStatus.SENDING) {
                    unanswered.status = ChargeStatus.UNKNOWN;
                }
                return unanswered;
            });
        }
        return apply(attempt.idempotencyKey, new ChargeState(attempt.idempotencyKey, result, null, null));
    }

    /**
     * Before deciding what is still owed, other attempts on the account whose answer was lost are
     * asked about (outside any lock), so that a charge that went through is booked, not repeated.
     */
    private void askAboutUnanswered(Long attemptId) {
        List<ChargeAttempt> unanswered = QuarkusTransaction.requiringNew().call(() -> {
            ChargeAttempt attempt = ChargeAttempt.findById(attemptId);
            return ChargeAttempt.<ChargeAttempt>list(
                    "accountId = ?1 and status = ?2 and id <> ?3 order by id",
                    attempt.accountId,
                    ChargeStatus.UNKNOWN,
                    attemptId);
        });
        for (ChargeAttempt other : unanswered) {
            try {
                askAndApply(other, ChargeStatus.UNKNOWN);
            } catch (GatewayUnavailableException e) {
                // Still unknown: it counts as under way, so this attempt charges only what is left.
            }
        }
    }

    /** Asks the processor the surest way it allows: by its reference, the customer's charges, or the key. */
    private ChargeResult ask(ChargeAttempt attempt) {
        String customer = QuarkusTransaction.requiringNew()
                .call(() -> accounts.findById(attempt.accountId).customer.gatewayCustomerId);
        return gateway.status(attempt.idempotencyKey, attempt.gatewayRef, customer);
    }

    /**
     * Asks about an attempt and records the answer, unless the attempt moved meanwhile (it was sent
     * again, or answered): a "not found" read before a send must not cancel what was sent after.
     */
    private ChargeAttempt askAndApply(ChargeAttempt attempt, ChargeStatus expected) {
        Instant sentAt = attempt.checkedAt;
        ChargeResult result = ask(attempt);
        return QuarkusTransaction.requiringNew().call(() -> {
            ChargeAttempt now = ChargeAttempt.findById(attempt.id);
            accounts.lock(now.accountId);
            em.refresh(now);
            boolean moved = now.status != expected || !Objects.equals(now.checkedAt, sentAt);
            if (moved && result.outcome() != ChargeOutcome.SUCCEEDED) {
                return now;
            }
            return applyLocked(now, new ChargeState(now.idempotencyKey, result, null, null));
        });
    }

    /**
     * Settles attempts left open for longer than {@link #STALE}: recorded but never sent (the node
     * died before sending), sent by a node that died before the answer, or unanswered. Each is
     * asked about outside any lock. Safe to run on every node at any time.
     */
    public int settleAbandoned() {
        Instant before = Instant.now(clock).minus(STALE);
        List<ChargeAttempt> stale = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "from ChargeAttempt a where a.status in ?1"
                                        + " and coalesce(a.checkedAt, a.createdAt) < ?2 order by a.id",
                                ChargeAttempt.class)
                        .setParameter(1, List.of(ChargeStatus.PENDING, ChargeStatus.SENDING, ChargeStatus.UNKNOWN))
                        .setParameter(2, before)
                        .getResultList());
        for (ChargeAttempt attempt : stale) {
            try {
                askAndApply(attempt, attempt.status);
            } catch (GatewayUnavailableException e) {
                LOG.debugf("The processor did not answer about %s; asked again next time", attempt.idempotencyKey);
            }
        }
        return stale.size();
    }

    /** The attempt's parts, each capped by what its invoice still owes now. */
    private Map<Invoice, BigDecimal> stillOwed(ChargeAttempt attempt) {
        Map<Invoice, BigDecimal> parts = new LinkedHashMap<>();
        for (ChargeAttemptInvoice part : attempt.invoices) {
            Invoice invoice = invoices.findById(part.invoiceId);
            if (invoice != null && invoice.status.isPayable()) {
                BigDecimal owed = part.amount.min(openBalance(invoice, attempt.id));
                if (owed.signum() > 0) {
                    parts.put(invoice, owed);
                }
            }
        }
        return parts;
    }

    /**
     * What an invoice still owes once the charges under way for it (other than this attempt) are
     * counted: one being sent or whose answer was lost may have gone through, and a pending debit
     * is neither paid nor charged again (invariant 12).
     */
    private BigDecimal openBalance(Invoice invoice, Long attemptId) {
        BigDecimal underWay = em.createQuery(
                        "select coalesce(sum(p.amount), 0) from ChargeAttemptInvoice p where p.invoiceId = ?1"
                                + " and p.attempt.status in ?2 and p.attempt.id <> ?3",
                        BigDecimal.class)
                .setParameter(1, invoice.id)
                .setParameter(2, List.of(ChargeStatus.PROCESSING, ChargeStatus.SENDING, ChargeStatus.UNKNOWN))
                .setParameter(3, attemptId)
                .getSingleResult();
        return invoice.balance.subtract(underWay).max(BigDecimal.ZERO);
    }

    private void resolve(ChargeAttempt attempt, ChargeResult result) {
        attempt.completedAt = Instant.now(clock);
        switch (result.outcome()) {
            case SUCCEEDED -> recordPayment(attempt, result);
            case DECLINED -> {
                attempt.status = ChargeStatus.FAILED;
                attempt.gatewayRef = result.reference();
                attempt.declineCode = result.declineCode();
                attempt.hardFailure = result.hardFailure();
            }
            case NOT_FOUND -> attempt.status = ChargeStatus.CANCELLED;
            case PROCESSING -> {
                // Accepted, not settled: the bills stay open but are not charged again meanwhile.
                attempt.status = ChargeStatus.PROCESSING;
                attempt.gatewayRef = result.reference();
                attempt.completedAt = null;
            }
            case OPEN -> attempt.completedAt = null;
        }
    }

    /**
     * Books a charge the processor confirmed. Normally it fits the capped parts exactly; a charge
     * confirmed late (after a crash) may find bills paid meanwhile: it then settles other open bills
     * of the account, oldest first, and refunds what is left.
     */
    private void recordPayment(ChargeAttempt attempt, ChargeResult result) {
        Account account = accounts.findById(attempt.accountId);
        Payment payment = new Payment();
        payment.account = account;
        payment.currency = attempt.currency;
        payment.receivedOn = biller.today();
        payment.method = attempt.methodKind == MethodKind.BANK ? PaymentMethod.BANK : PaymentMethod.CARD;
        payment.reference = attempt.idempotencyKey.length() > 100 ? null : attempt.idempotencyKey;
        payment.gatewayRef = result.reference();
        payment.methodLabel = attempt.methodLabel;
        payment.mandateRef = attempt.mandateRef;
        payment.status = PaymentStatus.SUCCEEDED;
        payment.recordedBy = attempt.initiatedBy;
        payment.createdAt = Instant.now(clock);

        BigDecimal left = result.amount();
        Map<Invoice, BigDecimal> parts = stillOwed(attempt);
        for (Invoice other : invoices.listPayableForAccount(account.id)) {
            BigDecimal open = openBalance(other, attempt.id);
            if (open.signum() > 0) {
                parts.putIfAbsent(other, open);
            }
        }
        BigDecimal allocated = BigDecimal.ZERO;
        for (Map.Entry<Invoice, BigDecimal> part : parts.entrySet()) {
            BigDecimal amount = part.getValue().min(left);
            if (amount.signum() <= 0) {
                break;
            }
            part.getKey().applyPayment(amount);
            PaymentAllocation allocation = new PaymentAllocation();
            allocation.payment = payment;
            allocation.invoice = part.getKey();
            allocation.amount = amount;
            payment.allocations.add(allocation);
            left = left.subtract(amount);
            allocated = allocated.add(amount);
        }
        if (left.signum() > 0) {
            // Nothing left to pay with it: give it back rather than keep money nobody owes.
            gateway.refund(result.reference(), left, attempt.idempotencyKey + ":excess");
            LOG.infof("Refunded %s %s charged late by %s", left, attempt.currency, attempt.idempotencyKey);
        }
        payment.amount = allocated;
        if (allocated.signum() > 0) {
            payment.persist();
            em.flush();
            attempt.paymentId = payment.id;
            receipts.record(payment);
        }
        attempt.status = ChargeStatus.SUCCEEDED;
        attempt.gatewayRef = result.reference();
        attempt.amount = result.amount();
        audit.record(
                attempt.initiatedBy, "payment.charge", "account:" + account.id, attempt.methodLabel + " " + allocated);
    }
}
