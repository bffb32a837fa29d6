package app.billfold.invoice;

import app.billfold.account.Account;
import app.billfold.common.Money;
import java.time.LocalDate;

/**
 * What one account owes right now: the sum of its open balances, the next due date still to come
 * (never a past one: those bills are overdue), and what is overdue, since when.
 */
public record AccountBalance(
        Account account,
        Money due,
        LocalDate nextDue,
        int openCount,
        int overdueCount,
        Money overdue,
        LocalDate overdueSince) {

    public boolean isOverdue() {
        return overdueCount > 0;
    }
}
