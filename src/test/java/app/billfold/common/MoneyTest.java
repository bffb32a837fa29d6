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
    void lateFeesAndSharesByDaysRoundOnceAtTheCurrencysScale() {
        assertThat(Money.percentOf(new BigDecimal("123.45"), new BigDecimal("1.5"), "EUR"))
                .isEqualByComparingTo("1.85"); // 1.85175
        assertThat(Money.percentOf(new BigDecimal("1999"), new BigDecimal("2.5"), "JPY"))
                .isEqualByComparingTo("50"); // 49.975
        assertThat(Money.share(new BigDecimal("100"), 10, 31, "EUR")).isEqualByComparingTo("32.26");
        assertThat(Money.share(new BigDecimal("1000"), 1, 3, "JPY")).isEqualByComparingTo("333");
        assertThat(Money.share(new BigDecimal("0.05"), 1, 2, "EUR")).isEqualByComparingTo("0.03");
        assertThatThrownBy(() -> Money.share(BigDecimal.ONE, 1, 0, "EUR")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
