package cn.luoshi.task.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.luoshi.common.db.Rows;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.DataScope;
import cn.luoshi.task.NewTask;
import cn.luoshi.task.Priority;
import cn.luoshi.task.ReportCycle;
import cn.luoshi.task.SourceKind;
import cn.luoshi.task.TaskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code task} and {@code task_unit}. Every read for a user carries the scope condition. */
@Repository
public class TaskRepository {

    private static final String FROM = """
             from task t
             join org_unit lu on lu.id = t.lead_unit_id
             left join app_user ld on ld.id = t.leader_id
             left join meeting m on t.source_kind = 'MEETING' and m.id = t.source_id
            """;

    private static final String COLUMNS = """
            select t.id, t.title, %s as description, t.lead_unit_id, lu.name as lead_unit_name, t.leader_id,
                   ld.display_name as leader_name, t.start_date, t.due_date, t.report_cycle, t.priority, t.tags,
                   t.parent_id, t.depth, t.source_kind, t.source_id, t.source_key, t.outline_path,
                   %s as source_text, m.title as meeting_title, t.requires_head_approval, t.status, t.progress,
                   t.reported_progress, t.blue_from, t.yellow_from, t.red_from, t.escalation_level,
                   t.next_report_due, t.last_report_at, t.return_count, t.completed_at, t.created_by, t.created_at,
                   t.updated_at, t.version
            """;

    /** Everything, for one task. */
    private static final String SELECT_FULL = COLUMNS.formatted("t.description", "t.source_text") + FROM;
    /** Without the long texts, for lists. */
    private static final String SELECT_BRIEF = COLUMNS.formatted("null", "null") + FROM;

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static TaskRow map(ResultSet rs, int n) throws SQLException {
        return new TaskRow(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                rs.getLong("lead_unit_id"), rs.getString("lead_unit_name"), Rows.nullableLong(rs, "leader_id"),
                rs.getString("leader_name"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class), ReportCycle.valueOf(rs.getString("report_cycle")),
                Priority.valueOf(rs.getString("priority")), tags(rs.getArray("tags")),
                Rows.nullableLong(rs, "parent_id"), rs.getInt("depth"),
                SourceKind.valueOf(rs.getString("source_kind")), Rows.nullableLong(rs, "source_id"),
                rs.getString("source_key"), rs.getString("outline_path"), rs.getString("source_text"),
                rs.getString("meeting_title"), rs.getBoolean("requires_head_approval"),
                TaskStatus.valueOf(rs.getString("status")), rs.getBigDecimal("progress"),
                rs.getBigDecimal("reported_progress"),
                new LightSchedule(rs.getObject("blue_from", LocalDate.class),
                        rs.getObject("yellow_from", LocalDate.class), rs.getObject("red_from", LocalDate.class)),
                rs.getInt("escalation_level"), rs.getObject("next_report_due", LocalDate.class),
                Rows.time(rs, "last_report_at"), rs.getInt("return_count"), Rows.time(rs, "completed_at"),
                rs.getString("created_by"), Rows.time(rs, "created_at"), Rows.time(rs, "updated_at"),
                rs.getInt("version"));
    }

