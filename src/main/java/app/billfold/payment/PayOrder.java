package app.billfold.payment;

import app.billfold.payment.gateway.MethodKind;
import java.math.BigDecimal;
import java.util.LinkedHashMap;

/**
 * What a payer asked to pay: how much towards which invoices of one account, with which token.
 * The idempotency key comes from the form, so that a double submit or a reload pays once.
 */
public record PayOrder(
        Long accountId,
        LinkedHashMap<Long, BigDecimal> parts,
        String token,
        MethodKind methodKind,
        String methodLabel,
        ChargePurpose purpose,
        String idempotencyKey,
        String initiatedBy) {

    public BigDecimal total() {
        return parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
