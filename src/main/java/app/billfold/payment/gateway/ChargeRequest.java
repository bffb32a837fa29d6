package app.billfold.payment.gateway;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One charge on a token. A processor that keeps methods under its own customer records (Stripe)
 * also needs that customer's reference and the method's kind; the sandbox needs neither.
 */
public record ChargeRequest(
        BigDecimal amount,
        String currency,
        String token,
        String idempotencyKey,
        Map<String, String> metadata,
        String customerReference,
        MethodKind kind) {

    public ChargeRequest(
            BigDecimal amount, String currency, String token, String idempotencyKey, Map<String, String> metadata) {
        this(amount, currency, token, idempotencyKey, metadata, null, null);
    }
}
