package app.billfold.invoice;

import app.billfold.common.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Finding invoices, for clerks (any) and for customers (their own only). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Invoices {

    /** Which of a customer's invoices to list. */
    public enum Filter {
        OPEN(List.of(InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID)),
        PAID(List.of(InvoiceStatus.PAID)),
        ALL(List.of(InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID, InvoiceStatus.VOID));

        final List<InvoiceStatus> statuses;

        Filter(List<InvoiceStatus> statuses) {
            this.statuses = statuses;
        }

        public static Filter parse(String value) {
            for (Filter f : values()) {
                if (f.name().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            return ALL;
        }
    }

    @Inject
    InvoiceRepository invoices;

    public Invoice get(Long id) {
        return invoices.findByIdOptional(id).orElseThrow(() -> new NotFoundException("invoice " + id));
    }

    public List<Invoice> forAccount(Long accountId) {
        return invoices.listForAccount(accountId);
    }

    /** A page of the account's invoices, newest first. */
    public app.billfold.common.Page<Invoice> forAccount(Long accountId, app.billfold.common.Paging paging) {
        return paging.of(invoices.find("account.id = ?1 order by coalesce(issueDate, dueDate) desc, id desc", accountId)
                .range(paging.first(), paging.first() + paging.rows() - 1)
                .list());
    }

    public List<Invoice> payableForAccount(Long accountId) {
        return invoices.listPayableForAccount(accountId);
    }

    /** A page of the customer's bills the filter keeps, newest first. */
    public app.billfold.common.Page<Invoice> forCustomer(
            Long customerId, Filter filter, app.billfold.common.Paging paging) {
        return paging.of(invoices.listIssuedForCustomer(customerId, filter.statuses, paging.first(), paging.rows()));
    }

    /**
     * A customer's own issued invoice by number. Someone else's invoice, a draft or an unknown number
     * all look the same: not found.
     */
    public Invoice forCustomerByNumber(Long customerId, String number) {
        return invoices.findByNumberForCustomer(number, customerId)
                .filter(i -> i.status != InvoiceStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("invoice " + number));
    }
}
