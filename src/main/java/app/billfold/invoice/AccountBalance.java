package app.billfold.invoice;

import app.billfold.account.Account;
import app.billfold.common.Money;
import java.time.LocalDate;

/** What one account owes right now: the sum of its open balances, the next due date, overdue bills. */
public record AccountBalance(Account account, Money due, LocalDate nextDue, int openCount, int overdueCount) {

    public boolean isOverdue() {
        return overdueCount > 0;
    }
}
