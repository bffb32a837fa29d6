package app.billfold.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Records SMS consent and opt-outs per number; a number without a live consent gets no SMS. */
@ApplicationScoped
public class SmsConsents {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public void optIn(String phone, String how) {
        SmsConsent consent = forUpdate(phone);
        consent.consentedAt = Instant.now(clock);
        consent.consentHow = cut(how);
        consent.optedOutAt = null;
        consent.optedOutHow = null;
    }

    @Transactional
    public void optOut(String phone, String how) {
        SmsConsent consent = forUpdate(phone);
        if (consent.optedOutAt == null) {
            consent.optedOutAt = Instant.now(clock);
            consent.optedOutHow = cut(how);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean allows(String phone) {
        return phone != null && find(phone).map(SmsConsent::allowsSms).orElse(false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SmsConsent> find(String phone) {
        return phone == null ? Optional.empty() : Optional.ofNullable(em.find(SmsConsent.class, phone));
    }

    private SmsConsent forUpdate(String phone) {
        SmsConsent consent = em.find(SmsConsent.class, phone, LockModeType.PESSIMISTIC_WRITE);
        if (consent == null) {
            consent = new SmsConsent();
            consent.phone = phone;
            em.persist(consent);
        }
        return consent;
    }

    private static String cut(String how) {
        return how.length() > 200 ? how.substring(0, 200) : how;
    }
}
