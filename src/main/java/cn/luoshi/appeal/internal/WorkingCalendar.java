package cn.luoshi.appeal.internal;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Chinese working days: Monday to Friday, except statutory holidays, plus the weekend days worked in exchange
 * (调休), as each year's State Council notice sets them (shipped for 2020 on, imported by the office for later
 * years). A year without a notice falls back to Monday to Friday; what is counted over its days is estimated.
 * Office hours are 08:30–12:00 and 14:00–17:30; SLA deadlines count only those.
 *
 * <p>Each node keeps the calendar in memory and reloads it when the revision that every change raises in the
 * database has moved, so a notice imported on one node counts on all of them.
 */
@Component
public class WorkingCalendar {

    private final CalendarRepository repository;
    private volatile Loaded loaded;

    private record Loaded(long revision, CalendarView view) {
    }

    WorkingCalendar(CalendarRepository repository) {
        this.repository = repository;
    }

    /** The calendar in force now. */
    public CalendarView view() {
        long revision = repository.revision();
        Loaded current = loaded;
        if (current == null || current.revision() != revision) {
            current = new Loaded(revision, repository.load());
            loaded = current;
        }
        return current.view();
    }

    /** Forgets the copy in memory (after a change in this node's transaction has committed). */
    public void reload() {
        loaded = null;
    }

    public boolean isWorkingDay(LocalDate day) {
        return view().isWorkingDay(day);
    }

    /** Whether the calendar holds the State Council notice of that year (otherwise only weekends are known). */
    public boolean covers(int year) {
        return view().covers(year);
    }

    public Set<Integer> coveredYears() {
        return view().coveredYears();
    }

    /** Whether a count from {@code from} to {@code to} passes through a year without a notice. */
    public boolean estimated(ZonedDateTime from, ZonedDateTime to) {
        return view().estimated(from.toLocalDate(), to.withZoneSameInstant(from.getZone()).toLocalDate());
    }

    /** See {@link CalendarView#plusWorkingMinutes}. */
    public ZonedDateTime plusWorkingHours(ZonedDateTime start, int hours) {
        return view().plusWorkingMinutes(start, hours * 60L);
    }

    /** See {@link CalendarView#plusWorkingDays}. */
    public ZonedDateTime plusWorkingDays(ZonedDateTime start, int days) {
        return view().plusWorkingDays(start, days);
    }
}
