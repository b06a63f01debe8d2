package cn.luoshi.task.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.common.db.Rows;
import cn.luoshi.task.TaskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only timeline of each task, read with its reports, files and extension requests in three queries. */
@Repository
class TaskEvents {

    private final JdbcClient jdbc;

    TaskEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long record(long taskId, TaskEventKind kind, Actor actor, OffsetDateTime at, String comment) {
        return record(taskId, kind, actor, at, comment, null, null, null, null, null);
    }

    long record(long taskId, TaskEventKind kind, Actor actor, OffsetDateTime at, String comment, TaskStatus from,
                TaskStatus to, Long reportId, Long extensionId, Integer level) {
        return record(taskId, kind, actor, at, comment, from, to, reportId, extensionId, level, null);
    }

    /** {@code level} and {@code escalationId}: the rung of the ladder the entry is about. */
    long record(long taskId, TaskEventKind kind, Actor actor, OffsetDateTime at, String comment, TaskStatus from,
                TaskStatus to, Long reportId, Long extensionId, Integer level, Long escalationId) {
        return jdbc.sql("""
                        insert into task_event (task_id, kind, occurred_at, actor_id, actor_name, comment,
                                                from_status, to_status, report_id, extension_id, level,
                                                escalation_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(taskId, kind.name(), at, actor.userId(), actor.name(), trim(comment),
                        from == null ? null : from.name(), to == null ? null : to.name(), reportId, extensionId,
                        level, escalationId)
                .query(Long.class).single();
    }

    boolean hasEntry(long taskId, TaskEventKind kind, String comment) {
        return jdbc.sql("select exists (select 1 from task_event where task_id = ? and kind = ? and comment = ?)")
                .params(taskId, kind.name(), comment).query(Boolean.class).single();
    }

    /**
     * Newest first. Reports waiting for (or refused by) the unit head stay inside the reporting unit: others see
     * neither the report nor its entries.
     */
    List<TimelineEntry> timeline(long taskId, Long readerUnitId) {
        List<TimelineEntry> entries = jdbc.sql("""
                        select e.id, e.kind, e.occurred_at, e.actor_name, e.comment, e.from_status, e.to_status,
                               e.level, r.id as report_id, r.percent, r.status as report_status, r.unit_id,
                               ru.name as unit_name, r.text, x.id as extension_id, x.current_due, x.requested_due,
                               x.status as extension_status
                        from task_event e
                        left join task_report r on r.id = e.report_id
                        left join org_unit ru on ru.id = r.unit_id
                        left join task_extension x on x.id = e.extension_id
                        where e.task_id = :task
                          and (r.id is null or r.status = 'APPROVED' or r.unit_id = :unit)
                        order by e.occurred_at desc, e.id desc""")
                .param("task", taskId).param("unit", readerUnitId == null ? -1L : readerUnitId)
                .query((rs, n) -> {
                    Long reportId = Rows.nullableLong(rs, "report_id");
                    Long extensionId = Rows.nullableLong(rs, "extension_id");
                    return new TimelineEntry(rs.getLong("id"), TaskEventKind.valueOf(rs.getString("kind")),
                            Rows.time(rs, "occurred_at"), rs.getString("actor_name"), rs.getString("comment"),
                            rs.getString("from_status"), rs.getString("to_status"),
                            rs.getObject("level", Integer.class),
                            reportId == null ? null : new TimelineEntry.Report(reportId, rs.getBigDecimal("percent"),
                                    rs.getString("report_status"), rs.getLong("unit_id"), rs.getString("unit_name"),
                                    rs.getString("text"), List.of()),
                            extensionId == null ? null : new TimelineEntry.Extension(extensionId,
                                    rs.getObject("current_due", LocalDate.class),
                                    rs.getObject("requested_due", LocalDate.class),
                                    rs.getString("extension_status")));
                })
                .list();
        Map<Long, List<TimelineEntry.EvidenceFile>> files = files(entries.stream()
                .filter(e -> e.report() != null).map(e -> e.report().id()).distinct().toList());
        return entries.stream().map(e -> e.report() == null || !files.containsKey(e.report().id()) ? e
                : e.withFiles(files.get(e.report().id()))).toList();
    }

    Map<Long, List<TimelineEntry.EvidenceFile>> files(List<Long> reportIds) {
        Map<Long, List<TimelineEntry.EvidenceFile>> files = new LinkedHashMap<>();
        if (reportIds.isEmpty()) {
            return files;
        }
        jdbc.sql("""
                        select rf.report_id, f.id, f.original_name, f.size_bytes from task_report_file rf
                        join stored_file f on f.id = rf.file_id where rf.report_id in (:ids) order by f.id""")
                .param("ids", reportIds)
                .query(rs -> {
                    files.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new TimelineEntry.EvidenceFile(rs.getLong(2), rs.getString(3), rs.getLong(4)));
                });
        return files;
    }

    private static String trim(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String stripped = s.strip();
        return stripped.length() > 4000 ? stripped.substring(0, 4000) : stripped;
    }
}
