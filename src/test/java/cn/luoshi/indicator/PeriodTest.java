package cn.luoshi.indicator;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

    @Test
    void parsesTheFourCanonicalForms() {
        assertThat(Period.parse("2025")).isEqualTo(Period.year(2025));
        assertThat(Period.parse("2025H1")).isEqualTo(Period.half(2025, 1));
        assertThat(Period.parse("2025q2")).isEqualTo(Period.quarter(2025, 2));
        assertThat(Period.parse("2025-06")).isEqualTo(Period.month(2025, 6));
        assertThat(Period.month(2025, 6).code()).isEqualTo("2025-06");
        assertThat(Period.tryParse("2025-13")).isEmpty();
        assertThat(Period.tryParse("2025Q5")).isEmpty();
        assertThatThrownBy(() -> Period.parse("上半年")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheChineseFormsOfStatisticsTables() {
        assertThat(Period.read("2025年")).contains(new Period.Reading(Period.year(2025), false));
        assertThat(Period.read("2025年度")).contains(new Period.Reading(Period.year(2025), false));
        assertThat(Period.read("2025年6月")).contains(new Period.Reading(Period.month(2025, 6), false));
        assertThat(Period.read("2025年1-6月")).contains(new Period.Reading(Period.month(2025, 6), true));
        assertThat(Period.read("２０２５年１—６月")).contains(new Period.Reading(Period.month(2025, 6), true));
        assertThat(Period.read("2025年上半年")).contains(new Period.Reading(Period.half(2025, 1), false));
        assertThat(Period.read("2025年二季度")).contains(new Period.Reading(Period.quarter(2025, 2), false));
        assertThat(Period.read("2025年第4季度")).contains(new Period.Reading(Period.quarter(2025, 4), false));
        assertThat(Period.read("2025年前三季度")).contains(new Period.Reading(Period.quarter(2025, 3), true));
        assertThat(Period.read("2025.06")).contains(new Period.Reading(Period.month(2025, 6), false));
        assertThat(Period.read("202506")).contains(new Period.Reading(Period.month(2025, 6), false));
        assertThat(Period.read("2025-06-01")).contains(new Period.Reading(Period.month(2025, 6), false));
        assertThat(Period.read("2025年1-6月累计")).contains(new Period.Reading(Period.month(2025, 6), true));
        assertThat(Period.read("2025年4-6月")).isEmpty();
        assertThat(Period.read("2025年13月")).isEmpty();
        assertThat(Period.read("去年")).isEmpty();
    }

    @Test
    void ordersByPeriodEndShorterFirst() {
        List<Period> periods = List.of(Period.year(2025), Period.month(2025, 6), Period.half(2025, 1),
                Period.quarter(2025, 2), Period.month(2024, 12), Period.quarter(2025, 1));
        assertThat(periods.stream().sorted().map(Period::code))
                .containsExactly("2024-12", "2025Q1", "2025-06", "2025Q2", "2025H1", "2025");
    }

    @Test
    void knowsTheSamePeriodLastYearAndItsLabels() {
        assertThat(Period.parse("2025Q2").sameLastYear()).isEqualTo(Period.quarter(2024, 2));
        assertThat(Period.parse("2025-06").cumulativeLabel()).isEqualTo("2025年1-6月");
        assertThat(Period.parse("2025Q3").cumulativeLabel()).isEqualTo("2025年前三季度");
        assertThat(Period.parse("2025Q2").label()).isEqualTo("2025年二季度");
        assertThat(Period.parse("2025-12").cumulativeLabel()).isEqualTo("2025年");
        assertThat(Period.range(Period.month(2024, 11), Period.month(2025, 2)).stream().map(Period::code))
                .containsExactly("2024-11", "2024-12", "2025-01", "2025-02");
        assertThat(Period.parse("2025H1").startsInJanuary()).isTrue();
        assertThat(Period.parse("2025Q2").startsInJanuary()).isFalse();
    }

    @Test
    void saysRanksTheWaySpeechesDo() {
        assertThat(ChineseNumbers.of(5)).isEqualTo("五");
        assertThat(ChineseNumbers.of(10)).isEqualTo("十");
        assertThat(ChineseNumbers.of(12)).isEqualTo("十二");
        assertThat(ChineseNumbers.of(40)).isEqualTo("四十");
        assertThat(ChineseNumbers.wholeOf("示例省")).isEqualTo("全省");
        assertThat(Rankings.phrase(RankBy.VALUE, "全省", 5)).isEqualTo("居全省第五");
        assertThat(Rankings.phrase(RankBy.GROWTH, "全市", 2)).isEqualTo("增速居全市第二");
    }
}
