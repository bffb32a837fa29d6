package app.billfold.payment.gateway;

/**
 * What may be kept about a method: its token, kind, brand, last four digits and expiry, and the
 * processor's fingerprint, the same for every token of one card or bank account (null when the
 * processor gives none), by which the same card typed again is recognised.
 */
public record MethodDetails(
        String token,
        MethodKind kind,
        String brand,
        String last4,
        Integer expMonth,
        Integer expYear,
        String fingerprint) {

    public MethodDetails(String token, MethodKind kind, String brand, String last4, Integer expMonth, Integer expYear) {
        this(token, kind, brand, last4, expMonth, expYear, null);
    }
}
