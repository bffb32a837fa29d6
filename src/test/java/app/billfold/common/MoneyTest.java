package app.billfold.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void holdsAmountsAtTheCurrencysScaleRoundingHalfUp() {
        assertThat(Money.of("10.005", "EUR").amount()).isEqualByComparingTo("10.01");
        assertThat(Money.of("10.004", "EUR").amount()).isEqualByComparingTo("10.00");
        assertThat(Money.of("10.5", "JPY").amount()).isEqualByComparingTo("11");
        assertThat(Money.of("1.0005", "KWD").amount()).isEqualByComparingTo("1.001");
        assertThat(Money.of("-2.345", "EUR").amount()).isEqualByComparingTo("-2.35");
        assertThat(Money.of("3", "EUR").amount().scale()).isEqualTo(2);
    }

    @Test
    void addsExactlyWhereDoublesWouldNot() {
        Money sum = Money.zero("EUR");
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(Money.of("0.10", "EUR"));
        }
        assertThat(sum).isEqualTo(Money.of(BigDecimal.ONE, "EUR"));
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
