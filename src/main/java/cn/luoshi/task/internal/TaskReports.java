package cn.luoshi.task.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import cn.luoshi.common.db.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Progress reports (进展反馈) and the evidence files attached to them. */
@Repository
class TaskReports {

    private final JdbcClient jdbc;

    TaskReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long taskId, long unitId, BigDecimal percent, String text, String status, Actor by,
                OffsetDateTime at) {
        return jdbc.sql("""
                        insert into task_report (task_id, unit_id, percent, text, status, reported_by, reporter_name,
                                                 reported_at, decided_by, decided_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(taskId, unitId, percent, text, status, by.userId(), by.name(), at,
                        ReportRow.APPROVED.equals(status) ? by.userId() : null,
                        ReportRow.APPROVED.equals(status) ? at : null)
                .query(Long.class).single();
    }

    void attach(long reportId, long fileId) {
        jdbc.sql("insert into task_report_file (report_id, file_id) values (?, ?)").params(reportId, fileId)
                .update();
    }

    Optional<ReportRow> find(long taskId, long reportId) {
        return jdbc.sql("""
                        select id, task_id, unit_id, percent, text, status, reported_by, reporter_name, reported_at
                        from task_report where id = ? and task_id = ?""")
                .params(reportId, taskId)
                .query((rs, n) -> new ReportRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getString(6), Rows.nullableLong(rs, "reported_by"), rs.getString(8),
                        Rows.time(rs, 9)))
                .optional();
    }

    boolean decide(long reportId, boolean approve, Actor by, OffsetDateTime at, String comment) {
        return jdbc.sql("""
                        update task_report set status = ?, decided_by = ?, decided_at = ?, decision_comment = ?
                        where id = ? and status = 'PENDING'""")
                .params(approve ? ReportRow.APPROVED : ReportRow.REJECTED, by.userId(), at, comment, reportId)
                .update() == 1;
    }

    /** Whether the lead unit has put any evidence on an approved report of the task. */
    boolean hasEvidence(long taskId, long leadUnitId) {
        return jdbc.sql("""
                        select exists (select 1 from task_report r join task_report_file f on f.report_id = r.id
                                       where r.task_id = ? and r.unit_id = ? and r.status = 'APPROVED')""")
                .params(taskId, leadUnitId).query(Boolean.class).single();
    }

    /** Reports of the task waiting for the given unit's head. */
    List<ReportRow> pendingFor(long taskId, long unitId) {
        return jdbc.sql("""
                        select id, task_id, unit_id, percent, text, status, reported_by, reporter_name, reported_at
                        from task_report where task_id = ? and unit_id = ? and status = 'PENDING'
                        order by reported_at""")
                .params(taskId, unitId)
                .query((rs, n) -> new ReportRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getString(6), Rows.nullableLong(rs, "reported_by"), rs.getString(8),
                        Rows.time(rs, 9)))
                .list();
    }

    /** Whether the file is evidence of a report of this task that the reader may see. */
    boolean fileVisible(long taskId, long fileId, Long readerUnitId) {
        return jdbc.sql("""
                        select exists (select 1 from task_report r join task_report_file f on f.report_id = r.id
                                       where r.task_id = ? and f.file_id = ?
                                         and (r.status = 'APPROVED' or r.unit_id = ?))""")
                .params(taskId, fileId, readerUnitId == null ? -1L : readerUnitId).query(Boolean.class).single();
    }
}
