package app.billfold.payment;

import app.billfold.invoice.Invoice;
import io.quarkus.qute.TemplateExtension;
import java.util.List;

/**
 * Bills with a bank debit under way: shown as "payment pending", neither paid nor to be charged or
 * reminded again until the processor says how the debit ended (invariant 12).
 */
@TemplateExtension
public class PendingDebits {

    /** {@code invoice.paymentPending} in templates. */
    static boolean paymentPending(Invoice invoice) {
        return covers(invoice.id);
    }

    public static boolean covers(Long invoiceId) {
        return ChargeAttemptInvoice.count(
                        "invoiceId = ?1 and attempt.status in ?2", invoiceId, List.of(ChargeStatus.PROCESSING))
                > 0;
    }
}
