package cn.luoshi.appeal.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Chinese working days: Monday to Friday, except statutory holidays, plus the weekend days worked in exchange
 * (调休). The exceptions live in {@code appeal_calendar_day}, one row per day, maintained from each year's State
 * Council notice. Office hours are 08:30–12:00 and 14:00–17:30; SLA deadlines count only those.
 */
@Component
public class WorkingCalendar {

    static final LocalTime MORNING_START = LocalTime.of(8, 30);
    static final LocalTime MORNING_END = LocalTime.of(12, 0);
    static final LocalTime AFTERNOON_START = LocalTime.of(14, 0);
    static final LocalTime AFTERNOON_END = LocalTime.of(17, 30);

    private final JdbcClient jdbc;
    private volatile Map<LocalDate, Boolean> exceptions;

    WorkingCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private Map<LocalDate, Boolean> exceptions() {
        Map<LocalDate, Boolean> loaded = exceptions;
        if (loaded == null) {
            Map<LocalDate, Boolean> map = new ConcurrentHashMap<>();
            jdbc.sql("select day, working from appeal_calendar_day")
                    .query((java.sql.ResultSet rs) -> {
                        map.put(rs.getObject(1, LocalDate.class), rs.getBoolean(2));
                    });
            exceptions = loaded = Map.copyOf(map);
        }
        return loaded;
    }

    /** Call after the calendar table changed. */
    public void reload() {
        exceptions = null;
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean exception = exceptions().get(day);
        if (exception != null) {
            return exception;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** Whether the calendar holds the holidays of that year (otherwise only weekends are known). */
    public boolean covers(int year) {
        return exceptions().keySet().stream().anyMatch(d -> d.getYear() == year);
    }

    /**
     * The moment {@code hours} office hours after {@code start}: time outside office hours and on non-working days
     * does not count, so a dispatch on Friday at 16:30 with two hours is due on the next working day at 09:30.
     */
    public ZonedDateTime plusWorkingHours(ZonedDateTime start, int hours) {
        ZoneId zone = start.getZone();
        long minutesLeft = hours * 60L;
        LocalDate day = start.toLocalDate();
        LocalTime from = start.toLocalTime();
        for (int guard = 0; guard < 3660; guard++) {
            if (isWorkingDay(day)) {
                for (LocalTime[] period : new LocalTime[][] {{MORNING_START, MORNING_END},
                        {AFTERNOON_START, AFTERNOON_END}}) {
                    LocalTime begin = from.isAfter(period[0]) ? from : period[0];
                    if (!begin.isBefore(period[1])) {
                        continue;
                    }
                    long available = java.time.Duration.between(begin, period[1]).toMinutes();
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

    /**
     * The close of office on the {@code days}-th working day after the day of {@code start} (自受理之次日起计算):
     * filed on Thursday with one day, it is due on Friday at 17:30.
     */
    public ZonedDateTime plusWorkingDays(ZonedDateTime start, int days) {
        LocalDate day = start.toLocalDate();
        int counted = 0;
        for (int guard = 0; counted < days; guard++) {
            if (guard > 3660) {
                throw new IllegalStateException("no working day within ten years of " + start);
            }
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return ZonedDateTime.of(day, AFTERNOON_END, start.getZone());
    }
}
