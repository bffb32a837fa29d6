package app.billfold.payment.gateway;

import java.math.BigDecimal;
import java.util.Map;

public record ChargeRequest(
        BigDecimal amount, String currency, String token, String idempotencyKey, Map<String, String> metadata) {}
