package app.billfold.payment.gateway;

import java.util.Map;

/** A card or bank account to be saved for later on the processor's own page (no payment now). */
public record HostedSetupRequest(
        String idempotencyKey,
        String customerReference,
        MethodKind kind,
        String currency,
        Map<String, String> metadata,
        String returnUrl,
        String cancelUrl) {}
