package cn.luoshi.appeal.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The working-day calendar at one moment: the days that differ from Monday-to-Friday (holidays, 调休 working
 * weekends) and the years whose State Council notice they come from. A year without a notice counts Monday to
 * Friday, so what is computed over its days is only an estimate ({@link #estimated}). Immutable: a change of the
 * calendar makes a new view, and the deadlines it moves are counted with the old view and the new one.
 * Office hours are 08:30–12:00 and 14:00–17:30; SLA hours count only those.
 */
public record CalendarView(Map<LocalDate, Boolean> exceptions, Set<Integer> coveredYears) {

    static final LocalTime MORNING_START = LocalTime.of(8, 30);
    static final LocalTime MORNING_END = LocalTime.of(12, 0);
    static final LocalTime AFTERNOON_START = LocalTime.of(14, 0);
    static final LocalTime AFTERNOON_END = LocalTime.of(17, 30);
    private static final LocalTime[][] PERIODS = {{MORNING_START, MORNING_END}, {AFTERNOON_START, AFTERNOON_END}};
    /** Ten years of days: no deadline is that far, so a longer walk means a broken calendar. */
    private static final int GUARD_DAYS = 3660;

    public CalendarView {
        exceptions = Map.copyOf(exceptions);
        coveredYears = Set.copyOf(coveredYears);
    }

    /** This view with one year's entries replaced by {@code days} (and that year covered when {@code covered}). */
    public CalendarView withYear(int year, List<CalendarDay> days, boolean covered) {
        Map<LocalDate, Boolean> map = new HashMap<>(exceptions);
        map.keySet().removeIf(d -> d.getYear() == year);
        days.forEach(d -> map.put(d.day(), d.working()));
        Set<Integer> years = new TreeSet<>(coveredYears);
        if (covered) {
            years.add(year);
        } else {
            years.remove(year);
        }
        return new CalendarView(map, years);
    }

    /** This view with one day set (the year's coverage unchanged). */
    public CalendarView withDay(LocalDate day, boolean working) {
        Map<LocalDate, Boolean> map = new HashMap<>(exceptions);
        map.put(day, working);
        return new CalendarView(map, coveredYears);
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    public boolean covers(int year) {
        return coveredYears.contains(year);
    }

    /** Whether counting days from {@code from} to {@code to} passes through a year without a notice. */
    public boolean estimated(LocalDate from, LocalDate to) {
        LocalDate first = from.isAfter(to) ? to : from;
        LocalDate last = from.isAfter(to) ? from : to;
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            if (!covers(year)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The moment {@code minutes} office minutes after {@code start}: time outside office hours and on non-working
     * days does not count, so a dispatch on Friday at 16:30 with two hours is due on the next working day at 09:30.
     */
    public ZonedDateTime plusWorkingMinutes(ZonedDateTime start, long minutes) {
        ZoneId zone = start.getZone();
        long minutesLeft = minutes;
        LocalDate day = start.toLocalDate();
        LocalTime from = start.toLocalTime();
        for (int guard = 0; guard < GUARD_DAYS; guard++) {
            if (isWorkingDay(day)) {
                for (LocalTime[] period : PERIODS) {
                    LocalTime begin = from.isAfter(period[0]) ? from : period[0];
                    if (!begin.isBefore(period[1])) {
                        continue;
                    }
                    long available = Duration.between(begin, period[1]).toMinutes();
                    if (available >= minutesLeft) {
                        return ZonedDateTime.of(day, begin.plusMinutes(minutesLeft), zone);
                    }
                    minutesLeft -= available;
                }
            }
            day = day.plusDays(1);
            from = LocalTime.MIN;
        }
        throw new IllegalStateException("no working time within ten years of " + start);
    }

    /** Office minutes from {@code start} to {@code end} (0 when the end is not later). */
    public long workingMinutesBetween(ZonedDateTime start, ZonedDateTime end) {
        ZonedDateTime to = end.withZoneSameInstant(start.getZone());
        long minutes = 0;
        LocalDate day = start.toLocalDate();
        for (int guard = 0; !day.isAfter(to.toLocalDate()); guard++) {
            if (guard > GUARD_DAYS) {
                throw new IllegalStateException("no end within ten years of " + start);
            }
            if (isWorkingDay(day)) {
                for (LocalTime[] period : PERIODS) {
                    LocalTime begin = day.equals(start.toLocalDate()) && start.toLocalTime().isAfter(period[0])
                            ? start.toLocalTime() : period[0];
                    LocalTime finish = day.equals(to.toLocalDate()) && to.toLocalTime().isBefore(period[1])
                            ? to.toLocalTime() : period[1];
                    if (begin.isBefore(finish)) {
                        minutes += Duration.between(begin, finish).toMinutes();
                    }
                }
            }
            day = day.plusDays(1);
        }
        return minutes;
    }

    /**
     * The close of office on the {@code days}-th working day after the day of {@code start} (自受理之次日起计算):
     * filed on Thursday with one day, it is due on Friday at 17:30.
     */
    public ZonedDateTime plusWorkingDays(ZonedDateTime start, int days) {
        LocalDate day = start.toLocalDate();
        int counted = 0;
        for (int guard = 0; counted < days; guard++) {
            if (guard > GUARD_DAYS) {
                throw new IllegalStateException("no working day within ten years of " + start);
            }
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return ZonedDateTime.of(day, AFTERNOON_END, start.getZone());
    }

    /** Working days after the day of {@code start} up to and including the day of {@code end}. */
    public int workingDaysBetween(ZonedDateTime start, ZonedDateTime end) {
        LocalDate last = end.withZoneSameInstant(start.getZone()).toLocalDate();
        int counted = 0;
        for (LocalDate day = start.toLocalDate().plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return counted;
    }
}
