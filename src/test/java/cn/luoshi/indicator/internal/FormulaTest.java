package cn.luoshi.indicator.internal;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormulaTest {

    @Test
    void computesTheFiscalShareAndPerCapitaGdpOfSeed000() {
        Formula share = Formula.parse("FISCAL_TOTAL / GDP * 100");
        assertThat(share.references()).containsExactly("FISCAL_TOTAL", "GDP");
        BigDecimal value = share.evaluate(Map.of("FISCAL_TOTAL", new BigDecimal("263.8"), "GDP",
                new BigDecimal("2160")));
        assertThat(value.setScale(1, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("12.2");

        Formula perCapita = Formula.parse("gdp * 10000 / POPULATION");
        assertThat(perCapita.evaluate(Map.of("GDP", new BigDecimal("2160"), "POPULATION", new BigDecimal("394.68")))
                .setScale(0, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("54728");
    }

    @Test
    void honoursPrecedenceParenthesesAndUnaryMinus() {
        assertThat(Formula.parse("1 + 2 * 3").evaluate(Map.of())).isEqualByComparingTo("7");
        assertThat(Formula.parse("(1 + 2) * 3").evaluate(Map.of())).isEqualByComparingTo("9");
        assertThat(Formula.parse("-A + 10 - 2 - 3").evaluate(Map.of("A", BigDecimal.ONE))).isEqualByComparingTo("4");
        assertThat(Formula.parse("A / B / 2").evaluate(Map.of("A", BigDecimal.TEN, "B", BigDecimal.valueOf(5))))
                .isEqualByComparingTo("1");
    }

    @Test
    void missingInputsAndDivisionByZeroGiveNoValue() {
        Formula share = Formula.parse("FISCAL_TOTAL / GDP * 100");
        assertThat(share.evaluate(Map.of("FISCAL_TOTAL", BigDecimal.ONE))).isNull();
        assertThat(share.evaluate(Map.of("FISCAL_TOTAL", BigDecimal.ONE, "GDP", BigDecimal.ZERO))).isNull();
    }

    @Test
    void refusesAnythingButArithmetic() {
        assertThatThrownBy(() -> Formula.parse("GDP +")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Formula.parse("Runtime.exec('x')")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Formula.parse("(GDP")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Formula.parse("1..2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Formula.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
