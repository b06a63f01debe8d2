package cn.luoshi.task.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import cn.luoshi.common.db.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Extension requests (延期申请): at most one pending per task. */
@Repository
class TaskExtensions {

    /** A request for a later deadline. */
    record ExtensionRow(long id, long taskId, LocalDate currentDue, LocalDate requestedDue, String reason,
                        String status, String requestedByName, OffsetDateTime requestedAt) {
    }

    private final JdbcClient jdbc;

    TaskExtensions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long taskId, LocalDate currentDue, LocalDate requestedDue, String reason, Actor by,
                OffsetDateTime at) {
        return jdbc.sql("""
                        insert into task_extension (task_id, current_due, requested_due, reason, status,
                                                    requested_by, requested_at)
                        values (?, ?, ?, ?, 'PENDING', ?, ?) returning id""")
                .params(taskId, currentDue, requestedDue, reason, by.userId(), at).query(Long.class).single();
    }

    private static final String SELECT = """
            select x.id, x.task_id, x.current_due, x.requested_due, x.reason, x.status, u.display_name,
                   x.requested_at
            from task_extension x left join app_user u on u.id = x.requested_by""";

    Optional<ExtensionRow> find(long taskId, long extensionId) {
        return jdbc.sql(SELECT + " where x.id = ? and x.task_id = ?").params(extensionId, taskId)
                .query(TaskExtensions::map).optional();
    }

    Optional<ExtensionRow> pending(long taskId) {
        return jdbc.sql(SELECT + " where x.task_id = ? and x.status = 'PENDING'").param(taskId)
                .query(TaskExtensions::map).optional();
    }

    boolean decide(long extensionId, boolean approve, Actor by, OffsetDateTime at, String comment) {
        return jdbc.sql("""
                        update task_extension set status = ?, decided_by = ?, decided_at = ?, decision_comment = ?
                        where id = ? and status = 'PENDING'""")
                .params(approve ? "APPROVED" : "REFUSED", by.userId(), at, comment, extensionId).update() == 1;
    }

    private static ExtensionRow map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ExtensionRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
                Rows.time(rs, 8));
    }
}
