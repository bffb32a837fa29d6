package app.billfold.payment.sandbox;

import app.billfold.payment.gateway.ChargeOutcome;
import app.billfold.payment.gateway.ChargeRequest;
import app.billfold.payment.gateway.ChargeResult;
import app.billfold.payment.gateway.GatewayUnavailableException;
import app.billfold.payment.gateway.InvalidTokenException;
import app.billfold.payment.gateway.MethodDetails;
import app.billfold.payment.gateway.MethodKind;
import app.billfold.payment.gateway.PaymentGateway;
import app.billfold.payment.gateway.RefundResult;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded default processor. It keeps its own books in sandbox_* tables, as a real processor
 * keeps its own: the same idempotency key always returns the first result and never charges twice,
 * also when two nodes send it at once. It can be made slow and can lose answers, by configuration.
 */
@ApplicationScoped
@Typed(SandboxGateway.class)
public class SandboxGateway implements PaymentGateway {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    SandboxConfig config;

    @Inject
    Clock clock;

    private final AtomicInteger answersToLose = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private volatile Duration latencyOverride;

    /** Changes the latency at run time (benchmarks compare several against one database). */
    public void setLatency(Duration latency) {
        latencyOverride = latency;
    }

    /** The most charges that were in flight at once since the last reset (benchmarks print it). */
    public int peakConcurrentCharges() {
        return peakInFlight.get();
    }

    public void resetPeak() {
        peakInFlight.set(0);
    }

    /** Makes the next charges go through but their answers get lost, as on a timeout (for tests). */
    public void loseNextAnswers(int count) {
        answersToLose.set(count);
    }

    /** Turns a card from the hosted form into a one-time token. Null if the number is not a test number. */
    public MethodDetails tokenizeCard(String number, int expMonth, int expYear) {
        return SandboxOutcome.ofCard(number)
                .map(outcome -> store(MethodKind.CARD, outcome, brandOf(number), number, expMonth, expYear))
                .orElse(null);
    }

    public MethodDetails tokenizeBankAccount(String number) {
        return SandboxOutcome.ofBankAccount(number)
                .map(outcome -> store(MethodKind.BANK, outcome, "bank", number, null, null))
                .orElse(null);
    }

