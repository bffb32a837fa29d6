package app.billfold.notify;

import app.billfold.biller.Biller;
import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * What a message says, as its recipient reads it: an e-mail's subject and plain text, an SMS's
 * text, rendered from the outbox row by the same code that sends it. A code that proves a phone
 * number is never shown.
 */
@ApplicationScoped
public class MessagePreview {

    private static final Logger LOG = Logger.getLogger(MessagePreview.class);

    /** The subject (e-mails only, else null) and the text; both null when it cannot be rendered. */
    public record Content(String subject, String text) {}

    @Inject
    EmailComposer composer;

    @Inject
    Biller biller;

    @Transactional(Transactional.TxType.SUPPORTS)
    public OutboxMessage get(Long id) {
        return OutboxMessage.<OutboxMessage>findByIdOptional(id)
                .orElseThrow(() -> new app.billfold.common.NotFoundException("message " + id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Content of(OutboxMessage message) {
        if (PhoneVerification.KIND.equals(message.kind)) {
            return new Content(null, null);
        }
        try {
            if (Channel.SMS.name().equals(message.channel)) {
                return new Content(
                        null,
                        SmsText.of(
                                message.kind,
                                message.language,
                                EmailComposer.payload(message.payload),
                                biller.settings().legalName));
            }
            Mail mail = composer.compose(message);
            return new Content(mail.getSubject(), mail.getText());
        } catch (RuntimeException e) {
            // A kind this version no longer writes, or data since deleted: the log still shows the row.
            LOG.debugf(e, "Message %d cannot be shown", message.id);
            return new Content(null, null);
        }
    }
}
