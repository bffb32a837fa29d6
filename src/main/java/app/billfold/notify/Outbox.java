package app.billfold.notify;

import app.billfold.common.Page;
import app.billfold.common.Paging;
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
        return record(Channel.EMAIL, null, recipient, kind, language, payload, dedupeKey);
    }

    /** Records the message unless one with the same dedupe key was; says whether it recorded it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(
            Channel channel,
            Long customerId,
            String recipient,
            String kind,
            String language,
            Map<String, String> payload,
            String dedupeKey) {
        if (OutboxMessage.count("dedupeKey", dedupeKey) > 0) {
            return false;
        }
        OutboxMessage message = new OutboxMessage();
        message.channel = channel.name();
        message.customerId = customerId;
        message.recipient = recipient;
        message.kind = kind;
        message.language = language;
        message.payload = payload.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace('\n', ' '))
                .collect(Collectors.joining("\n"));
        message.dedupeKey = dedupeKey;
        message.status = "PENDING";
        message.createdAt = Instant.now(clock);
        message.nextAttemptAt = message.createdAt;
        message.persist();
        return true;
    }

    /** What the message log shows: every criterion is optional (null or blank: any). */
    public record LogFilter(
            String status, String channel, Long customerId, String recipient, Instant from, Instant until) {}

    /** The message log, newest first, narrowed by the filter. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OutboxMessage> log(LogFilter filter, int limit) {
        return log(filter, new Paging(1, limit)).items();
    }

    /** A page of the message log, newest first, narrowed by the filter. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OutboxMessage> log(LogFilter filter, Paging paging) {
        StringBuilder query = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (filter.status() != null && !filter.status().isBlank()) {
            query.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.channel() != null && !filter.channel().isBlank()) {
            query.append(" and channel = :channel");
            params.put("channel", filter.channel());
        }
        if (filter.customerId() != null) {
            query.append(" and customerId = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.recipient() != null && !filter.recipient().isBlank()) {
            query.append(" and lower(recipient) = :recipient");
            params.put("recipient", filter.recipient().strip().toLowerCase(java.util.Locale.ROOT));
        }
        if (filter.from() != null) {
            query.append(" and createdAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.until() != null) {
            query.append(" and createdAt < :until");
            params.put("until", filter.until());
        }
        return paging.of(OutboxMessage.<OutboxMessage>find(query + " order by id desc", params)
                .range(paging.first(), paging.first() + paging.rows() - 1)
                .list());
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
