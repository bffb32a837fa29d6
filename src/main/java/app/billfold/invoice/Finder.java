package app.billfold.invoice;

import app.billfold.account.Account;
import app.billfold.account.Customer;
import app.billfold.common.Page;
import app.billfold.common.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds anything a clerk may type in one box: a customer's name or e-mail, an account number or any
 * part of it, a service address or postcode, an invoice number or any part of it. A term that is
 * exactly one invoice number, account number or e-mail address is a match to go straight to.
 */
@ApplicationScoped
public class Finder {

    /** What a term names exactly, to open without a list. */
    public record Exact(Kind kind, Long id) {
        public enum Kind {
            INVOICE,
            ACCOUNT,
            CUSTOMER
        }
    }

    /** One page of each list; {@code hasNext}: one of them goes on past this page. */
    public record Found(List<Customer> customers, List<Account> accounts, List<Invoice> invoices, Page<?> page) {
        public boolean isEmpty() {
            return customers.isEmpty() && accounts.isEmpty() && invoices.isEmpty();
        }
    }

    @jakarta.inject.Inject
    EntityManager em;

    /** The one invoice, account or customer the term names exactly, if it names one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Exact> exact(String term) {
        String t = term == null ? "" : term.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String upper = t.toUpperCase(Locale.ROOT);
        List<Long> invoice = em.createQuery("select i.id from Invoice i where upper(i.number) = :t", Long.class)
                .setParameter("t", upper)
                .getResultList();
        if (invoice.size() == 1) {
            return Optional.of(new Exact(Exact.Kind.INVOICE, invoice.get(0)));
        }
        List<Long> account = em.createQuery("select a.id from Account a where upper(a.number) = :t", Long.class)
                .setParameter("t", upper)
                .getResultList();
        if (account.size() == 1) {
            return Optional.of(new Exact(Exact.Kind.ACCOUNT, account.get(0)));
        }
        List<Long> customer = em.createQuery("select c.id from Customer c where lower(c.email) = :t", Long.class)
                .setParameter("t", t.toLowerCase(Locale.ROOT))
                .getResultList();
        if (customer.size() == 1) {
            return Optional.of(new Exact(Exact.Kind.CUSTOMER, customer.get(0)));
        }
        return Optional.empty();
    }

    /**
     * A page of everything the term is part of, each list by name or number; with no term, the
     * customers, newest first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Found search(String term, Paging paging) {
        String t = term == null ? "" : term.strip();
        if (t.isEmpty()) {
            Page<Customer> newest = paging.of(
                    em.createQuery("select c from Customer c order by c.createdAt desc, c.id desc", Customer.class)
                            .setFirstResult(paging.first())
                            .setMaxResults(paging.rows())
                            .getResultList());
            return new Found(newest.items(), List.of(), List.of(), newest);
        }
        String like = "%"
                + t.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        Page<Customer> customers = paging.of(em.createQuery(
                        "select c from Customer c where lower(c.name) like :like escape '\\'"
                                + " or lower(c.email) like :like escape '\\' or lower(c.phone) like :like escape '\\'"
                                + " order by c.name, c.id",
                        Customer.class)
                .setParameter("like", like)
                .setFirstResult(paging.first())
                .setMaxResults(paging.rows())
                .getResultList());
        Page<Account> accounts = paging.of(em.createQuery(
                        "select a from Account a join fetch a.customer where lower(a.number) like :like escape '\\'"
                                + " or lower(a.serviceAddress) like :like escape '\\'"
                                + " or lower(a.postcode) like :like escape '\\' order by a.number",
                        Account.class)
                .setParameter("like", like)
                .setFirstResult(paging.first())
                .setMaxResults(paging.rows())
                .getResultList());
        Page<Invoice> invoices = paging.of(em.createQuery(
                        "select i from Invoice i join fetch i.account a join fetch a.customer"
                                + " where lower(i.number) like :like escape '\\' order by i.number desc",
                        Invoice.class)
                .setParameter("like", like)
                .setFirstResult(paging.first())
                .setMaxResults(paging.rows())
                .getResultList());
        Page<?> page =
                new Page<>(List.of(), paging.number(), customers.hasNext() || accounts.hasNext() || invoices.hasNext());
        return new Found(customers.items(), accounts.items(), invoices.items(), page);
    }
}
