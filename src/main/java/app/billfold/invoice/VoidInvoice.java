package app.billfold.invoice;

import app.billfold.account.AccountRepository;
import app.billfold.audit.AuditLog;
import app.billfold.common.NotFoundException;
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
    AccountRepository accounts;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public Invoice voidInvoice(Long invoiceId, String actor) {
        Invoice invoice =
                invoices.findByIdOptional(invoiceId).orElseThrow(() -> new NotFoundException("invoice " + invoiceId));
        accounts.lock(invoice.account.id);
        invoices.getEntityManager().refresh(invoice);
        invoice.voidInvoice(Instant.now(clock));
        audit.record(actor, "invoice.void", "invoice:" + invoice.id, invoice.number);
        return invoice;
    }
}
