package app.billfold.report;

import app.billfold.audit.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The audit trail in a clerk's words: its subjects ("account:6") named as people know them (the
 * account number, the customer's name, the invoice number) with the page each is on; and a name or
 * number typed in the trail's filter turned back into the subject it stands for.
 */
@ApplicationScoped
public class AuditSubjects {

    /** How a subject reads, and the console page it is on (null when it has none). */
    public record Named(String label, String page) {}

    @Inject
    EntityManager em;

    /** Each subject of the entries, named; subjects of other kinds keep their own text. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Named> name(List<AuditEntry> entries) {
        Map<String, Set<Long>> ids = new HashMap<>();
        for (AuditEntry e : entries) {
            if (e.subject == null) {
                continue;
            }
            int colon = e.subject.indexOf(':');
            if (colon > 0) {
                try {
                    ids.computeIfAbsent(e.subject.substring(0, colon), k -> new HashSet<>())
                            .add(Long.valueOf(e.subject.substring(colon + 1)));
                } catch (NumberFormatException ignored) {
                    // Not an id: shown as written.
                }
            }
        }
        Map<String, Named> named = new HashMap<>();
        lookUp(
                named,
                ids.get("account"),
                "select a.id, a.number from Account a where a.id in :ids",
                "account",
                "/console/accounts/");
        lookUp(
                named,
                ids.get("customer"),
                "select c.id, c.name from Customer c where c.id in :ids",
                "customer",
                "/console/customers/");
        lookUp(
                named,
                ids.get("invoice"),
                "select i.id, coalesce(i.number, '') from Invoice i where i.id in :ids",
                "invoice",
                "/console/invoices/");
        lookUp(named, ids.get("user"), "select u.id, u.email from AppUser u where u.id in :ids", "user", null);
        for (AuditEntry e : entries) {
            if (e.subject != null) {
                named.putIfAbsent(e.subject, new Named(e.subject, null));
            }
        }
        return named;
    }

    /**
     * The subject a typed filter stands for: an invoice or account number, a customer's e-mail or
     * (the only customer with) that name; anything else, such as "account:6", as typed.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String subjectFor(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty() || t.matches("[a-z-]+:.*")) {
            return t;
        }
        String upper = t.toUpperCase(Locale.ROOT);
        List<Long> found = ids("select i.id from Invoice i where upper(i.number) = :t", upper);
        if (found.size() == 1) {
            return "invoice:" + found.get(0);
        }
        found = ids("select a.id from Account a where upper(a.number) = :t", upper);
        if (found.size() == 1) {
            return "account:" + found.get(0);
        }
        found = ids(
                "select c.id from Customer c where lower(c.email) = :t or lower(c.name) = :t",
                t.toLowerCase(Locale.ROOT));
        if (found.size() == 1) {
            return "customer:" + found.get(0);
        }
        return t;
    }

    private List<Long> ids(String query, String value) {
        return em.createQuery(query, Long.class).setParameter("t", value).getResultList();
    }

    private void lookUp(Map<String, Named> into, Set<Long> ids, String query, String kind, String page) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        List<Object[]> rows = em.createQuery(query, Object[].class)
                .setParameter("ids", new ArrayList<>(ids))
                .getResultList();
        for (Object[] row : rows) {
            Long id = ((Number) row[0]).longValue();
            into.put(kind + ":" + id, new Named(String.valueOf(row[1]), page == null ? null : page + id));
        }
    }
}
