package app.billfold.payment.gateway;

import java.math.BigDecimal;

/**
 * The processor's answer, with the amount it charged. A hard failure (stolen card, closed account)
 * must not be retried; a soft one (insufficient funds, processing error) may be.
 */
public record ChargeResult(
        ChargeOutcome outcome, String reference, BigDecimal amount, String declineCode, boolean hardFailure) {

    public static ChargeResult succeeded(String reference, BigDecimal amount) {
        return new ChargeResult(ChargeOutcome.SUCCEEDED, reference, amount, null, false);
    }

    public static ChargeResult declined(String reference, String code, boolean hard) {
        return new ChargeResult(ChargeOutcome.DECLINED, reference, null, code, hard);
    }

    public static ChargeResult notFound() {
        return new ChargeResult(ChargeOutcome.NOT_FOUND, null, null, null, false);
    }

    public boolean succeeded() {
        return outcome == ChargeOutcome.SUCCEEDED;
    }
}
