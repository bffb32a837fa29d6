package app.billfold.account;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, Long> {

    /**
     * Customers whose name or e-mail contains the term, or who own an account with that number or
     * were billed on an invoice with that number.
     */
    public List<Customer> search(String term, int limit) {
        String like = "%"
                + term.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        return find(
                        "select distinct c from Customer c where lower(c.name) like ?1 escape '\\' "
                                + "or lower(c.email) like ?1 escape '\\' "
                                + "or exists (select 1 from Account a where a.customer = c and upper(a.number) = ?2) "
                                + "or exists (select 1 from Invoice i where i.account.customer = c and upper(i.number) = ?2) "
                                + "order by c.name",
                        like,
                        term.toUpperCase(Locale.ROOT))
                .page(Page.ofSize(limit))
                .list();
    }

    public List<Customer> recent(int limit) {
        return find("order by createdAt desc, id desc").page(Page.ofSize(limit)).list();
    }
}
