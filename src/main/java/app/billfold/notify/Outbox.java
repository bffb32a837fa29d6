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

    @Transactional(Transactional.TxType.MANDATORY)
    public void email(String recipient, String kind, String language, Map<String, String> payload, String dedupeKey) {
        if (OutboxMessage.count("dedupeKey", dedupeKey) > 0) {
            return;
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
        message.persist();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OutboxMessage> pendingFor(String recipient) {
        return OutboxMessage.list("recipient = ?1 and status = 'PENDING' order by id", recipient);
    }
}
