package cn.luoshi.task;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * How often the unit reports progress. Periods follow the calendar, as offices count them: weeks end on Friday,
 * half-months on the 15th and the month's last day, months on their last day; a report is due by its period's end.
 */
public enum ReportCycle {
    WEEKLY, HALF_MONTHLY, MONTHLY;

    /** The last day of the period that contains {@code day}: the day by which that period's report is due. */
    public LocalDate periodEnd(LocalDate day) {
        return switch (this) {
            case WEEKLY -> day.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
            case HALF_MONTHLY -> day.getDayOfMonth() <= 15 ? day.withDayOfMonth(15)
                    : day.with(TemporalAdjusters.lastDayOfMonth());
            case MONTHLY -> day.with(TemporalAdjusters.lastDayOfMonth());
        };
    }

    /** After a report filed on {@code day}, the next one is due at the end of the following period. */
    public LocalDate nextDueAfterReport(LocalDate day) {
        return periodEnd(periodEnd(day).plusDays(1));
    }
}
