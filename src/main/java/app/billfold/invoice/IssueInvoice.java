package app.billfold.invoice;

import app.billfold.audit.AuditLog;
import app.billfold.biller.Biller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Issues a draft: gives it the next number and today's date, and opens it for payment. */
@ApplicationScoped
public class IssueInvoice {

    @Inject
    InvoiceRepository invoices;

    @Inject
    Biller biller;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public Invoice issue(Long invoiceId, String actor) {
        Invoice invoice = invoices.lockForChange(invoiceId);
        invoice.issue(biller::takeNextInvoiceNumber, biller.today(), Instant.now(clock));
        audit.record(actor, "invoice.issue", "invoice:" + invoice.id, invoice.number + " " + invoice.grossTotal);
        return invoice;
    }
}
