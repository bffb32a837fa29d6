package app.billfold.invoice;

import app.billfold.account.Account;
import app.billfold.account.AccountRepository;
import app.billfold.biller.Biller;
import app.billfold.common.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The customer's dashboard figures, computed from the open invoices of each account. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccountBalances {

    @Inject
    AccountRepository accounts;

    @Inject
    InvoiceRepository invoices;

    @Inject
    Biller biller;

    @Inject
    CreditNotes creditNotes;

    public List<AccountBalance> forCustomer(Long customerId) {
        String currency = biller.settings().currency;
        LocalDate today = biller.today();
        List<AccountBalance> result = new ArrayList<>();
        for (Account account : accounts.listForCustomer(customerId)) {
            result.add(of(account, currency, today));
        }
        return result;
    }

    public AccountBalance forAccount(Account account) {
        return of(account, biller.settings().currency, biller.today());
    }

    private AccountBalance of(Account account, String currency, LocalDate today) {
        Money due = Money.zero(currency);
        Money late = Money.zero(currency);
        LocalDate nextDue = null;
        LocalDate lateSince = null;
        int open = 0;
        int overdue = 0;
        for (Invoice invoice : invoices.listPayableForAccount(account.id)) {
            due = due.plus(invoice.balanceDue());
            open++;
            if (invoice.isOverdue(today)) {
                overdue++;
                late = late.plus(invoice.balanceDue());
                if (lateSince == null || invoice.dueDate.isBefore(lateSince)) {
                    lateSince = invoice.dueDate;
                }
            } else if (nextDue == null || invoice.dueDate.isBefore(nextDue)) {
                nextDue = invoice.dueDate;
            }
        }
        Money credit = Money.of(Money.round(creditNotes.available(account.id), currency), currency);
        return new AccountBalance(account, due, nextDue, open, overdue, late, lateSince, credit);
    }
}