    private static List<String> tags(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    /** Inserts the task unless its source item was registered before; empty in that case. */
    Optional<Long> insert(NewTask cmd, TaskStatus status, LocalDate start, int depth, LightSchedule schedule,
                          LocalDate nextReportDue, String createdBy, OffsetDateTime now) {
        Optional<Long> id = jdbc.sql("""
                        insert into task (title, description, lead_unit_id, leader_id, start_date, due_date,
                                          report_cycle, priority, tags, co_unit_ids, parent_id, depth,
                                          source_kind, source_id,
                                          source_key, outline_path, source_text, requires_head_approval, status,
                                          blue_from, yellow_from, red_from, next_report_due, created_by,
                                          created_at, updated_at)
                        values (:title, :description, :lead, :leader, :start, :due, :cycle, :priority,
                                cast(:tags as text[]), cast(:coUnits as bigint[]), :parent, :depth, :kind,
                                :sourceId, :sourceKey, :outline, :sourceText, :headApproval, :status, :blue,
                                :yellow, :red, :nextReport, :by, :now, :now)
                        on conflict (source_kind, coalesce(source_id, 0), source_key) where source_key is not null
                        do nothing
                        returning id""")
                .param("title", cmd.title().strip()).param("description", blankToNull(cmd.description()))
                .param("lead", cmd.leadUnitId()).param("leader", cmd.leaderId()).param("start", start)
                .param("due", cmd.dueDate()).param("cycle", cmd.reportCycle().name())
                .param("priority", cmd.priority().name())
                .param("tags", cmd.tags().toArray(String[]::new))
                .param("coUnits", cmd.coUnitIds().stream().distinct().toArray(Long[]::new))
                .param("parent", cmd.parentId()).param("depth", depth).param("kind", cmd.source().kind().name())
                .param("sourceId", cmd.source().sourceId()).param("sourceKey", blankToNull(cmd.source().sourceKey()))
                .param("outline", blankToNull(cmd.source().outlinePath()))
                .param("sourceText", blankToNull(cmd.source().sourceText()))
                .param("headApproval", cmd.requiresHeadApproval()).param("status", status.name())
                .param("blue", schedule.blueFrom()).param("yellow", schedule.yellowFrom())
                .param("red", schedule.redFrom()).param("nextReport", nextReportDue).param("by", createdBy)
                .param("now", now)
                .query(Long.class).optional();
        id.ifPresent(taskId -> {
            jdbc.sql("insert into task_unit (task_id, unit_id, role) values (?, ?, 'LEAD')")
                    .params(taskId, cmd.leadUnitId()).update();
            for (Long co : cmd.coUnitIds().stream().distinct().toList()) {
                jdbc.sql("insert into task_unit (task_id, unit_id, role) values (?, ?, 'CO')").params(taskId, co)
                        .update();
            }
        });
        return id;
    }

    Optional<Long> findBySourceKey(SourceKind kind, Long sourceId, String sourceKey) {
        return jdbc.sql("""
                        select id from task where source_kind = ? and coalesce(source_id, 0) = ? and source_key = ?""")
                .params(kind.name(), sourceId == null ? 0L : sourceId, sourceKey).query(Long.class).optional();
    }

    public Optional<TaskRow> find(long id) {
        return jdbc.sql(SELECT_FULL + " where t.id = :id").param("id", id).query(TaskRepository::map).optional();
    }

    /** The task when it lies in the scope; locked for update when a change follows. */
    public Optional<TaskRow> findVisible(long id, DataScope scope, boolean forUpdate) {
        if (forUpdate) {
            // Serialises concurrent steps on one task; the version check then tells the loser it is stale.
            jdbc.sql("select id from task where id = ? for update").param(id).query(Long.class).optional();
        }
        return jdbc.sql(SELECT_FULL + " where t.id = :id and " + TaskQuery.scopeCondition("t", scope))
                .param("id", id).param("scopePath", scope.pathPattern())
                .query(TaskRepository::map).optional();
    }

    List<TaskRow> page(TaskFilter filter, ScopeUnits scope, LocalDate today, ScopeUnits unit, Paging paging) {
        TaskQuery query = TaskQuery.of(filter, scope, today, unit);
        // Worth it where most tasks are in view (a city or more); a department's few thousand sort faster directly.
        if (filter.sort() == TaskSort.LIGHT && filter.light() == null && filter.statuses().isEmpty() && unit == null
                && scope.wide()) {
            return byLight(query, paging);
        }
        return jdbc.sql(SELECT_BRIEF + query.where() + " order by " + filter.sort().orderBy()
                        + " limit :limit offset :offset")
                .params(query.params()).param("limit", paging.size()).param("offset", paging.offset())
                .query(TaskRepository::map).list();
    }

    /**
     * The light order's groups, most urgent first; within each the nearest deadline comes first. Only red tasks
     * can be overdue, so the others start their walk of the deadline index at today (implied, but it saves
     * reading past every overdue task).
     */
    private static final String[] LIGHT_GROUPS = {
            "t.red_from <= :today",
            "t.due_date >= :today and t.yellow_from <= :today and t.red_from > :today",
            "t.due_date >= :today and t.blue_from <= :today and t.yellow_from > :today",
            "t.due_date >= :today and t.blue_from > :today and t.status not in ('COMPLETED', 'CANCELLED')",
            "t.status in ('COMPLETED', 'CANCELLED')"};

    /**
     * The board's order (red, yellow, blue, green, finished) without sorting every task by a computed rank: each
     * group walks the deadline index only as far as the page needs, then the few rows found are merged.
     */
    private List<TaskRow> byLight(TaskQuery query, Paging paging) {
        StringBuilder sql = new StringBuilder("select * from (");
        for (int group = 0; group < LIGHT_GROUPS.length; group++) {
            sql.append(group == 0 ? "" : " union all ").append("(").append(COLUMNS.formatted("null", "null"))
                    .append(", ").append(group).append(" as light_group").append(FROM).append(query.where())
                    .append(" and ").append(LIGHT_GROUPS[group]).append(" order by t.due_date, t.id limit :reach)");
        }
        sql.append(") grouped order by light_group, due_date, id limit :limit offset :offset");
        return jdbc.sql(sql.toString())
                .params(query.params()).param("reach", paging.offset() + paging.size())
                .param("limit", paging.size()).param("offset", paging.offset())
                .query(TaskRepository::map).list();
    }

    long count(TaskFilter filter, ScopeUnits scope, LocalDate today, ScopeUnits unit) {
        TaskQuery query = TaskQuery.of(filter, scope, today, unit);
        return jdbc.sql("select count(*) from task t" + query.where()).params(query.params()).query(Long.class)
                .single();
    }

    /** How many tasks of the filtered set show each light today (the board's header). */
    Map<String, Long> countByLight(TaskFilter filter, ScopeUnits scope, LocalDate today, ScopeUnits unit) {
        TaskQuery query = TaskQuery.of(filter.withLight(null), scope, today, unit);
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select " + TaskQuery.LIGHT_RANK + " as rank, count(*) from task t" + query.where()
                        + " group by 1")
                .params(query.params())
                .query(rs -> {
                    String light = switch (rs.getInt(1)) {
                        case 0 -> "RED";
                        case 1 -> "YELLOW";
                        case 2 -> "BLUE";
                        default -> "GREEN";
                    };
                    counts.put(light, rs.getLong(2));
                });
        return counts;
    }

