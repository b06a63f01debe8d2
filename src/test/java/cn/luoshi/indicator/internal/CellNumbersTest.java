package cn.luoshi.indicator.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellNumbersTest {

    @Test
    void readsNumbersAsTablesWriteThem() {
        assertThat(CellNumbers.parse("2160").value()).isEqualByComparingTo("2160");
        assertThat(CellNumbers.parse("2,160").value()).isEqualByComparingTo("2160");
        assertThat(CellNumbers.parse("1,234,567.89").value()).isEqualByComparingTo("1234567.89");
        assertThat(CellNumbers.parse("12.2%")).isEqualTo(new CellNumbers.CellNumber(new java.math.BigDecimal("12.2"),
                true));
        assertThat(CellNumbers.parse("-3.5").value()).isEqualByComparingTo("-3.5");
        assertThat(CellNumbers.parse("−3.5").value()).isEqualByComparingTo("-3.5");
        assertThat(CellNumbers.parse("＋５.２").value()).isEqualByComparingTo("5.2");
        assertThat(CellNumbers.parse(" 263.8 ").value()).isEqualByComparingTo("263.8");
        assertThat(CellNumbers.parse(".5").value()).isEqualByComparingTo("0.5");
    }

    @Test
    void refusesWhatIsNotAPlainNumber() {
        assertThat(CellNumbers.parse("约2160")).isNull();
        assertThat(CellNumbers.parse("2160亿元")).isNull();
        assertThat(CellNumbers.parse("2,16,0")).isNull();
        assertThat(CellNumbers.parse("")).isNull();
        assertThat(CellNumbers.parse("1e5")).isNull();
        assertThat(CellNumbers.isNoFigure("—")).isTrue();
        assertThat(CellNumbers.isNoFigure("")).isTrue();
        assertThat(CellNumbers.isNoFigure("0")).isFalse();
    }
}
