package app.billfold.notify;

import app.billfold.audit.AuditLog;
import app.billfold.common.BusinessRuleException;
import app.billfold.identity.Signer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proves that a customer holds a mobile number before SMS consent is recorded for it: a six-digit
 * code goes by SMS (through the outbox) to the number, and consent is recorded only when the code
 * is typed back. Codes are valid for {@link #VALID}, used once, allow {@link #MAX_TRIES} tries and
 * are stored as an HMAC only; a customer may ask for {@link #MAX_PER_HOUR} codes an hour, so the
 * page cannot be used to send SMS to strangers at will. START sent from the phone proves the number
 * too (see {@link InboundSms}).
 */
@ApplicationScoped
public class PhoneVerification {

    /** The outbox kind of the code's SMS: sent without consent (it asks for it) and at any hour. */
    public static final String KIND = "phone_code";

    static final Duration VALID = Duration.ofMinutes(10);
    static final int MAX_TRIES = 5;
    static final int MAX_PER_HOUR = 3;
    private static final String PURPOSE = "phone-code";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What came of typing a code back. */
    public enum Outcome {
        CONFIRMED,
        WRONG,
        /** No live code: expired, used, out of tries, or sent to a number the customer no longer has. */
        EXPIRED
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    SmsConsents consents;

    @Inject
    Signer signer;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /**
     * Sends a new code to the number, replacing any the customer had. Throws BusinessRuleException
     * (pref_error_code_limit) when the customer asked for too many codes this hour.
     */
    @Transactional
    public void send(Long customerId, String phone, String language) {
        Instant now = Instant.now(clock);
        long recent = em.createQuery(
                        "select count(c) from PhoneCode c where c.customerId = :customer and c.createdAt > :since",
                        Long.class)
                .setParameter("customer", customerId)
                .setParameter("since", now.minus(Duration.ofHours(1)))
                .getSingleResult();
        if (recent >= MAX_PER_HOUR) {
            throw new BusinessRuleException("pref_error_code_limit");
        }
        em.createQuery("update PhoneCode set usedAt = :now where customerId = :customer and usedAt is null")
                .setParameter("now", now)
                .setParameter("customer", customerId)
                .executeUpdate();
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        PhoneCode sent = new PhoneCode();
        sent.customerId = customerId;
        sent.phone = phone;
        sent.codeHash = digest(customerId, phone, code);
        sent.createdAt = now;
        sent.expiresAt = now.plus(VALID);
        em.persist(sent);
        // No customer on the message: a code is not a notice, so it never falls back to e-mail.
        outbox.record(Channel.SMS, null, phone, KIND, language, Map.of("code", code), "phone-code:" + sent.id);
    }

    /** The code waiting to be typed back, if any (for the page). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PhoneCode> pending(Long customerId, String phone) {
        return live(customerId, phone, false);
    }

    /** Checks a typed code; on success records the consent for the number the code went to. */
    @Transactional
    public Outcome confirm(Long customerId, String phone, String typed, String actor) {
        Optional<PhoneCode> found = live(customerId, phone, true);
        if (found.isEmpty()) {
            return Outcome.EXPIRED;
        }
        PhoneCode code = found.get();
        String cleaned = typed == null ? "" : typed.replaceAll("\\s", "");
        if (!cleaned.matches("\\d{6}")
                || !MessageDigest.isEqual(
                        code.codeHash.getBytes(StandardCharsets.US_ASCII),
                        digest(customerId, code.phone, cleaned).getBytes(StandardCharsets.US_ASCII))) {
            code.attempts++;
            return code.attempts >= MAX_TRIES ? Outcome.EXPIRED : Outcome.WRONG;
        }
        code.usedAt = Instant.now(clock);
        consents.optIn(
                code.phone,
                "typed back the code sent by SMS to this number on the preferences page, signed in as " + actor);
        audit.record(
                actor, "customer.sms-consent", "customer:" + customerId, "number confirmed by SMS code: " + code.phone);
        return Outcome.CONFIRMED;
    }

    private Optional<PhoneCode> live(Long customerId, String phone, boolean lock) {
        if (phone == null) {
            return Optional.empty();
        }
        var query = em.createQuery(
                        "from PhoneCode where customerId = :customer and phone = :phone and usedAt is null"
                                + " and expiresAt > :now and attempts < :tries order by id desc",
                        PhoneCode.class)
                .setParameter("customer", customerId)
                .setParameter("phone", phone)
                .setParameter("now", Instant.now(clock))
                .setParameter("tries", MAX_TRIES)
                .setMaxResults(1);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        List<PhoneCode> codes = query.getResultList();
        return codes.stream().findFirst();
    }

    private String digest(Long customerId, String phone, String code) {
        return signer.digest(PURPOSE, customerId + "|" + phone + "|" + code);
    }
}
