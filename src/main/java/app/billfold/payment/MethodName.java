package app.billfold.payment;

import app.billfold.common.PaymentMessages;
import app.billfold.payment.gateway.MethodDetails;
import app.billfold.payment.gateway.MethodKind;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a payer recognises a card or bank account: brand, last four and expiry. Kept on payments and
 * attempts as a language-free label ("visa •••• 4242 12/2028"), and said in the reader's language
 * wherever a method is named ("Visa •••• 4242, expires 12/2028", "compte bancaire •••• 3000").
 */
public record MethodName(MethodKind kind, String brand, String last4, Integer expMonth, Integer expYear) {

    static final String DOTS = "\u2022\u2022\u2022\u2022";
    private static final Pattern LABEL = Pattern.compile("(\\S+) " + DOTS + " (\\S{1,4})(?: (\\d{1,2})/(\\d{4}))?");

    /** Card brands as processors report them, by their own names in every language. */
    static final Map<String, String> CARD_BRANDS = Map.of(
            "visa", "Visa",
            "mastercard", "Mastercard",
            "amex", "American Express",
            "discover", "Discover",
            "diners", "Diners Club",
            "jcb", "JCB",
            "unionpay", "UnionPay",
            "cartes_bancaires", "Cartes Bancaires",
            "eftpos_au", "eftpos",
            "interac", "Interac");

    /** Words a processor uses for a bank account rather than a card brand. */
    static final java.util.Set<String> BANK_WORDS = java.util.Set.of("bank", "sepa", "sepa_debit");

    public static MethodName of(SavedMethod method) {
        return new MethodName(method.kind, method.brand, method.last4, method.expMonth, method.expYear);
    }

    public static MethodName of(MethodDetails details) {
        return new MethodName(details.kind(), details.brand(), details.last4(), details.expMonth(), details.expYear());
    }

    /** A label kept by {@link #label()}, or before expiries were kept ("visa •••• 4242"); null if not one. */
    public static MethodName parse(String label) {
        if (label == null) {
            return null;
        }
        Matcher m = LABEL.matcher(label.strip());
        if (!m.matches()) {
            return null;
        }
        String brand = m.group(1);
        MethodKind kind = BANK_WORDS.contains(brand.toLowerCase(Locale.ROOT)) ? MethodKind.BANK : MethodKind.CARD;
        return new MethodName(
                kind,
                brand,
                m.group(2),
                m.group(3) == null ? null : Integer.valueOf(m.group(3)),
                m.group(4) == null ? null : Integer.valueOf(m.group(4)));
    }

    /** The language-free label kept on payments and attempts, and written to the audit trail. */
    public String label() {
        return brand + " " + DOTS + " " + last4 + (hasExpiry() ? " " + expMonth + "/" + expYear : "");
    }

    /** The name in a language ("en", "fr"): brand (or "card", "bank account"), last four, expiry. */
    public String inWords(String language) {
        ManagedContext request = Arc.container().requestContext();
        if (request.isActive()) {
            return said(language);
        }
        // Qute's message bundles reach for the current request, which a job's thread (autopay,
        // reminders) does not have: one is opened for the time of the lookup.
        request.activate();
        try {
            return said(language);
        } finally {
            request.terminate();
        }
    }

    private String said(String language) {
        PaymentMessages words = MessageBundles.get(
                PaymentMessages.class,
                Localized.Literal.of(
                        language == null || language.isBlank()
                                ? "en"
                                : Locale.forLanguageTag(language).getLanguage()));
        String brandSaid = brandIn(words);
        return hasExpiry()
                ? words.method_named_expires(brandSaid, last4, String.format(Locale.ROOT, "%02d", expMonth), expYear)
                : words.method_named(brandSaid, last4);
    }

    public String inWords(Locale locale) {
        return inWords(locale == null ? "en" : locale.getLanguage());
    }

    /** A label as said in a language, or the label itself when it names no card or account. */
    public static String inWords(String label, String language) {
        MethodName name = parse(label);
        return name == null ? label : name.inWords(language);
    }

    private String brandIn(PaymentMessages words) {
        String code = brand == null ? "" : brand.toLowerCase(Locale.ROOT);
        if (kind == MethodKind.BANK || BANK_WORDS.contains(code)) {
            return words.method_word_bank();
        }
        return CARD_BRANDS.getOrDefault(code, words.method_word_card());
    }

    private boolean hasExpiry() {
        return expMonth != null && expYear != null;
    }
}
