package cn.luoshi.appeal.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import cn.luoshi.appeal.AppealStatus;
import cn.luoshi.common.db.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the working-day calendar: the days of each year's holiday notice ({@code appeal_calendar_day}), the years
 * whose notice is recorded ({@code appeal_calendar_year}), the revision every change raises, and the open appeals
 * whose running deadlines a change of the calendar may move.
 */
@Repository
public class CalendarRepository {

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The calendar as it is now, read in one statement per table (a few hundred rows). */
    public CalendarView load() {
        Map<LocalDate, Boolean> days = new HashMap<>();
        jdbc.sql("select day, working from appeal_calendar_day")
                .query((java.sql.ResultSet rs) -> {
                    days.put(rs.getObject(1, LocalDate.class), rs.getBoolean(2));
                });
        Set<Integer> years = new TreeSet<>(jdbc.sql("select year from appeal_calendar_year").query(Integer.class)
                .list());
        return new CalendarView(days, years);
    }

    public long revision() {
        return jdbc.sql("select revision from appeal_calendar_revision where id = 1").query(Long.class).single();
    }

    /** Called in the transaction of every change, so other nodes see the new revision when they see the change. */
    public void raiseRevision() {
        jdbc.sql("update appeal_calendar_revision set revision = revision + 1 where id = 1").update();
    }

    public List<CalendarDay> days(int year) {
        return jdbc.sql("""
                        select day, working, note from appeal_calendar_day
                        where day >= make_date(?, 1, 1) and day < make_date(? + 1, 1, 1) order by day""")
                .params(year, year)
                .query((rs, n) -> new CalendarDay(rs.getObject(1, LocalDate.class), rs.getBoolean(2),
                        rs.getString(3)))
                .list();
    }

    /** Every recorded year, newest first, with how many holidays and 调休 working days its notice has. */
    public List<CalendarYear> years() {
        return jdbc.sql("""
                        select y.year, y.source, y.recorded_by, y.recorded_at, y.version,
                               count(d.day) filter (where not d.working) as holidays,
                               count(d.day) filter (where d.working) as workdays
                        from appeal_calendar_year y
                        left join appeal_calendar_day d
                               on d.day >= make_date(y.year, 1, 1) and d.day < make_date(y.year + 1, 1, 1)
                        group by y.year order by y.year desc""")
                .query((rs, n) -> new CalendarYear(rs.getInt("year"), rs.getString("source"),
                        rs.getString("recorded_by"), Rows.time(rs, "recorded_at"), rs.getInt("version"),
                        rs.getInt("holidays"), rs.getInt("workdays")))
                .list();
    }

    public Optional<CalendarYear> year(int year) {
        return years().stream().filter(y -> y.year() == year).findFirst();
    }

    /** Replaces the entries of one year by {@code days} (the caller's transaction makes it one change). */
    public void replaceDays(int year, List<CalendarDay> days) {
        jdbc.sql("delete from appeal_calendar_day where day >= make_date(?, 1, 1) and day < make_date(? + 1, 1, 1)")
                .params(year, year).update();
        for (CalendarDay d : days) {
            jdbc.sql("insert into appeal_calendar_day (day, working, note) values (?, ?, ?)")
                    .params(d.day(), d.working(), d.note()).update();
        }
    }

    /** Records a year's notice; false when the year changed since {@code expectedVersion} (or appeared meanwhile). */
    public boolean recordYear(int year, String source, String by, OffsetDateTime at, Integer expectedVersion) {
        if (expectedVersion == null) {
            return jdbc.sql("""
                            insert into appeal_calendar_year (year, source, recorded_by, recorded_at)
                            values (?, ?, ?, ?) on conflict (year) do nothing""")
                    .params(year, source, by, at).update() == 1;
        }
        return jdbc.sql("""
                        update appeal_calendar_year set source = ?, recorded_by = ?, recorded_at = ?,
                            version = version + 1
                        where year = ? and version = ?""")
                .params(source, by, at, year, expectedVersion).update() == 1;
    }

    public boolean removeYear(int year, int expectedVersion) {
        return jdbc.sql("delete from appeal_calendar_year where year = ? and version = ?")
                .params(year, expectedVersion).update() == 1;
    }

    public void setDay(CalendarDay day) {
        jdbc.sql("""
                        insert into appeal_calendar_day (day, working, note) values (?, ?, ?)
                        on conflict (day) do update set working = excluded.working, note = excluded.note""")
                .params(day.day(), day.working(), day.note()).update();
    }

    public Optional<CalendarDay> day(LocalDate day) {
        return jdbc.sql("select day, working, note from appeal_calendar_day where day = ?").param(day)
                .query((rs, n) -> new CalendarDay(rs.getObject(1, LocalDate.class), rs.getBoolean(2),
                        rs.getString(3)))
                .optional();
    }

    // ------------------------------------------------------------------------------------------- deadlines

    /**
     * Open appeals whose running deadline (signing for a dispatched one, answering one that awaits its answer) is
     * counted over days from {@code from} on and began before {@code to}: only those can move when days in that
     * range change. The answer's count begins when it was filed or last reopened; {@code answerFrom} says when.
     */
    public List<RunningDeadline> runningDeadlines(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                        select a.id, a.code, a.status, a.responsible_unit_id, a.dispatch_unit_id, a.dispatched_at,
                               a.accept_due_at, a.answer_due_at,
                               coalesce((select max(e.occurred_at) from appeal_event e
                                         where e.appeal_id = a.id and e.to_status = 'REOPENED'), a.submitted_at)
                                   as answer_from
                        from appeal a
                        where a.status in ('SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'REOPENED')
                          and a.submitted_at < :to
                          and (a.answer_due_at >= :from or (a.status = 'DISPATCHED' and a.accept_due_at >= :from))
                        order by a.id""")
                .param("from", from).param("to", to)
                .query((rs, n) -> new RunningDeadline(rs.getLong("id"), rs.getString("code"),
                        AppealStatus.valueOf(rs.getString("status")), Rows.nullableLong(rs, "responsible_unit_id"),
                        rs.getLong("dispatch_unit_id"), Rows.time(rs, "dispatched_at"),
                        Rows.time(rs, "accept_due_at"), Rows.time(rs, "answer_due_at"),
                        Rows.time(rs, "answer_from")))
                .list();
    }

    /** The deadlines of one open appeal as the calendar counts them. */
    public record RunningDeadline(long id, String code, AppealStatus status, Long responsibleUnitId,
                                  long dispatchUnitId, OffsetDateTime dispatchedAt, OffsetDateTime acceptDueAt,
                                  OffsetDateTime answerDueAt, OffsetDateTime answerFrom) {
    }

    /**
     * Moves the deadlines without raising the appeal's version: the calendar's correction is the system's, not an
     * edit a user's pending change should conflict with.
     */
    public void moveDeadlines(long id, OffsetDateTime acceptDue, OffsetDateTime answerDue) {
        jdbc.sql("update appeal set accept_due_at = ?, answer_due_at = ? where id = ? and status <> 'CLOSED'")
                .params(acceptDue, answerDue, id).update();
    }
}
