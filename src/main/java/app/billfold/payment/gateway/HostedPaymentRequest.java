package app.billfold.payment.gateway;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One payment to be made on the processor's own page. {@code customerReference} is set when the
 * method is to be kept for later (saved or autopay); the payer comes back to {@code returnUrl}.
 */
public record HostedPaymentRequest(
        String idempotencyKey,
        BigDecimal amount,
        String currency,
        MethodKind kind,
        String customerReference,
        String email,
        String description,
        Map<String, String> metadata,
        String returnUrl,
        String cancelUrl) {}
