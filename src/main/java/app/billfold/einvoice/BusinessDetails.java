package app.billfold.einvoice;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What an e-invoice says about a business party (EN 16931 BG-4 seller or BG-7 buyer): postal
 * address with country, VAT id, legal registration id with its scheme, and the electronic address
 * (Peppol participant) with its scheme. The same columns on the biller and on business customers.
 */
@Embeddable
public class BusinessDetails {

    public String street;
    public String postcode;
    public String city;

    /** ISO 3166-1 alpha-2. */
    @Column(name = "country_code")
    public String countryCode;

    @Column(name = "vat_id")
    public String vatId;

    /** E.g. a SIREN; its scheme is an ISO 6523 ICD such as 0002. */
    @Column(name = "registration_id")
    public String registrationId;

    @Column(name = "registration_scheme")
    public String registrationScheme;

    /** The electronic address (BT-34/BT-49); its scheme is a Peppol EAS code. */
    @Column(name = "endpoint_id")
    public String endpointId;

    @Column(name = "endpoint_scheme")
    public String endpointScheme;

    public boolean hasVatId() {
        return vatId != null && !vatId.isBlank();
    }

    public boolean hasCountry() {
        return countryCode != null && !countryCode.isBlank();
    }

    /**
     * The electronic address to publish: the one given, else the legal registration id when its
     * scheme is also an electronic address scheme (a French SIREN is both, under 0002).
     */
    public String[] endpoint() {
        if (endpointId != null && !endpointId.isBlank()) {
            return new String[] {endpointScheme, endpointId};
        }
        if (registrationId != null && ElectronicAddressSchemes.isKnown(registrationScheme)) {
            return new String[] {registrationScheme, registrationId};
        }
        return null;
    }
}
