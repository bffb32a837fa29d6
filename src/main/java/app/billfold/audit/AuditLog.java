package app.billfold.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Writes clerk and admin actions in the same transaction as the change they describe. */
@ApplicationScoped
public class AuditLog {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String subject, String detail) {
        change(actor, action, subject, detail, null, null);
    }

    /** A change, with the state before and after it as a person would read them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void change(String actor, String action, String subject, String detail, String before, String after) {
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now(clock);
        entry.actor = actor;
        entry.action = action;
        entry.subject = subject;
        entry.detail = detail;
        entry.before = clip(before);
        entry.after = clip(after);
        entry.persist();
    }

    private static String clip(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> forSubject(String subject) {
        return AuditEntry.list("subject = ?1 order by at desc, id desc", subject);
    }
}
