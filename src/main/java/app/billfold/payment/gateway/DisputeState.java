package app.billfold.payment.gateway;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payer's dispute as the processor holds it now: the charge it is about (the reference Billfold
 * keeps on the payment), the amount taken back, the reason, and whether it is open, won or lost.
 */
public record DisputeState(
        String reference,
        String chargeReference,
        BigDecimal amount,
        String currency,
        String reason,
        String processorStatus,
        Instant evidenceDueBy) {

    /** The processor's statuses that close a dispute in the biller's favour (the money comes back). */
    public boolean won() {
        return "won".equals(processorStatus) || "warning_closed".equals(processorStatus);
    }

    public boolean lost() {
        return "lost".equals(processorStatus);
    }
}
