package app.billfold.web.common;

import app.billfold.biller.Biller;
import app.billfold.notify.ContactPreferences;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/**
 * The lists a form offers instead of a free-text box (currencies, time zones), named in the
 * reader's language and ordered so the likely choice comes first: a customer of a Paris biller
 * finds Europe/… at the top of the time-zone list.
 */
@RequestScoped
@Named("choices")
public class Choices {

    /** One currency as offered: its ISO code and its name in the reader's language. */
    public record CurrencyChoice(String code, String name) {}

    private static final List<String> CURRENCY_CODES = Currency.getAvailableCurrencies().stream()
            // Funds, metals and testing codes (XAU, XTS, …) are no currency a bill is paid in.
            .filter(c -> !c.getCurrencyCode().startsWith("X") && c.getDefaultFractionDigits() >= 0)
            .map(Currency::getCurrencyCode)
            .sorted()
            .toList();

    @Inject
    RequestLocale locale;

    @Inject
    Biller biller;

    /** The currency amounts are typed in on a form: the biller's. */
    public String currency() {
        return biller.settings().currency;
    }

    /** Every currency, with the one chosen now kept even if it is no longer in the list. */
    public List<CurrencyChoice> currencies(String current) {
        List<String> codes = new ArrayList<>(CURRENCY_CODES);
        if (current != null && !current.isBlank() && !codes.contains(current)) {
            codes.add(0, current);
        }
        return codes.stream().map(this::named).toList();
    }

    private CurrencyChoice named(String code) {
        try {
            return new CurrencyChoice(code, Currency.getInstance(code).getDisplayName(locale.locale()));
        } catch (IllegalArgumentException e) {
            return new CurrencyChoice(code, code);
        }
    }

    /** The tz regions a person picks from, those of the biller's own region first. */
    public List<String> zones() {
        return zonesNear(biller.settings().timeZone);
    }

    /** As {@link #zones()}, keeping a zone chosen earlier (such as UTC) that is not a region. */
    public List<String> zones(String current) {
        List<String> zones = new ArrayList<>(zones());
        if (current != null && !current.isBlank() && !zones.contains(current)) {
            zones.add(0, current);
        }
        return zones;
    }

    static List<String> zonesNear(String billerZone) {
        String region = billerZone == null || !billerZone.contains("/")
                ? ""
                : billerZone.substring(0, billerZone.indexOf('/') + 1);
        List<String> ordered = new ArrayList<>(ContactPreferences.ZONES);
        ordered.sort(Comparator.comparing((String z) -> region.isEmpty() || !z.startsWith(region))
                .thenComparing(Comparator.naturalOrder()));
        return ordered;
    }
}
