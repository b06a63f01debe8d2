package cn.luoshi.task.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.luoshi.common.db.Rows;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.DataScope;
import cn.luoshi.task.EscalationRung;
import cn.luoshi.task.UnitEscalations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code task_escalation}: the rungs raised on tasks, read within the reader's scope. */
@Repository
class TaskEscalations {

    private static final String SELECT = """
            select e.*, t.title as task_title, u.name as unit_name from task_escalation e
            join task t on t.id = e.task_id
            join org_unit u on u.id = e.unit_id
            """;

    private final JdbcClient jdbc;

    TaskEscalations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static EscalationRow map(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        return new EscalationRow(rs.getLong("id"), new Ref(rs.getLong("task_id"), rs.getString("task_title")),
                new Ref(rs.getLong("unit_id"), rs.getString("unit_name")),
                EscalationRung.ofLevel(rs.getInt("rung")).orElseThrow(), Rows.nullableLong(rs, "raised_by"),
                rs.getString("raised_by_name"), Rows.time(rs, "raised_at"), rs.getString("reason"),
                rs.getBoolean("skipped"), rs.getString("response"), rs.getString("responded_by_name"),
                Rows.time(rs, "responded_at"), outcome == null ? null : EscalationOutcome.valueOf(outcome),
                rs.getString("outcome_note"), rs.getString("closed_by_name"), Rows.time(rs, "closed_at"),
                rs.getInt("version"));
    }

    long insert(long taskId, long unitId, EscalationRung rung, Actor by, OffsetDateTime at, String reason,
                boolean skipped, LocalDate lightSince) {
        return jdbc.sql("""
                        insert into task_escalation (task_id, unit_id, rung, raised_by, raised_by_name, raised_at,
                                                     reason, skipped, light_since)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(taskId, unitId, rung.level(), by.userId(), by.name(), at, reason, skipped, lightSince)
                .query(Long.class).single();
    }

    /** The task's open rung, if it has one (there is at most one). */
    Optional<EscalationRow> open(long taskId) {
        return jdbc.sql(SELECT + " where e.task_id = ? and e.closed_at is null").param(taskId)
                .query(TaskEscalations::map).optional();
    }

    Optional<EscalationRow> find(long taskId, long id) {
        return jdbc.sql(SELECT + " where e.id = ? and e.task_id = ?").params(id, taskId)
                .query(TaskEscalations::map).optional();
    }

    /** Every rung raised on the task, newest first. */
    List<EscalationRow> ofTask(long taskId) {
        return jdbc.sql(SELECT + " where e.task_id = ? order by e.raised_at desc, e.id desc").param(taskId)
                .query(TaskEscalations::map).list();
    }

    boolean respond(long id, int version, String text, Actor by, OffsetDateTime at) {
        return jdbc.sql("""
                        update task_escalation set response = ?, responded_by = ?, responded_by_name = ?,
                               responded_at = ?, version = version + 1
                        where id = ? and version = ? and closed_at is null and responded_at is null""")
                .params(text, by.userId(), by.name(), at, id, version).update() == 1;
    }

    boolean close(long id, EscalationOutcome outcome, String note, Actor by, OffsetDateTime at) {
        return jdbc.sql("""
                        update task_escalation set outcome = ?, outcome_note = ?, closed_by_name = ?, closed_at = ?,
                               version = version + 1
                        where id = ? and closed_at is null""")
                .params(outcome.name(), note, by.name(), at, id).update() == 1;
    }

    /**
     * The rungs in the reader's scope, newest first: open ones only unless {@code all}; of one rung and of one unit
     * and the units below it when given.
     */
    List<EscalationRow> list(EscalationRung rung, String unitPath, boolean all, DataScope scope, Paging paging) {
        return jdbc.sql(SELECT + where(rung, unitPath, all) + " order by e.raised_at desc, e.id desc"
                        + " limit :limit offset :offset")
                .params(params(rung, unitPath, scope)).param("limit", paging.size())
                .param("offset", paging.offset())
                .query(TaskEscalations::map).list();
    }

    long count(EscalationRung rung, String unitPath, boolean all, DataScope scope) {
        return jdbc.sql("select count(*) from task_escalation e join org_unit u on u.id = e.unit_id"
                        + where(rung, unitPath, all))
                .params(params(rung, unitPath, scope)).query(Long.class).single();
    }

    private static String where(EscalationRung rung, String unitPath, boolean all) {
        return " where u.path like :scopePath" + (all ? "" : " and e.closed_at is null")
                + (rung == null ? "" : " and e.rung = :rung") + (unitPath == null ? "" : " and u.path like :unitPath");
    }

    private static Map<String, Object> params(EscalationRung rung, String unitPath, DataScope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("scopePath", scope.pathPattern());
        if (rung != null) {
            params.put("rung", rung.level());
        }
        if (unitPath != null) {
            params.put("unitPath", unitPath + "%");
        }
        return params;
    }

    /**
     * Rungs raised from {@code from} to {@code to} (whole days in {@code zone}) on the tasks of each unit in scope,
     * by rung; units with none are left out. Most rungs first, then by the unit's place in the tree.
     */
    List<UnitEscalations> counts(LocalDate from, LocalDate to, ZoneId zone, DataScope scope) {
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, Map<EscalationRung, Long>> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select u.id, u.name, e.rung, count(*) from task_escalation e
                        join org_unit u on u.id = e.unit_id
                        where u.path like :scopePath and e.raised_at >= :from and e.raised_at < :to
                        group by u.id, u.name, u.path, e.rung order by u.path, e.rung""")
                .param("scopePath", scope.pathPattern())
                .param("from", from.atStartOfDay(zone).toOffsetDateTime())
                .param("to", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .query(rs -> {
                    long unit = rs.getLong(1);
                    names.put(unit, rs.getString(2));
                    counts.computeIfAbsent(unit, k -> zeros())
                            .put(EscalationRung.ofLevel(rs.getInt(3)).orElseThrow(), rs.getLong(4));
                });
        List<UnitEscalations> result = new ArrayList<>();
        for (var unit : counts.entrySet()) {
            long total = unit.getValue().values().stream().mapToLong(Long::longValue).sum();
            result.add(new UnitEscalations(unit.getKey(), names.get(unit.getKey()), unit.getValue(), total));
        }
        // Stable: the tree order from the query breaks ties.
        result.sort((a, b) -> Long.compare(b.total(), a.total()));
        return result;
    }

    private static Map<EscalationRung, Long> zeros() {
        Map<EscalationRung, Long> zeros = new EnumMap<>(EscalationRung.class);
        for (EscalationRung rung : EscalationRung.values()) {
            zeros.put(rung, 0L);
        }
        return zeros;
    }

    /**
     * Whether this rung (or a higher one) was raised for the light that turned on that day and the office has closed
     * it since: the daily round does not raise it again for the same light.
     */
    boolean settledForLight(long taskId, EscalationRung rung, LocalDate lightSince) {
        return jdbc.sql("""
                        select exists (select 1 from task_escalation
                                       where task_id = ? and rung >= ? and light_since = ?
                                         and outcome in ('RECTIFIED', 'CONCLUDED'))""")
                .params(taskId, rung.level(), lightSince).query(Boolean.class).single();
    }
}
