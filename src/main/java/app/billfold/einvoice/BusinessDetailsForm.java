package app.billfold.einvoice;

import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;

/** The business details as typed on the biller's e-invoicing page or a business customer's page. */
public record BusinessDetailsForm(
        String street,
        String postcode,
        String city,
        String countryCode,
        String vatId,
        String registrationId,
        String registrationScheme,
        String endpointId,
        String endpointScheme) {

    public static BusinessDetailsForm of(BusinessDetails d) {
        return d == null
                ? new BusinessDetailsForm("", "", "", "", "", "", "", "", "")
                : new BusinessDetailsForm(
                        d.street,
                        d.postcode,
                        d.city,
                        d.countryCode,
                        d.vatId,
                        d.registrationId,
                        d.registrationScheme,
                        d.endpointId,
                        d.endpointScheme);
    }

    /**
     * Reads and checks the form into details; every field is optional on its own (what an invoice
     * needs is checked when it is issued), but what is given must be well-formed.
     */
    public BusinessDetails read(FieldErrors errors) {
        BusinessDetails d = new BusinessDetails();
        d.street = FormInput.optional(errors, "street", street, 200);
        d.postcode = FormInput.optional(errors, "postcode", postcode, 20);
        d.city = FormInput.optional(errors, "city", city, 100);
        d.countryCode = BusinessRules.country(errors, "countryCode", countryCode);
        d.vatId = BusinessRules.vatId(errors, "vatId", vatId);
        d.registrationId = FormInput.optional(errors, "registrationId", registrationId, 50);
        d.registrationScheme = BusinessRules.icd(errors, "registrationScheme", registrationScheme, d.registrationId);
        d.endpointId = FormInput.optional(errors, "endpointId", endpointId, 100);
        d.endpointScheme = BusinessRules.eas(errors, "endpointScheme", endpointScheme, d.endpointId);
        return d;
    }
}
