package app.billfold.payment.gateway;

import java.math.BigDecimal;

/** The processor's answer to a refund, with the amount it gave back (the first, for a repeated key). */
public record RefundResult(boolean succeeded, String reference, BigDecimal amount, String declineCode) {}
