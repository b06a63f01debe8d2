package cn.luoshi.project.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import cn.luoshi.common.progress.LightThresholds;
import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.common.progress.TimeProgress;
import cn.luoshi.project.ProjectStage;

/**
 * The light of a project, the same way as a task's: this year's completed investment against the year's plan,
 * compared with the time-progress of that plan (the monthly plans as a seasonal profile, else m/12, counting full
 * months only); the deadline is the earliest milestone not yet reached, or the end of the project's last year. So
 * a milestone past its planned date and not reached makes the project red, and one due within the region's "soon"
 * window makes it blue.
 */
final class ProjectLightRule {

    private ProjectLightRule() {
    }

    /**
     * @param monthPlanned  12 entries, null where the month has no plan
     * @param nextMilestone the planned date of the earliest milestone not reached, or null
     */
    record Inputs(ProjectStage stage, int endYear, BigDecimal annualPlanned, BigDecimal[] monthPlanned,
                  BigDecimal completedThisYear, LocalDate nextMilestone) {
    }

    record Outcome(StatusLight light, BigDecimal completionRate, BigDecimal timeProgress) {
    }

    static Outcome evaluate(Inputs in, LocalDate today, LightThresholds thresholds) {
        LocalDate end = LocalDate.of(in.endYear(), 12, 31);
        LocalDate due = in.nextMilestone() != null && in.nextMilestone().isBefore(end) ? in.nextMilestone() : end;
        boolean planned = in.annualPlanned() != null && in.annualPlanned().signum() > 0;
        double progress = 0;
        double timeProgress = 0;
        if (planned) {
            double completed = in.completedThisYear() == null ? 0 : in.completedThisYear().doubleValue();
            progress = completed / in.annualPlanned().doubleValue();
            timeProgress = TimeProgress.ofYear(today.getMonthValue() - 1, shares(in.monthPlanned()));
        }
        StatusLight light = thresholds.evaluate(Math.min(progress, 1.0), timeProgress, due, today,
                in.stage().finished());
        return new Outcome(light, planned ? rate(progress) : null, planned ? rate(timeProgress) : null);
    }

    /** The monthly plans as a seasonal profile, or null (m/12) when no month has a plan. */
    private static double[] shares(BigDecimal[] months) {
        if (months == null) {
            return null;
        }
        double[] shares = new double[12];
        boolean any = false;
        for (int m = 0; m < 12; m++) {
            if (months[m] != null) {
                shares[m] = Math.max(0, months[m].doubleValue());
                any = true;
            }
        }
        return any ? shares : null;
    }

    private static BigDecimal rate(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }
}
