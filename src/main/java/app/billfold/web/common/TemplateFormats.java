package app.billfold.web.common;

import app.billfold.account.AccountStatus;
import app.billfold.account.CustomerKind;
import app.billfold.common.LocalFormats;
import app.billfold.common.Money;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.payment.PaymentMethod;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/** Display logic for templates: amounts and dates in the page's locale, and message keys for enums. */
@TemplateExtension
public class TemplateFormats {

    /** An amount in the given currency, as money in the page's locale. */
    static String inCurrency(BigDecimal amount, String currency, @TemplateAttribute("locale") Object locale) {
        return LocalFormats.money(Money.of(amount, currency), of(locale));
    }

    /**
     * The message of a key from the general bundle or, failing that, the billing, e-invoicing,
     * identity, notices, payment or statement one: import rows carry keys of both general and billing rules, and
     * refusals, notices and field errors may come from any of these features.
     */
    static String anyMessage(String key, @TemplateAttribute("locale") Object locale) {
        String language = of(locale).getLanguage();
        for (Class<?> bundle : java.util.List.of(
                app.billfold.common.AppMessages.class,
                app.billfold.common.BillingMessages.class,
                app.billfold.common.ConsoleMessages.class,
                app.billfold.common.EInvoiceMessages.class,
                app.billfold.common.IdentityMessages.class,
                app.billfold.common.NotifyMessages.class,
                app.billfold.common.PaymentMessages.class,
                app.billfold.common.StatementMessages.class,
                ErrorMessages.class)) {
            try {
                Object words = io.quarkus.qute.i18n.MessageBundles.get(
                        bundle, io.quarkus.qute.i18n.Localized.Literal.of(language));
                return (String) bundle.getMethod(key).invoke(words);
            } catch (ReflectiveOperationException e) {
                // not in this bundle
            }
        }
        return key;
    }

    /** The text as a URL query value. */
    static String urlEncoded(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String formatted(Money money, @TemplateAttribute("locale") Object locale) {
        return LocalFormats.money(money, of(locale));
    }

    static String formatted(LocalDate date, @TemplateAttribute("locale") Object locale) {
        return LocalFormats.date(date, of(locale));
    }

    /** A moment, in the biller's time zone. */
    static String formatted(java.time.Instant instant, @TemplateAttribute("locale") Object locale) {
        return java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM)
                .withLocale(of(locale))
                .withZone(io.quarkus.arc.Arc.container()
                        .instance(Branding.class)
                        .get()
                        .zone())
                .format(instant);
    }

    static String formatted(BigDecimal number, @TemplateAttribute("locale") Object locale) {
        return LocalFormats.number(number, of(locale));
    }

    static String percent(BigDecimal rate, @TemplateAttribute("locale") Object locale) {
        return LocalFormats.percent(rate, of(locale));
    }

    static String label(InvoiceStatus status) {
        return "status_" + status.name().toLowerCase(Locale.ROOT);
    }

    static String label(PaymentMethod method) {
        return "method_" + method.name().toLowerCase(Locale.ROOT);
    }

    static String label(AccountStatus status) {
        return "account_status_" + status.name().toLowerCase(Locale.ROOT);
    }

    static String label(CustomerKind kind) {
        return "kind_" + kind.name().toLowerCase(Locale.ROOT);
    }

    private static Locale of(Object locale) {
        return locale instanceof Locale l ? l : Locale.ENGLISH;
    }
}
