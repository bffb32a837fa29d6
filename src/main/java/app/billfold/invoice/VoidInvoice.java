package app.billfold.invoice;

import app.billfold.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Voids an issued invoice on which nothing has been paid. Its number stays used. */
@ApplicationScoped
public class VoidInvoice {

    @Inject
    InvoiceRepository invoices;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public Invoice voidInvoice(Long invoiceId, String actor) {
        Invoice invoice = invoices.lockForChange(invoiceId);
        invoice.voidInvoice(Instant.now(clock));
        audit.record(actor, "invoice.void", "invoice:" + invoice.id, invoice.number);
        return invoice;
    }
}