    private MethodDetails store(
            MethodKind kind, SandboxOutcome outcome, String brand, String number, Integer expMonth, Integer expYear) {
        String token = (kind == MethodKind.CARD ? "tok_card_" : "tok_bank_") + random();
        String last4 = number.substring(number.length() - 4);
        String fingerprint = fingerprintOf(kind, number);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "insert into sandbox_token (token, kind, outcome, brand, last4, exp_month, exp_year, created_at,"
                                        + " fingerprint) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                        .setParameter(1, token)
                        .setParameter(2, kind.name())
                        .setParameter(3, outcome.name())
                        .setParameter(4, brand)
                        .setParameter(5, last4)
                        .setParameter(6, expMonth)
                        .setParameter(7, expYear)
                        .setParameter(8, Instant.now(clock))
                        .setParameter(9, fingerprint)
                        .executeUpdate());
        return new MethodDetails(token, kind, brand, last4, expMonth, expYear, fingerprint);
    }

    @Override
    public String createCustomer(String reference, String email) {
        return "cus_" + random();
    }

    @Override
    public MethodDetails attach(String customerReference, String token) {
        int updated = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("update sandbox_token set customer = ?1 where token = ?2"
                                + " and ((customer is null and used_at is null) or customer = ?1)")
                        .setParameter(1, customerReference)
                        .setParameter(2, token)
                        .executeUpdate());
        if (updated == 0) {
            throw new InvalidTokenException("unknown token");
        }
        return describe(token);
    }

    @Override
    public MethodDetails describe(String token) {
        List<?> rows = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select kind, brand, last4, exp_month, exp_year, fingerprint from sandbox_token"
                                        + " where token = ?1")
                        .setParameter(1, token)
                        .getResultList());
        if (rows.isEmpty()) {
            throw new InvalidTokenException("unknown token");
        }
        Object[] row = (Object[]) rows.get(0);
        return new MethodDetails(
                token,
                MethodKind.valueOf((String) row[0]),
                (String) row[1],
                (String) row[2],
                row[3] == null ? null : ((Number) row[3]).intValue(),
                row[4] == null ? null : ((Number) row[4]).intValue(),
                (String) row[5]);
    }

    /**
     * Checks a token as a processor does before keeping it without a payment (a zero-amount
     * authorisation): the decline code of a card or account that cannot be charged at all (the
     * hard declines), else null. A soft decline (no funds today) does not fail a check.
     */
    @Override
    public String verify(String customerReference, String token) {
        List<?> rows = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select outcome from sandbox_token where token = ?1 and customer = ?2")
                        .setParameter(1, token)
                        .setParameter(2, customerReference)
                        .getResultList());
        if (rows.isEmpty()) {
            throw new InvalidTokenException("unknown token");
        }
        SandboxOutcome outcome = SandboxOutcome.valueOf((String) rows.get(0));
        return outcome.hard ? outcome.declineCode : null;
    }

    /**
     * The same for every token of one card or account number, as a processor's fingerprint is,
     * without being the number: a hash of it, cut short.
     */
    static String fingerprintOf(MethodKind kind, String number) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash =
                    digest.digest(("billfold-sandbox:" + kind.name() + ":" + number).getBytes(StandardCharsets.UTF_8));
            return "fp_" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            return chargeNow(request);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private ChargeResult chargeNow(ChargeRequest request) {
        pause();
        ChargeResult result;
        try {
            result = QuarkusTransaction.requiringNew().call(() -> chargeOnce(request));
        } catch (RuntimeException raced) {
            // Most likely a request with the same key got in first: its result is the answer.
            ChargeResult first = status(request.idempotencyKey());
            if (first.outcome() == ChargeOutcome.NOT_FOUND) {
                throw raced;
            }
            result = first;
        }
        if (answersToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                || (config.lostAnswerRate() > 0
                        && ThreadLocalRandom.current().nextDouble() < config.lostAnswerRate())) {
            throw new GatewayUnavailableException("sandbox: answer lost");
        }
        return result;
    }

    private ChargeResult chargeOnce(ChargeRequest request) {
        ChargeResult existing = find(request.idempotencyKey());
        if (existing != null) {
            return existing;
        }
        Instant now = Instant.now(clock);
        SandboxOutcome outcome = spend(request, now);
        String reference = "ch_" + random();
        Instant settlesAt = outcome.settlesLater() ? now.plus(config.bankSettlement()) : null;
        em.createNativeQuery("insert into sandbox_charge (idempotency_key, reference, token, amount, currency, outcome,"
                        + " refunded, created_at, settles_at) values (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8)")
                .setParameter(1, request.idempotencyKey())
                .setParameter(2, reference)
                .setParameter(3, request.token())
                .setParameter(4, request.amount())
                .setParameter(5, request.currency())
                .setParameter(6, outcome.name())
                .setParameter(7, now)
                .setParameter(8, settlesAt)
                .executeUpdate();
        em.flush();
        return resultOf(reference, request.amount(), outcome, settlesAt);
    }

    /**
     * What the token's charge comes to. A token saved for a customer charges only for that customer;
     * a one-time token charges once, then is spent. Either misuse is declined, as unknown tokens are.
     */
    private SandboxOutcome spend(ChargeRequest request, Instant now) {
        List<?> rows = em.createNativeQuery("select outcome, customer, used_at from sandbox_token where token = ?1")
                .setParameter(1, request.token())
                .getResultList();
        if (rows.isEmpty()) {
            return SandboxOutcome.GENERIC_DECLINE;
        }
        Object[] row = (Object[]) rows.get(0);
        String customer = (String) row[1];
        if (customer != null) {
            return customer.equals(request.customerReference())
                    ? SandboxOutcome.valueOf((String) row[0])
                    : SandboxOutcome.GENERIC_DECLINE;
        }
        int spent = em.createNativeQuery(
                        "update sandbox_token set used_at = ?1 where token = ?2 and customer is null and used_at is null")
                .setParameter(1, now)
                .setParameter(2, request.token())
                .executeUpdate();
        return spent == 1 ? SandboxOutcome.valueOf((String) row[0]) : SandboxOutcome.GENERIC_DECLINE;
    }

    @Override
    public ChargeResult status(String idempotencyKey) {
        ChargeResult result = QuarkusTransaction.requiringNew().call(() -> find(idempotencyKey));
        return result == null ? ChargeResult.notFound() : result;
    }

    private ChargeResult find(String idempotencyKey) {
        List<?> rows = em.createNativeQuery(
                        "select reference, outcome, amount, settles_at from sandbox_charge where idempotency_key = ?1")
                .setParameter(1, idempotencyKey)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return resultOf(
                (String) row[0], (BigDecimal) row[2], SandboxOutcome.valueOf((String) row[1]), instantOf(row[3]));
    }

    @Override
    public RefundResult refund(String chargeReference, BigDecimal amount, String idempotencyKey) {
        pause();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> done = em.createNativeQuery(
                            "select reference, amount from sandbox_refund where idempotency_key = ?1")
                    .setParameter(1, idempotencyKey)
                    .getResultList();
            if (!done.isEmpty()) {
                Object[] row = (Object[]) done.get(0);
                return RefundResult.succeeded((String) row[0], (BigDecimal) row[1]);
            }
            int updated = em.createNativeQuery("update sandbox_charge set refunded = refunded + ?1 where reference = ?2"
                            + " and outcome in ('SUCCEEDS', 'DEBIT_SETTLES') and refunded + ?1 <= amount")
                    .setParameter(1, amount)
                    .setParameter(2, chargeReference)
                    .executeUpdate();
            if (updated != 1) {
                return RefundResult.failed(null, "refund_exceeds_charge");
            }
            String reference = "re_" + random();
            em.createNativeQuery(
                            "insert into sandbox_refund (idempotency_key, charge_ref, amount, reference, created_at)"
                                    + " values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, idempotencyKey)
                    .setParameter(2, chargeReference)
                    .setParameter(3, amount)
                    .setParameter(4, reference)
                    .setParameter(5, Instant.now(clock))
                    .executeUpdate();
            return RefundResult.succeeded(reference, amount);
        });
    }

    /** What the processor has refunded on a charge (for tests). */
    public BigDecimal refundedOn(String chargeReference) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        (BigDecimal) em.createNativeQuery("select refunded from sandbox_charge where reference = ?1")
                                .setParameter(1, chargeReference)
                                .getSingleResult());
    }

    /** Counts the charges made with a token: what a processor's dashboard would show (for tests). */
    public long chargesFor(String token) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select count(*) from sandbox_charge where token = ?1 and outcome in ('SUCCEEDS', 'DEBIT_SETTLES')")
                                .setParameter(1, token)
                                .getSingleResult())
                        .longValue());
    }

    /** A debit on a "settles later" account is processing until its time has come (the sandbox's clock). */
    private ChargeResult resultOf(String reference, BigDecimal amount, SandboxOutcome outcome, Instant settlesAt) {
        if (settlesAt != null && Instant.now(clock).isBefore(settlesAt)) {
            return new ChargeResult(ChargeOutcome.PROCESSING, reference, null, null, false);
        }
        return outcome.succeeds()
                ? ChargeResult.succeeded(reference, amount)
                : ChargeResult.declined(reference, outcome.declineCode, outcome.hard);
    }

    private static Instant instantOf(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant();
        }
        throw new IllegalStateException("settles_at read as " + value.getClass());
    }

    private void pause() {
        Duration latency = latencyOverride != null ? latencyOverride : config.latency();
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayUnavailableException("interrupted");
            }
        }
    }

    static String brandOf(String number) {
        if (number.startsWith("4")) {
            return "visa";
        }
        if (number.startsWith("5")) {
            return "mastercard";
        }
        return "card";
    }

    private static String random() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
