package app.billfold.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in one currency, always held at the currency's scale. This is the one place where
 * Billfold rounds money: half-up to the currency's minor unit.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(scaleOf(currency), ROUNDING);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currency));
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, Currency.getInstance(currency));
    }

    public static Money zero(String currency) {
        return of(BigDecimal.ZERO, currency);
    }

    /** Rounds an exact amount (for example quantity times unit price) to the currency's scale. */
    public static BigDecimal round(BigDecimal exact, String currency) {
        return exact.setScale(scaleOf(Currency.getInstance(currency)), ROUNDING);
    }

    /** A percentage of an amount (a late fee of 1.5 % of the balance), rounded once. */
    public static BigDecimal percentOf(BigDecimal base, BigDecimal percent, String currency) {
        return round(base.multiply(percent).divide(BigDecimal.valueOf(100)), currency);
    }

    /**
     * The share of an amount for {@code part} out of {@code whole} (days of a period billed in
     * part), rounded once from the exact quotient.
     */
    public static BigDecimal share(BigDecimal amount, long part, long whole, String currency) {
        if (whole <= 0) {
            throw new IllegalArgumentException("whole must be positive: " + whole);
        }
        BigDecimal exact = amount.multiply(BigDecimal.valueOf(part))
                .divide(BigDecimal.valueOf(whole), java.math.MathContext.DECIMAL128);
        return round(exact, currency);
    }

    public static int scaleOf(String currency) {
        return scaleOf(Currency.getInstance(currency));
    }

    public static int scaleOf(Currency currency) {
        // Currencies without minor units report -1 (pseudo-currencies); treat them as whole units.
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Currency mismatch: " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
