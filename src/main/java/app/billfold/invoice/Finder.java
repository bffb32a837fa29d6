package app.billfold.invoice;

import app.billfold.account.Account;
import app.billfold.account.Customer;
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

    static final int LIMIT = 50;

    /** What a term names exactly, to open without a list. */
    public record Exact(Kind kind, Long id) {
        public enum Kind {
            INVOICE,
            ACCOUNT,
            CUSTOMER
        }
    }

    public record Found(List<Customer> customers, List<Account> accounts, List<Invoice> invoices) {
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

    /** Everything the term is part of, each list by name or number, at most 50 of each. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Found search(String term) {
        String t = term == null ? "" : term.strip();
        if (t.isEmpty()) {
            return new Found(List.of(), List.of(), List.of());
        }
        String like = "%"
                + t.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        List<Customer> customers = em.createQuery(
                        "select c from Customer c where lower(c.name) like :like escape '\\'"
                                + " or lower(c.email) like :like escape '\\' or lower(c.phone) like :like escape '\\'"
                                + " order by c.name",
                        Customer.class)
                .setParameter("like", like)
                .setMaxResults(LIMIT)
                .getResultList();
        List<Account> accounts = em.createQuery(
                        "select a from Account a join fetch a.customer where lower(a.number) like :like escape '\\'"
                                + " or lower(a.serviceAddress) like :like escape '\\'"
                                + " or lower(a.postcode) like :like escape '\\' order by a.number",
                        Account.class)
                .setParameter("like", like)
                .setMaxResults(LIMIT)
                .getResultList();
        List<Invoice> invoices = em.createQuery(
                        "select i from Invoice i join fetch i.account a join fetch a.customer"
                                + " where lower(i.number) like :like escape '\\' order by i.number desc",
                        Invoice.class)
                .setParameter("like", like)
                .setMaxResults(LIMIT)
                .getResultList();
        return new Found(customers, accounts, invoices);
    }
}
