package cn.luoshi.task.internal;

import java.time.LocalDate;
import java.util.function.Predicate;

import cn.luoshi.common.progress.LightThresholds;
import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.common.progress.TimeProgress;

/**
 * The days from which a task shows blue, yellow and red while its progress stays what it is. As days pass,
 * time-progress only grows and the deadline only nears, so a task's light only worsens: three dates describe it
 * for every day. They are stored on the task and recomputed whenever progress, dates, status or thresholds change,
 * which lets the list filter by "light today" in SQL with the injected clock's date, exactly as
 * {@link LightThresholds#evaluate} would judge each task.
 */
public record LightSchedule(LocalDate blueFrom, LocalDate yellowFrom, LocalDate redFrom) {

    /** Stands for "never"; PostgreSQL dates and JDBC both handle it plainly. */
    public static final LocalDate NEVER = LocalDate.of(9999, 12, 31);
    public static final LightSchedule ALWAYS_GREEN = new LightSchedule(NEVER, NEVER, NEVER);

    /**
     * @param progressShare share done, 0–1
     */
    public static LightSchedule of(double progressShare, LocalDate start, LocalDate due, LightThresholds rule) {
        Predicate<LocalDate> atLeastBlue = day -> light(progressShare, start, due, rule, day) != StatusLight.GREEN;
        Predicate<LocalDate> atLeastYellow = day -> {
            StatusLight light = light(progressShare, start, due, rule, day);
            return light == StatusLight.YELLOW || light == StatusLight.RED;
        };
        Predicate<LocalDate> red = day -> light(progressShare, start, due, rule, day) == StatusLight.RED;
        // Before both the start and the "due soon" window nothing can be lit; the day after the deadline is red.
        LocalDate quiet = (start.isBefore(due.minusDays(rule.blueWithinDays() + 1L)) ? start
                : due.minusDays(rule.blueWithinDays() + 1L)).minusDays(1);
        LocalDate overdue = due.plusDays(1);
        return new LightSchedule(firstDay(atLeastBlue, quiet, overdue), firstDay(atLeastYellow, quiet, overdue),
                firstDay(red, quiet, overdue));
    }

    public StatusLight on(LocalDate day) {
        if (!day.isBefore(redFrom)) {
            return StatusLight.RED;
        }
        if (!day.isBefore(yellowFrom)) {
            return StatusLight.YELLOW;
        }
        if (!day.isBefore(blueFrom)) {
            return StatusLight.BLUE;
        }
        return StatusLight.GREEN;
    }

    private static StatusLight light(double progress, LocalDate start, LocalDate due, LightThresholds rule,
                                     LocalDate day) {
        return rule.evaluate(progress, TimeProgress.ofTask(start, due, day), due, day, false);
    }

    /** The first day in (quiet, overdue] where the monotone condition holds; it always holds on {@code overdue}. */
    private static LocalDate firstDay(Predicate<LocalDate> holds, LocalDate quiet, LocalDate overdue) {
        long low = quiet.toEpochDay();
        long high = overdue.toEpochDay();
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (holds.test(LocalDate.ofEpochDay(middle))) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return LocalDate.ofEpochDay(high);
    }
}
