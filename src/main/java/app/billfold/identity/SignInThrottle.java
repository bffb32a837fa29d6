package app.billfold.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Delays local sign-in after failures, per e-mail and per client address (see {@link SignInConfig}):
 * once the free failures are used, the next try must wait, twice as long after each further failure,
 * up to a cap. A try refused for waiting is not a failure (it does not extend the wait). The counts
 * live in the database, so every node applies the same delays.
 */
@ApplicationScoped
public class SignInThrottle {

    @Inject
    EntityManager em;

    @Inject
    SignInConfig config;

    @Inject
    Clock clock;

    /** When the next try for this e-mail from this address may be made, if it must wait. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> waitUntil(String email, String client) {
        Instant now = Instant.now(clock);
        Instant until =
                later(until(accountKey(email), config.account(), now), until(clientKey(client), config.client(), now));
        return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /** Counts a failed try against the e-mail and the address. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(String email, String client) {
        Instant now = Instant.now(clock);
        record(accountKey(email), now);
        record(clientKey(client), now);
        Duration longest = later(config.account().window(), config.client().window());
        em.createQuery("delete from SignInFailure where at < :before")
                .setParameter("before", now.minus(longest))
                .executeUpdate();
    }

    /** A successful sign-in forgets the e-mail's failures (not the address's: anyone may own one account). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(String email) {
        em.createQuery("delete from SignInFailure where throttleKey = :key")
                .setParameter("key", accountKey(email))
                .executeUpdate();
    }

    private Instant until(String key, SignInConfig.Limits limits, Instant now) {
        Object[] row = em.createQuery(
                        "select count(f), max(f.at) from SignInFailure f where f.throttleKey = :key and f.at > :since",
                        Object[].class)
                .setParameter("key", key)
                .setParameter("since", now.minus(limits.window()))
                .getSingleResult();
        long failures = ((Number) row[0]).longValue();
        if (failures < limits.freeFailures() || row[1] == null) {
            return null;
        }
        long doublings = Math.min(failures - limits.freeFailures(), 30);
        Duration wait = config.firstWait().multipliedBy(1L << doublings);
        if (wait.compareTo(limits.maxWait()) > 0) {
            wait = limits.maxWait();
        }
        return ((Instant) row[1]).plus(wait);
    }

    private void record(String key, Instant at) {
        SignInFailure failure = new SignInFailure();
        failure.throttleKey = key;
        failure.at = at;
        em.persist(failure);
    }

    static String accountKey(String email) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return "email:" + (address.length() > 300 ? address.substring(0, 300) : address);
    }

    static String clientKey(String client) {
        return "client:" + (client == null ? "unknown" : client.length() > 64 ? client.substring(0, 64) : client);
    }

    private static <T extends Comparable<T>> T later(T a, T b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
