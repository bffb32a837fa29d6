package app.billfold.web.console;

import app.billfold.common.ConsoleMessages;
import app.billfold.notify.OutboxMessage;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.Locale;

/** The message log and audit trail in words: kinds of message as a clerk names them, amounts as money. */
@TemplateExtension
public class MessageLabels {

    /** "Payment receipt" for payment_receipt; a kind without words yet is shown with spaces. */
    static String kindLabel(OutboxMessage message, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        String language = locale instanceof Locale l ? l.getLanguage() : String.valueOf(locale);
        ConsoleMessages words =
                MessageBundles.get(ConsoleMessages.class, Localized.Literal.of(language.isEmpty() ? "en" : language));
        try {
            return (String)
                    ConsoleMessages.class.getMethod("kind_" + message.kind).invoke(words);
        } catch (ReflectiveOperationException e) {
            return message.kind.replace('_', ' ');
        }
    }

    private static final java.util.regex.Pattern STORED_AMOUNT =
            java.util.regex.Pattern.compile("(?<![\\d.,])(-?\\d+\\.\\d{4})(?![\\d.,])");

    /**
     * An audit text with the amounts the database keeps at four decimals ("50.8600") shown as money
     * in the biller's currency and the page's language ("€50.86"); null reads as nothing.
     */
    static String withMoney(
            String text, String currency, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (text == null) {
            return "";
        }
        Locale shown = locale instanceof Locale l ? l : Locale.ENGLISH;
        java.util.regex.Matcher m = STORED_AMOUNT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String money = app.billfold.common.LocalFormats.money(
                    app.billfold.common.Money.of(new java.math.BigDecimal(m.group(1)), currency), shown);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(money));
        }
        m.appendTail(out);
        return out.toString();
    }
}
