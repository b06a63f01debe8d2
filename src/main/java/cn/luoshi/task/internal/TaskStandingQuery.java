package cn.luoshi.task.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.common.LuoshiProperties;
import cn.luoshi.common.db.Rows;
import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.task.TaskOverview;
import cn.luoshi.task.TaskStanding;
import cn.luoshi.task.TaskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The queries behind {@link TaskOverview}: counts by status and light (one grouped pass), the red and 督办 list, the
 * completion race by unit (one pass over the units' task links) and the period's instructions. The scope condition
 * is the board's, so each count is what the board shows with the matching filter.
 */
@Repository
public class TaskStandingQuery {

    private static final String OPEN = "t.status in ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETION_REQUESTED')";
    /** Under 督办 or a higher rung of the ladder (约谈, 问责). */
    private static final String SUPERVISED = "t.escalation_level >= " + TaskOverview.SUPERVISED_LEVEL;

    private final JdbcClient jdbc;
    private final OrgUnits units;
    private final Clock clock;
    private final ZoneId zone;

    TaskStandingQuery(JdbcClient jdbc, OrgUnits units, Clock clock, LuoshiProperties properties) {
        this.jdbc = jdbc;
        this.units = units;
        this.clock = clock;
        this.zone = properties.zone();
    }

    public TaskStanding standing(LuoshiUser me, List<Long> raceUnitIds, LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        ScopeUnits scope = ScopeUnits.of(me.scope(), units);
        String where = scope.condition("t");

        Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
        for (TaskStatus s : TaskStatus.values()) {
            byStatus.put(s, 0L);
        }
        Map<StatusLight, Long> lights = new EnumMap<>(StatusLight.class);
        for (StatusLight l : StatusLight.values()) {
            lights.put(l, 0L);
        }
        long[] supervised = {0};
        jdbc.sql("select t.status, " + TaskQuery.LIGHT_RANK + " as rank, count(*),"
                        + " count(*) filter (where " + SUPERVISED + ") from task t where " + where
                        + " group by 1, 2")
                .param("today", today)
                .query(rs -> {
                    TaskStatus status = TaskStatus.valueOf(rs.getString(1));
                    long n = rs.getLong(3);
                    byStatus.merge(status, n, Long::sum);
                    if (TaskOverview.OPEN.contains(status)) {
                        lights.merge(light(rs.getInt(2)), n, Long::sum);
                    }
                    supervised[0] += rs.getLong(4);
                });
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();

        List<TaskStanding.Urgent> urgent = jdbc.sql("""
                        select t.id, t.title, t.status, t.due_date, t.escalation_level, t.lead_unit_id,
                               lu.name as lead_name,
                        """ + TaskQuery.LIGHT_RANK + " as rank from task t join org_unit lu on lu.id = t.lead_unit_id"
                        + " where " + where + " and " + OPEN
                        + " and (t.red_from <= :today or " + SUPERVISED + ") order by t.due_date, t.id limit 10")
                .param("today", today)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    return new TaskStanding.Urgent(rs.getLong("id"), rs.getString("title"),
                            TaskStatus.valueOf(rs.getString("status")), light(rs.getInt("rank")),
                            rs.getInt("escalation_level"), due, Math.max(0, ChronoUnit.DAYS.between(due, today)),
                            rs.getLong("lead_unit_id"), rs.getString("lead_name"));
                }).list();

        return new TaskStanding(today, total, byStatus, lights, supervised[0], urgent, race(me, raceUnitIds),
                instructions(where, from, to));
    }

    /**
     * Per unit, its tasks (lead or co-unit, the unit or one below it: the board's {@code unit=} filter) that were
     * issued and not cancelled, and the completed ones among them. The units lie within the reader's scope, so
     * their subtrees need no further scope condition.
     */
    private List<TaskStanding.UnitCompletion> race(LuoshiUser me, List<Long> raceUnitIds) {
        if (raceUnitIds.isEmpty()) {
            return List.of();
        }
        List<OrgUnit> race = units.findAll(raceUnitIds).stream().filter(u -> me.scope().covers(u)).toList();
        if (race.isEmpty()) {
            return List.of();
        }
        Map<Long, long[]> counts = new java.util.HashMap<>();
        jdbc.sql("""
                        with hits as (
                            select distinct r.id as race_id, t.id, t.status
                            from org_unit r
                            join org_unit m on m.path like r.path || '%'
                            join task_unit tu on tu.unit_id = m.id
                            join task t on t.id = tu.task_id
                            where r.id in (:race) and t.status not in ('DRAFT', 'CANCELLED'))
                        select race_id, count(*), count(*) filter (where status = 'COMPLETED') from hits
                        group by race_id""")
                .param("race", race.stream().map(OrgUnit::id).toList())
                .query(rs -> {
                    counts.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        List<TaskStanding.UnitCompletion> result = new ArrayList<>();
        for (OrgUnit unit : race) {
            long[] c = counts.getOrDefault(unit.id(), new long[2]);
            if (c[0] > 0) {
                result.add(new TaskStanding.UnitCompletion(unit.id(), unit.name(), c[0], c[1],
                        Math.round(c[1] * 1000.0 / c[0]) / 10.0));
            }
        }
        result.sort(Comparator.comparing((TaskStanding.UnitCompletion u) -> -u.rate())
                .thenComparing(u -> -u.tasks()).thenComparing(TaskStanding.UnitCompletion::unitName));
        return result;
    }

    /** The instructions written in the period on tasks in scope, with the lead unit's first report after each. */
    private List<TaskStanding.Instruction> instructions(String where, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select t.id, t.title, lu.name as lead_name, e.actor_name, e.occurred_at, e.comment,
                        """ + TaskTodo.firstAnswerAfter("e.occurred_at", "t.lead_unit_id") + """
                         as answered_at
                        from task_event e
                        join task t on t.id = e.task_id
                        join org_unit lu on lu.id = t.lead_unit_id
                        where e.kind = 'INSTRUCTION' and e.occurred_at >= :from and e.occurred_at < :to and\s"""
                        + where + " order by e.occurred_at desc, e.id desc limit 50")
                .param("from", from.atStartOfDay(zone).toOffsetDateTime())
                .param("to", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .query((rs, n) -> new TaskStanding.Instruction(rs.getLong("id"), rs.getString("title"),
                        rs.getString("lead_name"), rs.getString("actor_name"), Rows.time(rs, "occurred_at"),
                        rs.getString("comment"), Rows.time(rs, "answered_at")))
                .list();
    }

    private static StatusLight light(int rank) {
        return switch (rank) {
            case 0 -> StatusLight.RED;
            case 1 -> StatusLight.YELLOW;
            case 2 -> StatusLight.BLUE;
            default -> StatusLight.GREEN;
        };
    }
}
