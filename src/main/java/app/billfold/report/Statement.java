package app.billfold.report;

import app.billfold.common.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * One account's statement for a period: what it owed at the start (net of unused credit), every
 * movement in date order with the balance after it, and what it owed at the end. A positive balance
 * is owed by the customer, a negative one is credit the biller owes them. The figures are those of
 * the ledger, as the aging report and the ledger check rebuild them for any day.
 */
public record Statement(
        Long accountId,
        String accountNumber,
        String serviceAddress,
        String customerName,
        String currency,
        LocalDate from,
        LocalDate to,
        Money opening,
        List<Line> lines,
        Money closing) {

    /** What moved the balance. */
    public enum Kind {
        BILL,
        CREDIT_NOTE,
        WRITE_OFF,
        PAYMENT,
        REFUND,
        CREDIT_REFUNDED,
        PAYMENT_REVERSED,
        BILL_VOIDED;

        /** The message key of its name on pages and PDFs. */
        public String label() {
            return "statement_kind_" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One movement: {@code amount} raises what is owed when positive (a bill, a refund) and lowers
     * it when negative (a payment, a credit note); {@code balance} is the balance after it.
     */
    public record Line(LocalDate date, Kind kind, String reference, Money amount, Money balance) {

        /** Whether the reference is a bill's number (the page links to the bill). */
        public boolean isBill() {
            return kind == Kind.BILL || kind == Kind.BILL_VOIDED;
        }

        public boolean isCharge() {
            return amount.amount().signum() > 0;
        }

        /** The amount without its sign, for the charges or the credits column. */
        public Money size() {
            return Money.of(amount.amount().abs(), amount.currency().getCurrencyCode());
        }
    }
}
