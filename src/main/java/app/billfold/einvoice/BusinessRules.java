package app.billfold.einvoice;

import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.checkdigit.IBANCheckDigit;

/** The shape of each e-invoicing field: country codes, VAT ids, schemes, IBAN and BIC. */
final class BusinessRules {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** A VAT id starts with its country's prefix (EN 16931 BR-CO-9); Greece uses EL. */
    private static final Pattern VAT_ID = Pattern.compile("^[A-Z]{2}[A-Z0-9+*.]{2,13}$");

    private static final Pattern ICD = Pattern.compile("^[0-9]{4}$");
    private static final Pattern BIC = Pattern.compile("^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$");

    private BusinessRules() {}

    static String country(FieldErrors errors, String field, String value) {
        return code(errors, field, value, 100, COUNTRIES::contains, "error_country");
    }

    static String vatId(FieldErrors errors, String field, String value) {
        return code(errors, field, compact(value), 30, id -> VAT_ID.matcher(id).matches(), "error_vat_id");
    }

    static String iban(FieldErrors errors, String field, String value) {
        return code(
                errors,
                field,
                compact(value),
                34,
                iban -> IBANValidator.getInstance().isValid(iban) && IBANCheckDigit.IBAN_CHECK_DIGIT.isValid(iban),
                "error_iban");
    }

    static String bic(FieldErrors errors, String field, String value) {
        return code(errors, field, compact(value), 11, bic -> BIC.matcher(bic).matches(), "error_bic");
    }

    /** The ISO 6523 scheme of a registration id: needed with an id, four digits. */
    static String icd(FieldErrors errors, String field, String value, String id) {
        return scheme(errors, field, value, id, s -> ICD.matcher(s).matches(), "error_icd");
    }

    /** The scheme of an electronic address: needed with an address, from the Peppol EAS list. */
    static String eas(FieldErrors errors, String field, String value, String id) {
        return scheme(errors, field, value, id, ElectronicAddressSchemes::isKnown, "error_eas");
    }

    /** People type these with spaces (IBANs in groups of four); the code itself has none. */
    private static String compact(String value) {
        return value == null ? null : value.replace(" ", "");
    }

    /** An optional code, in capitals; when given, it must pass the check. */
    private static String code(
            FieldErrors errors, String field, String value, int max, Predicate<String> valid, String messageKey) {
        String code = FormInput.optional(errors, field, value, max);
        if (code == null) {
            return null;
        }
        code = code.toUpperCase(Locale.ROOT);
        if (!valid.test(code)) {
            errors.reject(field, messageKey);
        }
        return code;
    }

    /** The scheme of an identifier: required when the identifier is given, and one of the known ones. */
    private static String scheme(
            FieldErrors errors, String field, String value, String id, Predicate<String> known, String messageKey) {
        String scheme = FormInput.optional(errors, field, value, 4);
        if (scheme == null) {
            if (id != null) {
                errors.reject(field, "error_scheme_required");
            }
            return null;
        }
        if (!known.test(scheme)) {
            errors.reject(field, messageKey);
        }
        return scheme;
    }
}
