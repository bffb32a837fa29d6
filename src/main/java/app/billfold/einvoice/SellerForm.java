package app.billfold.einvoice;

import app.billfold.biller.BillerSettings;

/** What an admin submits on the e-invoicing settings page. */
public record SellerForm(BusinessDetailsForm details, String iban, String bic, String operationCategory) {

    public static SellerForm of(BillerSettings s) {
        return new SellerForm(
                BusinessDetailsForm.of(s.business),
                s.iban == null ? "" : s.iban,
                s.bic == null ? "" : s.bic,
                s.operationCategory);
    }
}
