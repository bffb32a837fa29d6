package app.billfold.common;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How amounts, dates and rates are written for a reader in a given locale (pages and PDFs alike). */
public final class LocalFormats {

    private LocalFormats() {}

    public static String money(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        int scale = Money.scaleOf(money.currency());
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        return format.format(money.amount());
    }

    /**
     * A unit price as money in the reader's notation, with at least the currency's decimals and as
     * many more as were entered (a price per kWh of 0.1234 stays exact): never rounded for print.
     */
    public static String unitPrice(BigDecimal price, String currency, Locale locale) {
        java.util.Currency unit = java.util.Currency.getInstance(currency);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(unit);
        int scale = Math.max(
                Money.scaleOf(unit), Math.max(price.stripTrailingZeros().scale(), 0));
        format.setMinimumFractionDigits(Money.scaleOf(unit));
        format.setMaximumFractionDigits(scale);
        return format.format(price);
    }

    public static String date(LocalDate date, Locale locale) {
        return date == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .format(date);
    }

    /** A quantity or unit price exactly as entered, without trailing zeros, in the reader's notation. */
    public static String number(BigDecimal value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        BigDecimal plain = value.stripTrailingZeros();
        format.setMinimumFractionDigits(Math.max(plain.scale(), 0));
        format.setMaximumFractionDigits(Math.max(plain.scale(), 0));
        return format.format(plain);
    }

    public static String percent(BigDecimal rate, Locale locale) {
        return number(rate, locale) + "\u00a0%";
    }
}
