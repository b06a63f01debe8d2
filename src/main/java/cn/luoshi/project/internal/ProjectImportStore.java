package cn.luoshi.project.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import cn.luoshi.common.db.Rows;
import cn.luoshi.project.NewProject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The kept previews of project imports ({@code project_import}): what they showed and what confirming writes. */
@Repository
public class ProjectImportStore {

    /** A kept preview as stored. */
    public record Stored(long id, String kind, String filename, String status, long actorId, int rows, int created,
                         int changed, int unchanged, String rowsJson, String planJson, OffsetDateTime createdAt,
                         OffsetDateTime confirmedAt) {
    }

    /**
     * What confirming a project-list preview writes: the rows that are new or changed, each with the version of the
     * project it changes as the preview saw it.
     */
    public record ProjectWrite(int row, NewProject project, Long projectId, Integer version, Integer planYear,
                               BigDecimal planned, boolean writeProject, boolean writePlan) {
    }

    /** One month a progress preview writes, with the version of its project as the preview saw it. */
    public record ProgressWrite(int row, long projectId, int version, int year, int month, BigDecimal completed,
                                String text) {
    }

    /** The writes of one preview (one of the two lists is empty). */
    public record Plan(List<ProjectWrite> projects, List<ProgressWrite> progress) {
    }

    private static final java.time.Duration STALE_AFTER = java.time.Duration.ofDays(7);

    private final JdbcClient jdbc;

    ProjectImportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long save(String kind, String filename, long actorId, int rows, int created, int changed, int unchanged,
                     String rowsJson, String planJson, OffsetDateTime at) {
        String name = filename == null ? "" : filename.length() > 255 ? filename.substring(0, 255) : filename;
        // Previews nobody confirmed can no longer be after a day; a week on they are of no use to anyone.
        jdbc.sql("delete from project_import where status = 'PREVIEW' and created_at < ?")
                .param(at.minus(STALE_AFTER)).update();
        return jdbc.sql("""
                        insert into project_import (kind, filename, status, actor_id, rows_total, created, changed,
                                                    unchanged, rows_json, plan_json, created_at)
                        values (?, ?, 'PREVIEW', ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(kind, name, actorId, rows, created, changed, unchanged, rowsJson, planJson, at)
                .query(Long.class).single();
    }

    public Optional<Stored> find(long id) {
        return jdbc.sql("select * from project_import where id = ?").param(id).query(ProjectImportStore::map)
                .optional();
    }

    /** The preview, locked until the transaction ends: two confirmations at once take turns. */
    public Optional<Stored> lock(long id) {
        return jdbc.sql("select * from project_import where id = ? for update").param(id)
                .query(ProjectImportStore::map).optional();
    }

    public void markDone(long id, OffsetDateTime at) {
        jdbc.sql("update project_import set status = 'DONE', confirmed_at = ? where id = ?").params(at, id).update();
    }

    private static Stored map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Stored(rs.getLong("id"), rs.getString("kind"), rs.getString("filename"), rs.getString("status"),
                rs.getLong("actor_id"), rs.getInt("rows_total"), rs.getInt("created"), rs.getInt("changed"),
                rs.getInt("unchanged"), rs.getString("rows_json"), rs.getString("plan_json"),
                Rows.time(rs, "created_at"), Rows.time(rs, "confirmed_at"));
    }
}
