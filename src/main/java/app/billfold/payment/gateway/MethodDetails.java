package app.billfold.payment.gateway;

/** What may be kept about a method: its token, kind, brand, last four digits and expiry. */
public record MethodDetails(
        String token, MethodKind kind, String brand, String last4, Integer expMonth, Integer expYear) {}
