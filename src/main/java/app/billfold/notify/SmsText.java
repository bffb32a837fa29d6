package app.billfold.notify;

import app.billfold.common.SmsMessages;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Turns an outbox row into the text of an SMS, in the recipient's language and in the GSM
 * alphabet, so that it fits one 160-character message; a text that still does not fit goes as a
 * multi-part SMS and is logged, so the wording can be shortened.
 */
public final class SmsText {

    private static final Logger LOG = Logger.getLogger(SmsText.class);

    /** The kinds of notice that have an SMS wording (the others go by e-mail only). */
    public static final java.util.Set<String> KINDS = java.util.Set.of(
            "invoice_issued",
            "payment_receipt",
            "reminder_before",
            "reminder_due",
            "reminder_after",
            "autopay_notice",
            "autopay_failed",
            "autopay_stopped",
            "autopay_method_removed");

    private SmsText() {}

    public static String of(String kind, String language, Map<String, String> data, String biller) {
        SmsMessages words = words(language);
        String text = switch (kind) {
            case "invoice_issued" ->
                words.invoice_issued(biller, data.get("number"), data.get("amount"), data.get("due"), data.get("link"));
            case "payment_receipt" -> words.payment_receipt(biller, data.get("amount"), data.get("account"));
            case "reminder_before" ->
                words.reminder_before(
                        biller, data.get("number"), data.get("amount"), data.get("due"), data.get("link"));
            case "reminder_due" -> words.reminder_due(biller, data.get("number"), data.get("amount"), data.get("link"));
            case "reminder_after" ->
                words.reminder_after(biller, data.get("number"), data.get("amount"), data.get("due"), data.get("link"));
            case "autopay_notice" ->
                words.autopay_notice(
                        biller, data.get("amount"), data.get("method"), data.get("due"), data.get("number"));
            case "autopay_failed" ->
                words.autopay_failed(biller, data.get("amount"), data.get("number"), data.get("link"));
            case "autopay_stopped" -> words.autopay_stopped(biller, data.get("account"), data.get("reason"));
            case "autopay_method_removed" ->
                words.autopay_method_removed(biller, data.get("account"), data.get("method"));
            case PhoneVerification.KIND -> words.phone_code(biller, data.get("code"));
            default -> throw new IllegalArgumentException("No SMS for " + kind);
        };
        return fit(text);
    }

    public static SmsMessages words(String language) {
        String lang = language == null ? "en" : Locale.forLanguageTag(language).getLanguage();
        return MessageBundles.get(SmsMessages.class, Localized.Literal.of(lang));
    }

    /** The text in the GSM alphabet; warns when it needs more than one message. */
    public static String fit(String text) {
        String gsm = Gsm7.transliterate(text.strip());
        if (Gsm7.length(gsm) > Gsm7.SINGLE_MESSAGE) {
            LOG.warnf("SMS of %d characters will be sent in parts: %s", Gsm7.length(gsm), gsm);
        }
        return gsm;
    }
}
