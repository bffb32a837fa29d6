package app.billfold.invoice;

import app.billfold.account.Account;
import app.billfold.common.Money;
import java.time.LocalDate;

/**
 * What one account owes right now: the sum of its open balances, the next due date still to come
 * (never a past one: those bills are overdue), what is overdue, since when, and the account's
 * credit (credit notes' and payments' money no bill took yet), which its next bills take on issue.
 */
public record AccountBalance(
        Account account,
        Money due,
        LocalDate nextDue,
        int openCount,
        int overdueCount,
        Money overdue,
        LocalDate overdueSince,
        Money credit) {

    public boolean hasCredit() {
        return credit.amount().signum() > 0;
    }

    public boolean isOverdue() {
        return overdueCount > 0;
    }
}
