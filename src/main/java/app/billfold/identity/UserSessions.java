package app.billfold.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Local sign-in sessions, kept in the database so that any node can end them at once (invariant
 * 11): sign-out, "sign out everywhere", a password change and disabling a user end them; so do the
 * idle limit of the user's audience and the absolute limit. The browser's id is 256 random bits;
 * the table holds its SHA-256. Resuming a session writes its row at most about once a minute.
 *
 * <p>Rows are changed only by targeted updates ("... where ended_at is null"), never by flushing a
 * loaded entity, so that a request that read a session just before another node ended it cannot
 * write it back to life.
 */
@ApplicationScoped
public class UserSessions {

    /** How stale last-seen may be before a request writes it again. */
    static final Duration LAST_SEEN_EVERY = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Inject
    EntityManager em;

    @Inject
    SessionConfig config;

    @Inject
    Clock clock;

    /**
     * Who a live session belongs to, as a request needs it. {@code key} binds per-session values
     * (the anti-forgery token) to this session without revealing the browser's id.
     */
    public record SignedIn(
            Long sessionId, String key, Long userId, String email, Role role, Long customerId, String language) {}

    /** Starts a session for the user and returns the id the browser keeps; only its hash is stored. */
    @Transactional
    public String start(Long userId, String clientAddress, String userAgent) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now(clock);
        UserSession session = new UserSession();
        session.tokenHash = hash(token);
        session.userId = userId;
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(config.timeout());
        session.clientAddress = cut(clientAddress, 64);
        session.userAgent = cut(userAgent, 300);
        em.persist(session);
        return token;
    }

    /**
     * The signed-in user of a live session, or empty. A session found idle, expired or of a
     * disabled user is ended on the spot; a live one has its last-seen moment written when it is
     * more than a minute old.
     */
    @Transactional
    public Optional<SignedIn> resume(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createQuery(
                        "select s, u from UserSession s join AppUser u on u.id = s.userId"
                                + " left join fetch u.customer where s.tokenHash = :hash",
                        Object[].class)
                .setParameter("hash", hash(token))
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        UserSession session = (UserSession) rows.get(0)[0];
        AppUser user = (AppUser) rows.get(0)[1];
        if (!session.isLive()) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        SessionEnd end = endOf(session, user, now);
        if (end != null) {
            endWhere("id = :id", "id", session.id, end);
            return Optional.empty();
        }
        if (!now.isBefore(session.lastSeenAt.plus(LAST_SEEN_EVERY))) {
            em.createQuery("update UserSession set lastSeenAt = :now where id = :id and endedAt is null")
                    .setParameter("now", now)
                    .setParameter("id", session.id)
                    .executeUpdate();
        }
        Long customerId = user.customer == null ? null : user.customer.id;
        // The user's own choice first; else, for a customer, the language of their bills.
        String language = user.language != null ? user.language : user.customer != null ? user.customer.language : null;
        return Optional.of(
                new SignedIn(session.id, session.tokenHash, user.id, user.email, user.role, customerId, language));
    }

    /** Ends the session this browser id belongs to (signing out); nothing when there is none. */
    @Transactional
    public void end(String token, SessionEnd why) {
        if (token != null && TOKEN.matcher(token).matches()) {
            endWhere("tokenHash = :hash", "hash", hash(token), why);
        }
    }

    /** Ends one of the user's sessions (a "your sessions" page); false when it was not theirs or not live. */
    @Transactional
    public boolean end(Long userId, Long sessionId, SessionEnd why) {
        return em.createQuery("update UserSession set endedAt = :now, endReason = :why"
                                + " where id = :id and userId = :user and endedAt is null")
                        .setParameter("now", Instant.now(clock))
                        .setParameter("why", why)
                        .setParameter("id", sessionId)
                        .setParameter("user", userId)
                        .executeUpdate()
                > 0;
    }

    /** Ends every live session of the user at once, on every node; returns how many. */
    @Transactional
    public int endAll(Long userId, SessionEnd why) {
        return endWhere("userId = :user", "user", userId, why);
    }

    /** Ends every live session of the user but the one they are using; returns how many. */
    @Transactional
    public int endOthers(Long userId, Long keepSessionId, SessionEnd why) {
        return em.createQuery("update UserSession set endedAt = :now, endReason = :why"
                        + " where userId = :user and id <> :keep and endedAt is null")
                .setParameter("now", Instant.now(clock))
                .setParameter("why", why)
                .setParameter("user", userId)
                .setParameter("keep", keepSessionId)
                .executeUpdate();
    }

    /** The user's live sessions, most recently used first (for a "your sessions" page). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserSession> live(Long userId) {
        Instant now = Instant.now(clock);
        AppUser user = em.find(AppUser.class, userId);
        if (user == null) {
            return List.of();
        }
        return em
                .createQuery(
                        "from UserSession where userId = :user and endedAt is null order by lastSeenAt desc",
                        UserSession.class)
                .setParameter("user", userId)
                .getResultList()
                .stream()
                .filter(s -> endOf(s, user, now) == null)
                .toList();
    }

    /** Why a session that is not yet marked ended should end now, or null while it may go on. */
    private SessionEnd endOf(UserSession session, AppUser user, Instant now) {
        if (!user.enabled) {
            return SessionEnd.USER_DISABLED;
        }
        if (!now.isBefore(session.expiresAt)) {
            return SessionEnd.EXPIRED;
        }
        if (now.isAfter(session.lastSeenAt.plus(config.idleTimeoutOf(user.role)))) {
            return SessionEnd.IDLE;
        }
        return null;
    }

    private int endWhere(String condition, String name, Object value, SessionEnd why) {
        return em.createQuery("update UserSession set endedAt = :now, endReason = :why where " + condition
                        + " and endedAt is null")
                .setParameter("now", Instant.now(clock))
                .setParameter("why", why)
                .setParameter(name, value)
                .executeUpdate();
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.length() > max ? text.substring(0, max) : text;
    }
}
