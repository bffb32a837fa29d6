package app.billfold.account;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, Long> {

    public Optional<Account> findByNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    public List<Account> listForCustomer(Long customerId) {
        return list("customer.id = ?1 order by number", customerId);
    }

    /**
     * Takes the per-account lock. Issuing invoices and recording payments for one account take it
     * first, so that they never interleave on that account's balances.
     */
    public Account lock(Long accountId) {
        return findByIdOptional(accountId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new app.billfold.common.NotFoundException("account " + accountId));
    }
}
