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

    /** One of the customer's own accounts; anyone else's is not found, as an unknown one is. */
    public Account findOwnedBy(Long accountId, Long customerId) {
        return ownedBy(findByIdOptional(accountId), accountId, customerId);
    }

    /** {@link #findOwnedBy} under the per-account lock, for a change the customer makes. */
    public Account lockOwnedBy(Long accountId, Long customerId) {
        return ownedBy(findByIdOptional(accountId, LockModeType.PESSIMISTIC_WRITE), accountId, customerId);
    }

    private static Account ownedBy(Optional<Account> account, Long accountId, Long customerId) {
        return account.filter(a -> a.customer.id.equals(customerId))
                .orElseThrow(() -> new app.billfold.common.NotFoundException("account " + accountId));
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
