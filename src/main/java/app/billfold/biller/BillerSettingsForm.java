package app.billfold.biller;

/** What an admin submits on the biller settings page. */
public record BillerSettingsForm(
        String legalName,
        String address,
        String taxId,
        String currency,
        String timeZone,
        String invoicePrefix,
        String supportEmail,
        String supportPhone,
        String brandColour,
        byte[] logo,
        String logoContentType,
        boolean removeLogo,
        String reminderDays,
        String reminderSmsDays) {

    public static BillerSettingsForm of(BillerSettings s) {
        return new BillerSettingsForm(
                s.legalName,
                s.address,
                s.taxId,
                s.currency,
                s.timeZone,
                s.invoicePrefix,
                s.supportEmail,
                s.supportPhone,
                s.brandColour,
                null,
                null,
                false,
                s.reminderDays,
                s.reminderSmsDays);
    }
}
