package app.billfold.einvoice;

import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import java.util.Locale;
import java.util.Set;
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

    static String optional(FieldErrors errors, String field, String value, int max) {
        String text = FormInput.text(errors, field, value, false, max);
        return text == null || text.isEmpty() ? null : text;
    }

    static String country(FieldErrors errors, String field, String value) {
        String code = optional(errors, field, value, 100);
        if (code == null) {
            return null;
        }
        code = code.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            errors.reject(field, "error_country");
        }
        return code;
    }

    static String vatId(FieldErrors errors, String field, String value) {
        String id = optional(errors, field, value == null ? null : value.replace(" ", ""), 30);
        if (id == null) {
            return null;
        }
        id = id.toUpperCase(Locale.ROOT);
        if (!VAT_ID.matcher(id).matches()) {
            errors.reject(field, "error_vat_id");
        }
        return id;
    }

    /** The ISO 6523 scheme of a registration id: needed with an id, four digits. */
    static String icd(FieldErrors errors, String field, String value, String id) {
        String scheme = optional(errors, field, value, 4);
        if (scheme == null) {
            if (id != null) {
                errors.reject(field, "error_scheme_required");
            }
            return null;
        }
        if (!ICD.matcher(scheme).matches()) {
            errors.reject(field, "error_icd");
        }
        return scheme;
    }

    /** The scheme of an electronic address: needed with an address, from the Peppol EAS list. */
    static String eas(FieldErrors errors, String field, String value, String id) {
        String scheme = optional(errors, field, value, 4);
        if (scheme == null) {
            if (id != null) {
                errors.reject(field, "error_scheme_required");
            }
            return null;
        }
        if (!ElectronicAddressSchemes.isKnown(scheme)) {
            errors.reject(field, "error_eas");
        }
        return scheme;
    }

    static String iban(FieldErrors errors, String field, String value) {
        String iban = optional(errors, field, value == null ? null : value.replace(" ", ""), 34);
        if (iban == null) {
            return null;
        }
        iban = iban.toUpperCase(Locale.ROOT);
        if (!IBANValidator.getInstance().isValid(iban) || !IBANCheckDigit.IBAN_CHECK_DIGIT.isValid(iban)) {
            errors.reject(field, "error_iban");
        }
        return iban;
    }

    static String bic(FieldErrors errors, String field, String value) {
        String bic = optional(errors, field, value == null ? null : value.replace(" ", ""), 11);
        if (bic == null) {
            return null;
        }
        bic = bic.toUpperCase(Locale.ROOT);
        if (!BIC.matcher(bic).matches()) {
            errors.reject(field, "error_bic");
        }
        return bic;
    }
}
