package cn.luoshi.project.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.luoshi.common.progress.LightThresholds;
import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.project.ProjectStage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The project light, without a database: the same thresholds as tasks, milestones as deadlines. */
class ProjectLightRuleTest {

    static final LocalDate MID_JULY = LocalDate.of(2026, 7, 15);

    static ProjectLightRule.Outcome light(String completed, LocalDate nextMilestone, ProjectStage stage,
                                          BigDecimal[] months) {
        return ProjectLightRule.evaluate(new ProjectLightRule.Inputs(stage, 2027, new BigDecimal("1200"), months,
                completed == null ? null : new BigDecimal(completed), nextMilestone), MID_JULY,
                LightThresholds.DEFAULT);
    }

    @Test
    void completionAgainstTheYearsTimeProgressGivesTheTaskColours() {
        // six full months of twelve: half is due
        assertThat(light("600", null, ProjectStage.CONSTRUCTION, null).light()).isEqualTo(StatusLight.GREEN);
        assertThat(light("600", null, ProjectStage.CONSTRUCTION, null).timeProgress()).isEqualByComparingTo("0.5");
        assertThat(light("420", null, ProjectStage.CONSTRUCTION, null).light()).isEqualTo(StatusLight.YELLOW);
        assertThat(light("200", null, ProjectStage.CONSTRUCTION, null).light()).isEqualTo(StatusLight.RED);
    }

    @Test
    void theMonthlyPlanIsTheSeasonalProfile() {
        BigDecimal[] backLoaded = new BigDecimal[12];
        for (int m = 0; m < 12; m++) {
            backLoaded[m] = new BigDecimal(m < 6 ? "20" : "180");
        }
        // only 120 of 1200 planned by June: 10% due, 150 done is ahead
        var outcome = light("150", null, ProjectStage.CONSTRUCTION, backLoaded);
        assertThat(outcome.timeProgress()).isEqualByComparingTo("0.1");
        assertThat(outcome.light()).isEqualTo(StatusLight.GREEN);
    }

    @Test
    void aMilestonePastItsDateIsRedAndOneDueSoonIsBlue() {
        assertThat(light("900", LocalDate.of(2026, 7, 10), ProjectStage.CONSTRUCTION, null).light())
                .isEqualTo(StatusLight.RED);
        assertThat(light("900", LocalDate.of(2026, 7, 20), ProjectStage.CONSTRUCTION, null).light())
                .isEqualTo(StatusLight.BLUE);
    }

    @Test
    void aFinishedProjectIsGreenAndOneWithoutPlanIsNotBehind() {
        assertThat(light("0", LocalDate.of(2026, 7, 10), ProjectStage.OPERATING, null).light())
                .isEqualTo(StatusLight.GREEN);
        var noPlan = ProjectLightRule.evaluate(new ProjectLightRule.Inputs(ProjectStage.PREPARATION, 2027, null,
                null, null, null), MID_JULY, LightThresholds.DEFAULT);
        assertThat(noPlan.light()).isEqualTo(StatusLight.GREEN);
        assertThat(noPlan.completionRate()).isNull();
    }
}
