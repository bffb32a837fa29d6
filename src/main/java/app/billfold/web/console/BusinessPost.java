package app.billfold.web.console;

import app.billfold.einvoice.BusinessDetailsForm;
import org.jboss.resteasy.reactive.RestForm;

/** The business-details fields, as the seller and buyer pages post them. */
public class BusinessPost {

    @RestForm
    String street;

    @RestForm
    String postcode;

    @RestForm
    String city;

    @RestForm
    String countryCode;

    @RestForm
    String vatId;

    @RestForm
    String registrationId;

    @RestForm
    String registrationScheme;

    @RestForm
    String endpointId;

    @RestForm
    String endpointScheme;

    BusinessDetailsForm form() {
        return new BusinessDetailsForm(
                street,
                postcode,
                city,
                countryCode,
                vatId,
                registrationId,
                registrationScheme,
                endpointId,
                endpointScheme);
    }
}
