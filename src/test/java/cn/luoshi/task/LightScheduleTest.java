package cn.luoshi.task;

import java.time.LocalDate;
import java.util.Random;

import cn.luoshi.common.progress.LightThresholds;
import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.common.progress.TimeProgress;
import cn.luoshi.task.internal.LightSchedule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored light schedule answers exactly as the shared light rule would on every day. */
class LightScheduleTest {

    @Test
    void theScheduleAgreesWithTheRuleOnEveryDay() {
        Random random = new Random(20260715);
        LocalDate base = LocalDate.of(2026, 1, 1);
        for (int run = 0; run < 2000; run++) {
            LocalDate start = base.plusDays(random.nextInt(365));
            LocalDate due = start.plusDays(random.nextInt(run % 10 == 0 ? 3 : 400));
            double progress = random.nextInt(5) == 0 ? 0 : random.nextInt(1001) / 1000.0;
            double yellow = random.nextInt(31) / 100.0;
            LightThresholds rule = new LightThresholds(random.nextInt(15), yellow,
                    Math.min(1, yellow + random.nextInt(41) / 100.0));
            LightSchedule schedule = LightSchedule.of(progress, start, due, rule);
            assertThat(schedule.blueFrom()).isBeforeOrEqualTo(schedule.yellowFrom());
            assertThat(schedule.yellowFrom()).isBeforeOrEqualTo(schedule.redFrom());
            for (LocalDate day = start.minusDays(30); !day.isAfter(due.plusDays(3)); day = day.plusDays(1)) {
                StatusLight expected = rule.evaluate(progress, TimeProgress.ofTask(start, due, day), due, day, false);
                assertThat(schedule.on(day)).as("progress %s, %s..%s, %s on %s", progress, start, due, rule, day)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void aFinishedTaskStaysGreen() {
        assertThat(LightSchedule.ALWAYS_GREEN.on(LocalDate.of(2999, 1, 1))).isEqualTo(StatusLight.GREEN);
    }
}
