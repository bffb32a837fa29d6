package app.billfold.notify;

import app.billfold.account.Customer;
import app.billfold.biller.Biller;
import app.billfold.biller.BillerSettings;
import app.billfold.common.SmsMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Answers an SMS a customer sends back: the carriers' keywords STOP, STOPALL, UNSUBSCRIBE, CANCEL,
 * END and QUIT opt the number out at once; START, YES and UNSTOP opt it back in; HELP and INFO answer
 * with the biller's name and support contact. Anything else gets no answer.
 */
@ApplicationScoped
public class InboundSms {

    static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    static final Set<String> START = Set.of("START", "YES", "UNSTOP");
    static final Set<String> HELP = Set.of("HELP", "INFO");

    @Inject
    SmsConsents consents;

    @Inject
    Biller biller;

    @Inject
    Clock clock;

    /** Acts on the message and returns the reply to send, if any. */
    @Transactional
    public Optional<String> receive(String from, String body) {
        String keyword = keyword(body);
        BillerSettings settings = biller.settings();
        SmsMessages words = SmsText.words(languageOf(from));
        if (STOP.contains(keyword)) {
            consents.optOut(from, "replied " + keyword + " by SMS on " + Instant.now(clock));
            return Optional.of(SmsText.fit(words.stop_reply(settings.legalName)));
        }
        if (START.contains(keyword)) {
            consents.optIn(from, "replied " + keyword + " by SMS");
            return Optional.of(SmsText.fit(words.start_reply(settings.legalName)));
        }
        if (HELP.contains(keyword)) {
            String contact = settings.supportPhone != null
                    ? settings.supportPhone + ", " + settings.supportEmail
                    : settings.supportEmail;
            return Optional.of(SmsText.fit(words.help_reply(settings.legalName, contact)));
        }
        return Optional.empty();
    }

    /** The keyword of a reply: its only word, in capitals, without trailing punctuation. */
    static String keyword(String body) {
        if (body == null) {
            return "";
        }
        return body.strip().replaceAll("[.!]+$", "").toUpperCase(Locale.ROOT);
    }

    private static String languageOf(String phone) {
        return Customer.<Customer>find("phone", phone)
                .firstResultOptional()
                .map(c -> c.language)
                .orElse("en");
    }
}
