package cn.luoshi.task.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import cn.luoshi.common.db.Rows;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.DataScope;
import cn.luoshi.task.Meeting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code meeting}; visibility: organised within the scope, or the source of a visible task. */
@Repository
public class MeetingRepository {

    private static final String SELECT = """
            select m.id, m.title, m.meeting_date, m.occasion, m.organiser_unit_id, u.name as organiser_name,
                   m.speaker_role, m.speech_text is not null as has_speech, m.created_by, m.created_at, m.version,
                   (select count(*) from task t where t.source_kind = 'MEETING' and t.source_id = m.id
                      and %s) as task_count
            from meeting m join org_unit u on u.id = m.organiser_unit_id""";

    private final JdbcClient jdbc;

    MeetingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String visible(DataScope scope) {
        if (scope.global()) {
            return "true";
        }
        return "(" + DataScope.unitFilter("m.organiser_unit_id")
                + " or exists (select 1 from task vt where vt.source_kind = 'MEETING' and vt.source_id = m.id and "
                + TaskQuery.scopeCondition("vt", scope) + "))";
    }

    private static String select(DataScope scope) {
        return SELECT.formatted(TaskQuery.scopeCondition("t", scope));
    }

    public long insert(String title, LocalDate date, String occasion, long organiser, String speakerRole,
                       String speech, String createdBy, OffsetDateTime now) {
        return jdbc.sql("""
                        insert into meeting (title, meeting_date, occasion, organiser_unit_id, speaker_role,
                                             speech_text, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(title, date, occasion, organiser, speakerRole, speech, createdBy, now)
                .query(Long.class).single();
    }

    public Optional<Meeting> find(long id, DataScope scope) {
        return jdbc.sql(select(scope) + " where m.id = :id and " + visible(scope))
                .param("id", id).param("scopePath", scope.pathPattern())
                .query(MeetingRepository::map).optional();
    }

    public Optional<String> speechText(long id) {
        return jdbc.sql("select speech_text from meeting where id = ?").param(id).query(String.class).optional()
                .filter(s -> s != null);
    }

    public PageResponse<Meeting> page(String q, DataScope scope, Paging paging) {
        String where = " where " + visible(scope) + (q == null ? "" : " and m.title ilike :q");
        String like = q == null ? null : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        var count = jdbc.sql("select count(*) from meeting m" + where).param("scopePath", scope.pathPattern());
        var select = jdbc.sql(select(scope) + where + " order by m.meeting_date desc, m.id desc"
                        + " limit :limit offset :offset")
                .param("scopePath", scope.pathPattern()).param("limit", paging.size())
                .param("offset", paging.offset());
        if (like != null) {
            count = count.param("q", like);
            select = select.param("q", like);
        }
        long total = count.query(Long.class).single();
        List<Meeting> content = select.query(MeetingRepository::map).list();
        return paging.page(content, total);
    }

    private static Meeting map(ResultSet rs, int n) throws SQLException {
        return new Meeting(rs.getLong("id"), rs.getString("title"), rs.getObject("meeting_date", LocalDate.class),
                rs.getString("occasion"), rs.getLong("organiser_unit_id"), rs.getString("organiser_name"),
                rs.getString("speaker_role"), rs.getBoolean("has_speech"), rs.getString("created_by"),
                Rows.time(rs, "created_at"), rs.getInt("version"), rs.getLong("task_count"));
    }
}
