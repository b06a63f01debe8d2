package cn.luoshi.speech.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import cn.luoshi.common.db.Rows;
import cn.luoshi.org.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SpeechImportRepository {

    private static final String COLUMNS = """
            select s.id, s.text_sha256, s.speech_text, s.file_name, s.organiser_unit_id, u.name as unit_name,
                   s.meeting_id, s.created_at, s.registered_at, s.version,
                   s.revision_of, s.similarity
            from speech_import s join org_unit u on u.id = s.organiser_unit_id
            """;

    private final JdbcClient jdbc;

    SpeechImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String sha256, String text, String fileName, long organiserUnitId, long userId, OffsetDateTime at) {
        return jdbc.sql("""
                        insert into speech_import (text_sha256, speech_text, file_name, organiser_unit_id, created_by,
                                                   created_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(sha256, text, fileName, organiserUnitId, userId, at).query(Long.class).single();
    }

    /**
     * An edited copy: kept as its own import but already in the meeting of the registered copy it matches, so its
     * registration adds to that meeting.
     */
    long insertRevision(String sha256, String text, String fileName, long organiserUnitId, long userId,
                        OffsetDateTime at, SpeechImport original, double similarity) {
        return jdbc.sql("""
                        insert into speech_import (text_sha256, speech_text, file_name, organiser_unit_id, created_by,
                                                   created_at, meeting_id, revision_of, similarity)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(sha256, text, fileName, organiserUnitId, userId, at, original.meetingId(), original.id(),
                        Math.floor(similarity * 1000) / 1000)
                .query(Long.class).single();
    }

    /**
     * The organiser's registered speeches of about this length (half to twice), newest first: the only ones an
     * edited copy can match. An organiser registers a few dozen speeches a year, so this reads a handful of texts,
     * found through the organiser index.
     */
    List<SpeechImport> registeredOfLength(long organiserUnitId, int length, int limit) {
        return jdbc.sql(COLUMNS + """
                         where s.organiser_unit_id = ? and s.meeting_id is not null
                           and char_length(s.speech_text) between ? and ?
                         order by s.created_at desc limit ?""")
                .params(organiserUnitId, length / 2, length * 2L, limit).query(this::map).list();
    }

    Optional<SpeechImport> find(long id, DataScope scope) {
        return jdbc.sql(COLUMNS + " where s.id = :id and " + DataScope.unitFilter("s.organiser_unit_id"))
                .param("id", id).param("scopePath", scope.pathPattern()).query(this::map).optional();
    }

    /** The registration of this text by this organiser, if there is one. */
    Optional<SpeechImport> findRegistered(String sha256, long organiserUnitId) {
        return jdbc.sql(COLUMNS + " where s.text_sha256 = ? and s.organiser_unit_id = ? and s.meeting_id is not null")
                .params(sha256, organiserUnitId).query(this::map).optional();
    }

    /** The user's own imports, newest first, for the start page. */
    List<SpeechImport> recent(long userId, DataScope scope, int limit) {
        return jdbc.sql(COLUMNS + " where s.created_by = :user and " + DataScope.unitFilter("s.organiser_unit_id")
                        + " order by s.created_at desc limit :limit")
                .param("user", userId).param("scopePath", scope.pathPattern()).param("limit", limit)
                .query(this::map).list();
    }

    /**
     * Takes an edited copy out of the meeting it was matched to, so that it registers as a speech of its own; only
     * while nothing was registered from it. False when it was registered or changed meanwhile.
     */
    boolean detach(long id, int version) {
        return jdbc.sql("""
                        update speech_import set meeting_id = null, revision_of = null, similarity = null,
                               version = version + 1
                        where id = ? and version = ? and revision_of is not null and registered_at is null""")
                .params(id, version).update() == 1;
    }

    /** Records when an edited copy first registered items into its meeting. */
    void markRevisionRegistered(long id, OffsetDateTime at) {
        jdbc.sql("update speech_import set registered_at = coalesce(registered_at, ?) where id = ?")
                .params(at, id).update();
    }

    /** Marks the import registered; false when someone changed it since the given version. */
    boolean markRegistered(long id, long meetingId, int version, OffsetDateTime at) {
        return jdbc.sql("""
                        update speech_import set meeting_id = ?, registered_at = coalesce(registered_at, ?),
                               version = version + 1
                        where id = ? and version = ?""")
                .params(meetingId, at, id, version).update() == 1;
    }

    private SpeechImport map(ResultSet rs, int n) throws SQLException {
        return new SpeechImport(rs.getLong("id"), rs.getString("text_sha256"), rs.getString("speech_text"),
                rs.getString("file_name"), rs.getLong("organiser_unit_id"), rs.getString("unit_name"),
                Rows.nullableLong(rs, "meeting_id"), Rows.time(rs, "created_at"), Rows.time(rs, "registered_at"),
                rs.getInt("version"), Rows.nullableLong(rs, "revision_of"),
                rs.getBigDecimal("similarity") == null ? null : rs.getBigDecimal("similarity").doubleValue());
    }
}