    /** Streams the filtered tasks in pages by id, for the Excel export. */
    List<TaskRow> exportBatch(TaskFilter filter, ScopeUnits scope, LocalDate today, ScopeUnits unit, int offset,
                              int limit) {
        TaskQuery query = TaskQuery.of(filter, scope, today, unit);
        return jdbc.sql(SELECT_BRIEF + query.where() + " order by " + filter.sort().orderBy()
                        + " limit :limit offset :offset")
                .params(query.params()).param("limit", limit).param("offset", offset)
                .query(TaskRepository::map).list();
    }

    /** Co-units of the given tasks, with names, in one query. */
    Map<Long, List<Ref>> coUnits(Collection<Long> taskIds) {
        Map<Long, List<Ref>> result = new LinkedHashMap<>();
        if (taskIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        select tu.task_id, u.id, u.name from task_unit tu join org_unit u on u.id = tu.unit_id
                        where tu.task_id in (:ids) and tu.role = 'CO' order by u.sort_order, u.name""")
                .param("ids", taskIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Ref(rs.getLong(2), rs.getString(3)));
                });
        return result;
    }

    List<Ref> coUnits(long taskId) {
        return coUnits(List.of(taskId)).getOrDefault(taskId, List.of());
    }

    /** Number of children of each task, in one query. */
    Map<Long, Integer> childCounts(Collection<Long> taskIds) {
        Map<Long, Integer> result = new LinkedHashMap<>();
        if (taskIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select parent_id, count(*) from task where parent_id in (:ids) group by parent_id")
                .param("ids", taskIds)
                .query(rs -> {
                    result.put(rs.getLong(1), rs.getInt(2));
                });
        return result;
    }

    /** The children of a task the reader may see. */
    List<TaskRow> visibleChildren(long parentId, DataScope scope) {
        return jdbc.sql(SELECT_BRIEF + " where t.parent_id = :parent and " + TaskQuery.scopeCondition("t", scope)
                        + " order by t.due_date, t.id")
                .param("parent", parentId).param("scopePath", scope.pathPattern())
                .query(TaskRepository::map).list();
    }

    List<TaskRow> bySource(SourceKind kind, long sourceId, DataScope scope) {
        return jdbc.sql(SELECT_BRIEF + " where t.source_kind = :kind and t.source_id = :source and "
                        + TaskQuery.scopeCondition("t", scope) + " order by t.id")
                .param("kind", kind.name()).param("source", sourceId).param("scopePath", scope.pathPattern())
                .query(TaskRepository::map).list();
    }

    /** Children still open (not completed or cancelled). */
    int openChildren(long parentId) {
        return jdbc.sql("""
                        select count(*) from task where parent_id = ? and status not in ('COMPLETED', 'CANCELLED')""")
                .param(parentId).query(Integer.class).single();
    }

    /** Mean progress of the children that count (all but cancelled ones); empty when there are none. */
    Optional<BigDecimal> childrenProgress(long parentId) {
        return jdbc.sql("""
                        select round(avg(case when status = 'COMPLETED' then 100 else progress end), 1) from task
                        where parent_id = ? and status <> 'CANCELLED'""")
                .param(parentId).query(BigDecimal.class).optional().filter(v -> v != null);
    }

    boolean changeStatus(long id, int version, TaskStatus from, TaskStatus to, OffsetDateTime now,
                         LightSchedule schedule, boolean returned) {
        return jdbc.sql("""
                        update task set status = :to, updated_at = :now, version = version + 1,
                               blue_from = :blue, yellow_from = :yellow, red_from = :red,
                               completed_at = case when :to = 'COMPLETED' then :now else completed_at end,
                               progress = case when :to = 'COMPLETED' then 100 else progress end,
                               escalation_level = case when :to in ('COMPLETED', 'CANCELLED') then 0
                                                       else escalation_level end,
                               return_count = return_count + :returned
                        where id = :id and version = :version and status = :from""")
                .param("to", to.name()).param("now", now).param("blue", schedule.blueFrom())
                .param("yellow", schedule.yellowFrom()).param("red", schedule.redFrom())
                .param("returned", returned ? 1 : 0).param("id", id).param("version", version)
                .param("from", from.name())
                .update() == 1;
    }

    /** Stores new progress and the light schedule that goes with it. */
    void updateProgress(long id, BigDecimal progress, BigDecimal reported, LightSchedule schedule,
                        OffsetDateTime now) {
        jdbc.sql("""
                        update task set progress = :progress, reported_progress = :reported, blue_from = :blue,
                               yellow_from = :yellow, red_from = :red, updated_at = :now, version = version + 1
                        where id = :id""")
                .param("progress", progress).param("reported", reported).param("blue", schedule.blueFrom())
                .param("yellow", schedule.yellowFrom()).param("red", schedule.redFrom()).param("now", now)
                .param("id", id).update();
    }

    void recordReport(long id, OffsetDateTime at, LocalDate nextReportDue) {
        jdbc.sql("update task set last_report_at = ?, next_report_due = ? where id = ?")
                .params(at, nextReportDue, id).update();
    }

    void setStatusQuietly(long id, TaskStatus from, TaskStatus to, OffsetDateTime now) {
        jdbc.sql("update task set status = ?, updated_at = ? where id = ? and status = ?")
                .params(to.name(), now, id, from.name()).update();
    }

    void updateDue(long id, LocalDate due, LightSchedule schedule, OffsetDateTime now) {
        jdbc.sql("""
                        update task set due_date = :due, blue_from = :blue, yellow_from = :yellow, red_from = :red,
                               updated_at = :now, version = version + 1
                        where id = :id""")
                .param("due", due).param("blue", schedule.blueFrom()).param("yellow", schedule.yellowFrom())
                .param("red", schedule.redFrom()).param("now", now).param("id", id).update();
    }

    void setEscalation(long id, int level) {
        jdbc.sql("update task set escalation_level = ? where id = ?").params(level, id).update();
    }

    void setNextReportDue(long id, LocalDate due) {
        jdbc.sql("update task set next_report_due = ? where id = ?").params(due, id).update();
    }

    /** Working tasks whose light schedule is due for recomputation after a threshold change under a unit. */
    List<TaskRow> openUnder(String unitPath) {
        return jdbc.sql(SELECT_BRIEF + " where lu.path like :path and t.status not in ('COMPLETED', 'CANCELLED')")
                .param("path", unitPath + "%").query(TaskRepository::map).list();
    }

    /**
     * Working tasks (no drafts) whose light today calls for a higher rung than the open one (blue 提醒 1, yellow
     * 催办 2, red 督办 3), unless that rung (or a higher one) was raised for this same light and the office has
     * closed it since (a rung that went on into a higher one, or was lifted, may come back).
     */
    List<TaskRow> needingEscalation(LocalDate today) {
        return jdbc.sql(SELECT_BRIEF + """
                         where t.status in ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS')
                           and ((t.red_from <= :today and t.escalation_level < 3
                                 and not exists (%s and e.rung >= 3 and e.light_since = t.red_from))
                             or (t.yellow_from <= :today and t.red_from > :today and t.escalation_level < 2
                                 and not exists (%s and e.rung >= 2 and e.light_since = t.yellow_from))
                             or (t.blue_from <= :today and t.yellow_from > :today and t.escalation_level < 1
                                 and not exists (%s and e.rung >= 1 and e.light_since = t.blue_from)))
                         order by t.id""".formatted(SETTLED_RUNG, SETTLED_RUNG, SETTLED_RUNG))
                .param("today", today).query(TaskRepository::map).list();
    }

    /** A rung of the task the office closed (put right, concluded); with the rung and light conditions after it. */
    private static final String SETTLED_RUNG = "select 1 from task_escalation e where e.task_id = t.id"
            + " and e.outcome in ('RECTIFIED', 'CONCLUDED')";

    /** Tasks whose open rung, raised by the daily round, is higher than their light today calls for. */
    List<TaskRow> overEscalated(LocalDate today) {
        return jdbc.sql(SELECT_BRIEF + """
                         join task_escalation e on e.task_id = t.id and e.closed_at is null and e.raised_by is null
                         where e.rung <= 3 and e.rung > (case when t.red_from <= :today then 3
                                                              when t.yellow_from <= :today then 2
                                                              when t.blue_from <= :today then 1 else 0 end)
                         order by t.id""")
                .param("today", today).query(TaskRepository::map).list();
    }

    /** Working tasks whose next report falls due by the given day. */
    List<TaskRow> reportsDueBy(LocalDate day) {
        return jdbc.sql(SELECT_BRIEF + """
                         where t.status in ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS') and t.next_report_due <= :day
                         order by t.id""")
                .param("day", day).query(TaskRepository::map).list();
    }

    List<Long> ancestorsOf(long id) {
        return jdbc.sql("""
                        with recursive up(id, parent_id, n) as (
                            select id, parent_id, 0 from task where id = ?
                            union all
                            select p.id, p.parent_id, up.n + 1 from task p join up on p.id = up.parent_id)
                        select id from up where n > 0 order by n""")
                .param(id).query(Long.class).list();
    }

    /** Ids of the open tasks below a task, deepest first (to cancel a branch). */
    List<Long> openDescendants(long id) {
        return jdbc.sql("""
                        with recursive down(id, n) as (
                            select id, 1 from task where parent_id = ?
                            union all
                            select c.id, down.n + 1 from task c join down on c.parent_id = down.id)
                        select d.id from down d join task t on t.id = d.id
                        where t.status not in ('COMPLETED', 'CANCELLED') order by d.n desc, d.id""")
                .param(id).query(Long.class).list();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
