package cn.luoshi.target.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import cn.luoshi.common.progress.StatusLight;

/**
 * The light of a growth target (增长X%), in percentage points: the reported cumulative growth (1–N月增长, at
 * comparable prices) is compared with the target rate itself, since a growth rate needs no time-progress. Set per
 * region like the task light thresholds ({@link GrowthRules}); the nearest ancestor's rule wins, else
 * {@link #DEFAULT}.
 *
 * <ul>
 *   <li>the year over: GREEN when the growth reached the target rate, else RED;</li>
 *   <li>trailing the rate by more than {@code redPoints}: RED;</li>
 *   <li>trailing it by more than {@code yellowPoints}: YELLOW;</li>
 *   <li>trailing it at all, within the blue days of the deadline: BLUE (the task rule's "due soon");</li>
 *   <li>otherwise GREEN.</li>
 * </ul>
 *
 * @param yellowPoints how many points below the target rate are still green (default 0.5)
 * @param redPoints    how many points below it are still yellow rather than red (default 2)
 */
public record GrowthThresholds(BigDecimal yellowPoints, BigDecimal redPoints) {

    /** The largest gap a rule may set: a growth target is a rate in percent. */
    static final BigDecimal MAX_POINTS = BigDecimal.valueOf(100);

    public static final GrowthThresholds DEFAULT = new GrowthThresholds(new BigDecimal("0.5"), new BigDecimal("2"));

    public GrowthThresholds {
        if (yellowPoints == null || redPoints == null || yellowPoints.signum() < 0
                || redPoints.compareTo(yellowPoints) < 0 || redPoints.compareTo(MAX_POINTS) > 0) {
            throw new IllegalArgumentException("growth thresholds need 0 <= yellowPoints <= redPoints <= 100");
        }
        yellowPoints = plain(yellowPoints);
        redPoints = plain(redPoints);
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * @param behind         target rate minus the reported growth, in points (negative when ahead)
     * @param due            the target's deadline
     * @param blueWithinDays the region's "due soon" days of the task light rule
     */
    public StatusLight evaluate(BigDecimal behind, LocalDate due, LocalDate today, int blueWithinDays) {
        if (today.isAfter(due)) {
            return behind.signum() <= 0 ? StatusLight.GREEN : StatusLight.RED;
        }
        if (behind.compareTo(redPoints) > 0) {
            return StatusLight.RED;
        }
        if (behind.compareTo(yellowPoints) > 0) {
            return StatusLight.YELLOW;
        }
        if (behind.signum() > 0 && ChronoUnit.DAYS.between(today, due) <= blueWithinDays) {
            return StatusLight.BLUE;
        }
        return StatusLight.GREEN;
    }
}
