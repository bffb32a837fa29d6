package app.billfold.payment.gateway;

import java.math.BigDecimal;

/** The processor's answer to a refund, with the amount it gives back (the first, for a repeated key). */
public record RefundResult(RefundOutcome outcome, String reference, BigDecimal amount, String declineCode) {

    public static RefundResult succeeded(String reference, BigDecimal amount) {
        return new RefundResult(RefundOutcome.SUCCEEDED, reference, amount, null);
    }

    public static RefundResult failed(String reference, String code) {
        return new RefundResult(RefundOutcome.FAILED, reference, null, code);
    }

    public boolean succeeded() {
        return outcome == RefundOutcome.SUCCEEDED;
    }
}
