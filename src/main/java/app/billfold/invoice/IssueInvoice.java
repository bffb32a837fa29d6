package app.billfold.invoice;

import app.billfold.account.AccountRepository;
import app.billfold.audit.AuditLog;
import app.billfold.biller.Biller;
import app.billfold.common.NotFoundException;
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
    AccountRepository accounts;

    @Inject
    Biller biller;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public Invoice issue(Long invoiceId, String actor) {
        Invoice invoice =
                invoices.findByIdOptional(invoiceId).orElseThrow(() -> new NotFoundException("invoice " + invoiceId));
        accounts.lock(invoice.account.id);
        invoices.getEntityManager().refresh(invoice);
        invoice.issue(biller::takeNextInvoiceNumber, biller.today(), Instant.now(clock));
        audit.record(actor, "invoice.issue", "invoice:" + invoice.id, invoice.number + " " + invoice.grossTotal);
        return invoice;
    }
}
