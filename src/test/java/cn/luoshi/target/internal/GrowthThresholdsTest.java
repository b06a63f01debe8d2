package cn.luoshi.target.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.indicator.ObservationKind;
import cn.luoshi.indicator.Period;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The growth-target light in points and the "as of" month, as plain rules. */
class GrowthThresholdsTest {

    private static final LocalDate DUE = LocalDate.of(2026, 12, 31);
    private static final LocalDate MID_YEAR = LocalDate.of(2026, 7, 15);

    private static StatusLight light(String behind, LocalDate today) {
        return GrowthThresholds.DEFAULT.evaluate(new BigDecimal(behind), DUE, today, 7);
    }

    @Test
    void theDefaultRuleIsYellowBeyondHalfAPointAndRedBeyondTwo() {
        assertThat(light("-1.3", MID_YEAR)).isEqualTo(StatusLight.GREEN);
        assertThat(light("0", MID_YEAR)).isEqualTo(StatusLight.GREEN);
        assertThat(light("0.5", MID_YEAR)).isEqualTo(StatusLight.GREEN);
        assertThat(light("0.6", MID_YEAR)).isEqualTo(StatusLight.YELLOW);
        assertThat(light("2", MID_YEAR)).isEqualTo(StatusLight.YELLOW);
        assertThat(light("2.1", MID_YEAR)).isEqualTo(StatusLight.RED);
        assertThat(light("19.9", MID_YEAR)).isEqualTo(StatusLight.RED);
    }

    @Test
    void nearTheDeadlineAnyShortfallIsBlueAndAfterItOnlyAReachedRateIsGreen() {
        LocalDate lastWeek = LocalDate.of(2026, 12, 27); // 4 days before the deadline, within the 7 blue days
        assertThat(light("0.3", lastWeek)).isEqualTo(StatusLight.BLUE);
        assertThat(light("0", lastWeek)).isEqualTo(StatusLight.GREEN);
        LocalDate after = LocalDate.of(2027, 1, 15);
        assertThat(light("0.1", after)).isEqualTo(StatusLight.RED);
        assertThat(light("0", after)).isEqualTo(StatusLight.GREEN);
    }

    @Test
    void aRuleNeedsYellowBelowRedWithinAHundredPoints() {
        assertThatThrownBy(() -> new GrowthThresholds(new BigDecimal("3"), new BigDecimal("1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GrowthThresholds(new BigDecimal("-1"), new BigDecimal("1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GrowthThresholds(new BigDecimal("1"), new BigDecimal("101")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new GrowthThresholds(new BigDecimal("1.50"), new BigDecimal("10")).redPoints().toString())
                .isEqualTo("10");
    }

    @Test
    void progressAsOfADayReadsTheLastMonthOverBeforeIt() {
        assertThat(Attainment.lastCompleteMonth(2026, LocalDate.of(2026, 7, 1))).isEqualTo(6);
        assertThat(Attainment.lastCompleteMonth(2026, LocalDate.of(2026, 7, 31))).isEqualTo(6);
        assertThat(Attainment.lastCompleteMonth(2026, LocalDate.of(2026, 8, 1))).isEqualTo(7);
        assertThat(Attainment.lastCompleteMonth(2025, LocalDate.of(2026, 1, 10))).isEqualTo(12);
        assertThat(Attainment.lastCompleteMonth(2026, LocalDate.of(2026, 1, 10))).isZero();
    }

    @Test
    void englishLabelsNameTheCumulativeMonths() {
        assertThat(Attainment.labelEn(Period.month(2025, 10), ObservationKind.GROWTH)).isEqualTo("Jan-Oct 2025");
        assertThat(Attainment.labelEn(Period.quarter(2026, 2), ObservationKind.YTD)).isEqualTo("Jan-Jun 2026");
        assertThat(Attainment.labelEn(Period.month(2026, 1), ObservationKind.YTD)).isEqualTo("Jan 2026");
        assertThat(Attainment.labelEn(Period.year(2025), ObservationKind.VALUE)).isEqualTo("2025");
        assertThat(Attainment.labelEn(Period.month(2026, 6), ObservationKind.VALUE)).isEqualTo("2026-06");
    }
}
