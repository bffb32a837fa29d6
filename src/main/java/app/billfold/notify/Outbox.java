package app.billfold.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Records messages for sending in the caller's transaction; a message whose dedupe key was already
 * recorded is not recorded again (invariant 4).
 */
@ApplicationScoped
public class Outbox {

    @Inject
    Clock clock;

    /** Records the e-mail unless one with the same dedupe key was; says whether it recorded it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean email(
            String recipient, String kind, String language, Map<String, String> payload, String dedupeKey) {
        if (OutboxMessage.count("dedupeKey", dedupeKey) > 0) {
            return false;
        }
        OutboxMessage message = new OutboxMessage();
        message.channel = "EMAIL";
        message.recipient = recipient;
        message.kind = kind;
        message.language = language;
        message.payload = payload.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        message.dedupeKey = dedupeKey;
        message.status = "PENDING";
        message.createdAt = Instant.now(clock);
        message.nextAttemptAt = message.createdAt;
        message.persist();
        return true;
    }

    /**
     * The message log, newest first, optionally one status only (PENDING, RETRY, SENT, DEAD,
     * SKIPPED) and one recipient only.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OutboxMessage> log(String status, String recipient, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (status != null && !status.isBlank()) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        if (recipient != null && !recipient.isBlank()) {
            query.append(" and lower(recipient) = :recipient");
            params.put("recipient", recipient.strip().toLowerCase(java.util.Locale.ROOT));
        }
        return OutboxMessage.find(query + " order by id desc", params)
                .page(0, limit)
                .list();
    }

    /** Puts a dead (or failing) message back in line, as a clerk asked. */
    @Transactional
    public void resend(Long id, String actor, app.billfold.audit.AuditLog audit) {
        OutboxMessage message = OutboxMessage.<OutboxMessage>findByIdOptional(id)
                .orElseThrow(() -> new app.billfold.common.NotFoundException("message " + id));
        if (!"DEAD".equals(message.status) && !"RETRY".equals(message.status)) {
            throw new app.billfold.common.BusinessRuleException("error_resend_status");
        }
        String before = message.status + " after " + message.attempts + " tries";
        message.status = "PENDING";
        message.attempts = 0;
        message.nextAttemptAt = Instant.now(clock);
        audit.change(
                actor, "message.resend", "message:" + id, message.kind + " to " + message.recipient, before, "PENDING");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OutboxMessage> forRecipient(String recipient) {
        return OutboxMessage.list("recipient = ?1 order by id", recipient);
    }
}
