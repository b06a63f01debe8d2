package cn.luoshi.common;

import java.time.LocalDate;

import cn.luoshi.common.progress.LightThresholds;
import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.common.progress.TimeProgress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProgressTest {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate DUE = LocalDate.of(2026, 12, 31);

    @Test
    void timeProgressIsTheShareOfTheSpanElapsedClamped() {
        assertThat(TimeProgress.ofTask(START, DUE, LocalDate.of(2026, 7, 2))).isCloseTo(0.5, within(0.01));
        assertThat(TimeProgress.ofTask(START, DUE, LocalDate.of(2025, 12, 1))).isZero();
        assertThat(TimeProgress.ofTask(START, DUE, LocalDate.of(2027, 3, 1))).isEqualTo(1.0);
        assertThat(TimeProgress.ofYear(6)).isEqualTo(0.5);
    }

    @Test
    void aSeasonalProfileShiftsWhatIsDue() {
        double[] shares = {2, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 20};
        assertThat(TimeProgress.ofYear(6, shares)).isCloseTo(20.0 / 60, within(1e-9));
    }

    @Test
    void lightsFollowTheThresholds() {
        LightThresholds rules = LightThresholds.DEFAULT;
        LocalDate today = LocalDate.of(2026, 7, 1);
        assertThat(rules.evaluate(0.5, 0.5, DUE, today, false)).isEqualTo(StatusLight.GREEN);
        assertThat(rules.evaluate(0.35, 0.5, DUE, today, false)).isEqualTo(StatusLight.YELLOW);
        assertThat(rules.evaluate(0.1, 0.5, DUE, today, false)).isEqualTo(StatusLight.RED);
        assertThat(rules.evaluate(0.9, 0.95, LocalDate.of(2026, 7, 5), today, false)).isEqualTo(StatusLight.BLUE);
        assertThat(rules.evaluate(0.99, 1.0, LocalDate.of(2026, 6, 30), today, false)).isEqualTo(StatusLight.RED);
        assertThat(rules.evaluate(0.2, 1.0, LocalDate.of(2026, 6, 30), today, true)).isEqualTo(StatusLight.GREEN);
    }
}
