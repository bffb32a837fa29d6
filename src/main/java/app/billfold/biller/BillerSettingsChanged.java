package app.billfold.biller;

/** Fired when an admin saves the biller settings, so that cached copies can be refreshed. */
public record BillerSettingsChanged() {}
