package cn.luoshi.common.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The configurable rule that turns progress into a light (thresholds are set per region, see {@link LightRules}).
 *
 * @param blueWithinDays a live item due within this many days is BLUE
 * @param yellowGap      progress trailing time-progress by more than this (0–1) is YELLOW
 * @param redGap         progress trailing time-progress by more than this (0–1) is RED ("far behind")
 */
public record LightThresholds(int blueWithinDays, double yellowGap, double redGap) {

    public static final LightThresholds DEFAULT = new LightThresholds(7, 0.10, 0.30);

    public LightThresholds {
        if (blueWithinDays < 0 || yellowGap < 0 || redGap < yellowGap || redGap > 1) {
            throw new IllegalArgumentException("thresholds need 0 <= yellowGap <= redGap <= 1 and blueWithinDays >= 0");
        }
    }

    /**
     * The light of a live item: RED when overdue or far behind, YELLOW when behind, BLUE when due soon, else GREEN.
     * A finished item is always GREEN.
     *
     * @param progress     share done, 0–1
     * @param timeProgress share that should be done by today, 0–1
     * @param due          the deadline (null when none)
     */
    public StatusLight evaluate(double progress, double timeProgress, LocalDate due, LocalDate today,
                                boolean finished) {
        if (finished) {
            return StatusLight.GREEN;
        }
        if (due != null && today.isAfter(due)) {
            return StatusLight.RED;
        }
        double gap = timeProgress - progress;
        if (gap > redGap + 1e-9) {
            return StatusLight.RED;
        }
        if (gap > yellowGap + 1e-9) {
            return StatusLight.YELLOW;
        }
        if (due != null && ChronoUnit.DAYS.between(today, due) <= blueWithinDays) {
            return StatusLight.BLUE;
        }
        return StatusLight.GREEN;
    }
}
