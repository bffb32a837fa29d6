package app.billfold.invoice;

import app.billfold.account.AccountRepository;
import app.billfold.common.NotFoundException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<Invoice, Long> {

    @Inject
    AccountRepository accounts;

    /**
     * The invoice, read fresh after taking its account's lock: the state a change (issue, void)
     * may rely on until the transaction ends.
     */
    public Invoice lockForChange(Long id) {
        Invoice invoice = findByIdOptional(id).orElseThrow(() -> new NotFoundException("invoice " + id));
        accounts.lock(invoice.account.id);
        getEntityManager().refresh(invoice);
        return invoice;
    }

    public Optional<Invoice> findByNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    /** The invoice with this number, only if it belongs to one of the customer's accounts. */
    public Optional<Invoice> findByNumberForCustomer(String number, Long customerId) {
        return find("number = ?1 and account.customer.id = ?2", number, customerId)
                .firstResultOptional();
    }

    public List<Invoice> listForAccount(Long accountId) {
        return list("account.id = ?1 order by coalesce(issueDate, dueDate) desc, id desc", accountId);
    }

    /** A customer's issued invoices (never drafts), newest first, optionally limited to some statuses. */
    /** A page of a customer's invoices in the given states, newest first, read as a page. */
    public List<Invoice> listIssuedForCustomer(Long customerId, List<InvoiceStatus> statuses, int first, int rows) {
        return find("account.customer.id = ?1 and status in ?2 order by issueDate desc, id desc", customerId, statuses)
                .range(first, first + rows - 1)
                .list();
    }

    /** Open and partly paid invoices of an account, oldest due first: the order payments settle them. */
    public List<Invoice> listPayableForAccount(Long accountId) {
        return list(
                "account.id = ?1 and status in ?2 order by dueDate, id",
                accountId,
                List.of(InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID));
    }
}
