package app.billfold.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reads one submitted form field into a typed value, recording a message key in {@link FieldErrors}
 * when the value is missing or malformed. Returns null on error so that callers can go on collecting
 * the other fields' errors before throwing.
 */
public final class FormInput {

    // Deliberately loose: one @, no spaces, a dot in the domain. Deliverability is proved by mail.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private FormInput() {}

    public static String text(FieldErrors errors, String field, String value, boolean required, int maxLength) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            if (required) {
                errors.reject(field, "error_required");
            }
            return required ? null : "";
        }
        if (trimmed.length() > maxLength) {
            errors.reject(field, "error_too_long");
            return null;
        }
        return trimmed;
    }

    /** Text that may be left out: null when blank, else as {@link #text} reads it. */
    public static String optional(FieldErrors errors, String field, String value, int maxLength) {
        String text = text(errors, field, value, false, maxLength);
        return text == null || text.isEmpty() ? null : text;
    }

    public static String email(FieldErrors errors, String field, String value, boolean required) {
        String text = text(errors, field, value, required, 254);
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (!EMAIL.matcher(text).matches()) {
            errors.reject(field, "error_email");
            return null;
        }
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A phone number as people type it ("06 12 34 56 78", "+44 20 7946 0958"), kept in E.164 so
     * that an SMS, a STOP from that number and the customer's record all name it the same way.
     * Numbers without a country code are read in the region of billfold.phone-region.
     */
    public static String phone(FieldErrors errors, String field, String value) {
        String text = text(errors, field, value, false, 40);
        if (text == null || text.isEmpty()) {
            return text;
        }
        PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
        try {
            var number = numbers.parse(text, phoneRegion());
            if (numbers.isValidNumber(number)) {
                return numbers.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // reported below, like a number that parses but cannot exist
        }
        errors.reject(field, "error_phone");
        return null;
    }

    private static String phoneRegion() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("billfold.phone-region", String.class)
                .orElse("FR");
    }

    public static BigDecimal decimal(FieldErrors errors, String field, String value, boolean required) {
        String text = text(errors, field, value, required, 30);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            // Accept a decimal comma too: French users type 12,50.
            return new BigDecimal(text.replace(" ", "")
                    .replace('\u00a0', ' ')
                    .replace(" ", "")
                    .replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.reject(field, "error_number");
            return null;
        }
    }

    public static LocalDate date(FieldErrors errors, String field, String value, boolean required) {
        String text = text(errors, field, value, required, 10);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.reject(field, "error_date");
            return null;
        }
    }

    public static <E extends Enum<E>> E choice(FieldErrors errors, String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            errors.reject(field, "error_required");
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.reject(field, "error_choice");
            return null;
        }
    }
}
