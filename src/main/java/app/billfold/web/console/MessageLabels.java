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

    /** One line of an audit entry's before or after: a field and its value, or a line of free text. */
    public record ChangeLine(String field, String value) {}

    private static final java.util.regex.Pattern FIELD_LINE =
            java.util.regex.Pattern.compile("^([a-z][A-Za-z]*): (.*)$");

    /**
     * An audit entry's before or after as the trail lists it: "postcode: 75001" one field a line
     * (see {@link app.billfold.audit.Changes}), the field's name in words ("service address"); texts
     * of older entries as they were written.
     */
    static java.util.List<ChangeLine> changeLines(
            String text, String currency, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (text == null || text.isBlank()) {
            return java.util.List.of();
        }
        java.util.List<ChangeLine> lines = new java.util.ArrayList<>();
        for (String line : text.split("\n")) {
            java.util.regex.Matcher m = FIELD_LINE.matcher(line);
            if (m.matches()) {
                String words = m.group(1).replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
                lines.add(new ChangeLine(words, withMoney(m.group(2), currency, locale)));
            } else {
                lines.add(new ChangeLine(null, withMoney(line, currency, locale)));
            }
        }
        return lines;
    }
}
