package app.billfold.audit;

import app.billfold.common.Page;
import app.billfold.common.Paging;
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
        entry.detail = clip(detail);
        entry.before = clip(before);
        entry.after = clip(after);
        entry.persist();
    }

    /**
     * A change field by field: only the fields that changed, each with its value before and after.
     * A save that changed nothing is still on record (someone pressed save), and says so.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void change(String actor, String action, String subject, String detail, Changes changes) {
        change(
                actor,
                action,
                subject,
                detail == null ? changedFields(changes) : detail,
                changes.before(),
                changes.after());
    }

    /**
     * An action that changes nothing in the database but must be on record, such as an export of
     * customers' data: written in a transaction of its own if the caller has none.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void read(String actor, String action, String subject, String detail) {
        change(actor, action, subject, detail, null, null);
    }

    private static String changedFields(Changes changes) {
        return changes.isEmpty() ? "nothing changed" : "changed " + changes.fields();
    }

    private static String clip(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> forSubject(String subject) {
        return AuditEntry.list("subject = ?1 order by at desc, id desc", subject);
    }

    /** What the audit trail page filters by; blank or null means any. */
    public record Filter(String actor, String action, String subject, Instant from, Instant until) {}

    /** Entries matching the filter, newest first; actor and action match from their start. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> search(Filter filter, int limit) {
        return search(filter, new Paging(1, limit)).items();
    }

    /** A page of the entries matching the filter, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEntry> search(Filter filter, Paging paging) {
        StringBuilder query = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            query.append(" and lower(actor) like :actor");
            params.put("actor", like(filter.actor()));
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            query.append(" and action like :action");
            params.put("action", like(filter.action()));
        }
        if (filter.subject() != null && !filter.subject().isBlank()) {
            query.append(" and subject = :subject");
            params.put("subject", filter.subject().strip());
        }
        if (filter.from() != null) {
            query.append(" and at >= :from");
            params.put("from", filter.from());
        }
        if (filter.until() != null) {
            query.append(" and at < :until");
            params.put("until", filter.until());
        }
        return paging.of(AuditEntry.<AuditEntry>find(query + " order by at desc, id desc", params)
                .range(paging.first(), paging.first() + paging.rows() - 1)
                .list());
    }

    private static String like(String prefix) {
        return prefix.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "") + "%";
    }
}
