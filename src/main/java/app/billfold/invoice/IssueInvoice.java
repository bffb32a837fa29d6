package app.billfold.invoice;

import app.billfold.audit.AuditLog;
import app.billfold.biller.Biller;
import app.billfold.common.LocalFormats;
import app.billfold.common.PublicLinks;
import app.billfold.einvoice.IssuedDocuments;
import app.billfold.notify.CustomerNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    @Inject
    CustomerNotice notice;

    @Inject
    CreditNotes creditNotes;

    @Inject
    app.billfold.notify.PrintQueue printQueue;

    @Inject
    PublicLinks links;

    @Inject
    app.billfold.account.AccountRepository accounts;

    @Inject
    IssuedDocuments documents;

    @Transactional
    public Invoice issue(Long invoiceId, String actor) {
        return issueLocked(invoices.lockForChange(invoiceId), actor);
    }

    /**
     * Refuses (InvalidInputException, one message key per problem) a draft whose e-invoice would not
     * pass, as issuing it would: told before the clerk is asked to confirm.
     */
    @Transactional
    public void check(Long invoiceId) {
        Invoice invoice = invoices.findByIdOptional(invoiceId)
                .orElseThrow(() -> new app.billfold.common.NotFoundException("invoice " + invoiceId));
        if (invoice.status == InvoiceStatus.DRAFT) {
            app.billfold.einvoice.EInvoiceCheck.problems(invoice, biller.settings())
                    .throwIfAny();
        }
    }

    /**
     * Issues a draft this very transaction created (the billing run's): no one else can have seen
     * or changed it, so it is not read again; its account is locked as for any issue.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Invoice issueNewDraft(Invoice draft, String actor) {
        accounts.lock(draft.account.id);
        return issueLocked(draft, actor);
    }

    /**
     * Checks a draft this transaction created as {@link #issueNewDraft} would, under its account's
     * lock, without taking a number: the billing run prepares a chunk this way and issues it with
     * {@link #issuePrepared} at its end.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepareNewDraft(Invoice draft) {
        accounts.lock(draft.account.id);
        app.billfold.einvoice.EInvoiceCheck.problems(draft, biller.settings()).throwIfAny();
        draft.requireIssuable(biller.today());
    }

    /**
     * Issues drafts prepared in this transaction, in the given order, with one block of consecutive
     * numbers taken now (the counter stays locked until the transaction ends, so the numbers have
     * no gap and follow the order of issue; a rollback gives the block back whole).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void issuePrepared(List<Invoice> drafts, String actor) {
        Iterator<String> numbers = biller.takeInvoiceNumbers(drafts.size()).iterator();
        LocalDate today = biller.today();
        Instant now = Instant.now(clock);
        for (Invoice invoice : drafts) {
            invoice.issue(numbers::next, today, now);
            afterIssue(invoice, actor);
        }
    }

    private Invoice issueLocked(Invoice invoice, String actor) {
        if (invoice.status == InvoiceStatus.DRAFT) {
            // A business invoice is refused before it takes a number if its e-invoice would not pass.
            app.billfold.einvoice.EInvoiceCheck.problems(invoice, biller.settings())
                    .throwIfAny();
        }
        invoice.issue(biller::takeNextInvoiceNumber, biller.today(), Instant.now(clock));
        return afterIssue(invoice, actor);
    }

    /** What issuing does once the invoice has its number: credit, frozen documents, notice, audit. */
    private Invoice afterIssue(Invoice invoice, String actor) {
        creditNotes.applyAccountCredit(invoice);
        // The documents the customer receives are made now, once, with what the bill says at issue.
        documents.freeze(invoice);
        notifyCustomer(invoice);
        audit.record(actor, "invoice.issue", "invoice:" + invoice.id, invoice.number + " " + invoice.grossTotal);
        return invoice;
    }

    /**
     * A paperless account gets the e-bill on its channels (by e-mail with its PDF), recorded with
     * the issue itself (transactional outbox); a paper account's bill goes to the print queue, and
     * so does a paperless one that no channel can reach any more.
     */
    private void notifyCustomer(Invoice invoice) {
        if (!invoice.account.paperless) {
            printQueue.add(invoice);
            return;
        }
        var customer = invoice.account.customer;
        Locale locale = Locale.forLanguageTag(customer.language);
        var sent = notice.send(
                customer,
                "invoice_issued",
                Map.of(
                        "name", customer.name,
                        "number", invoice.number,
                        "amount", LocalFormats.money(invoice.gross(), locale),
                        "due", LocalFormats.date(invoice.dueDate, locale),
                        "link", links.to("/portal/invoices/" + invoice.number),
                        "invoiceId", String.valueOf(invoice.id)),
                "invoice-issued:" + invoice.id,
                CustomerNotice.ANY);
        if (sent.isEmpty()) {
            printQueue.addUndelivered(invoice.id, null);
        }
    }
}
