package cn.luoshi.target.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.luoshi.common.db.Rows;
import cn.luoshi.common.web.Paging;
import cn.luoshi.indicator.RankBy;
import cn.luoshi.org.DataScope;
import cn.luoshi.target.ProgressProfile;
import cn.luoshi.target.TargetComparator;
import cn.luoshi.target.TargetStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code target}; every list applies the data scope inside the query. */
@Repository
public class TargetRepository {

    /** A stored target, before the indicator and wording are attached. */
    public record Row(long id, int indicatorId, long unitId, String unitName, String unitPath, Long unitParentId,
                      String unitParentName,
                      int year, Integer baseYear, TargetComparator comparator, RankBy measure, BigDecimal value,
                      BigDecimal baseValue, ProgressProfile profile, Long parentId, TargetStatus status, String title,
                      String note, Long sourceMeetingId, String sourceKey, BigDecimal acceptedGap, int children,
                      int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    private static final String SELECT = """
            select t.*, u.name as unit_name, u.path as unit_path, u.parent_id as unit_parent_id,
                   p.name as unit_parent_name,
                   (select count(*) from target c where c.parent_id = t.id) as child_count
            from target t join org_unit u on u.id = t.unit_id left join org_unit p on p.id = u.parent_id""";

    private final JdbcClient jdbc;

    TargetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getInt("indicator_id"), rs.getLong("unit_id"), rs.getString("unit_name"),
                rs.getString("unit_path"), Rows.nullableLong(rs, "unit_parent_id"), rs.getString("unit_parent_name"),
                rs.getInt("year"),
                (Integer) rs.getObject("base_year", Integer.class),
                TargetComparator.valueOf(rs.getString("comparator")), RankBy.valueOf(rs.getString("measure")),
                rs.getBigDecimal("value"), rs.getBigDecimal("base_value"),
                ProgressProfile.valueOf(rs.getString("profile")), Rows.nullableLong(rs, "parent_id"),
                TargetStatus.valueOf(rs.getString("status")), rs.getString("title"), rs.getString("note"),
                Rows.nullableLong(rs, "source_meeting_id"), rs.getString("source_key"),
                rs.getBigDecimal("accepted_gap"), rs.getInt("child_count"), rs.getInt("version"),
                Rows.time(rs, "created_at"), Rows.time(rs, "updated_at"));
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " where t.id = ?").param(id).query(TargetRepository::map).optional();
    }

    public Optional<Row> findBySource(long meetingId, String key) {
        return jdbc.sql(SELECT + " where t.source_meeting_id = ? and t.source_key = ?").params(meetingId, key)
                .query(TargetRepository::map).optional();
    }

    public List<Row> children(long parentId) {
        return jdbc.sql(SELECT + " where t.parent_id = ? order by u.path").param(parentId)
                .query(TargetRepository::map).list();
    }

    /** Targets in scope, optionally of one unit, one year (running in it) and one status. */
    public List<Row> list(DataScope scope, Long unitId, Integer year, TargetStatus status, Paging paging) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(scope, unitId, year, status, params);
        var query = jdbc.sql(SELECT + where + " order by t.year desc, u.path, t.indicator_id, t.id"
                + " limit :limit offset :offset");
        for (var p : params.entrySet()) {
            query = query.param(p.getKey(), p.getValue());
        }
        return query.param("limit", paging.size()).param("offset", paging.offset()).query(TargetRepository::map)
                .list();
    }

    public long count(DataScope scope, Long unitId, Integer year, TargetStatus status) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(scope, unitId, year, status, params);
        var query = jdbc.sql("select count(*) from target t join org_unit u on u.id = t.unit_id" + where);
        for (var p : params.entrySet()) {
            query = query.param(p.getKey(), p.getValue());
        }
        return query.query(Long.class).single();
    }

    private static String where(DataScope scope, Long unitId, Integer year, TargetStatus status,
                                Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where u.path like :scopePath");
        params.put("scopePath", scope.pathPattern());
        if (unitId != null) {
            where.append(" and t.unit_id = :unit");
            params.put("unit", unitId);
        }
        if (year != null) {
            where.append(" and t.year >= :year and coalesce(t.base_year + 1, t.year) <= :year");
            params.put("year", year);
        }
        if (status != null) {
            where.append(" and t.status = :status");
            params.put("status", status.name());
        }
        return where.toString();
    }

    /** The values that make a target; used for inserts and updates alike. */
    public record Fields(int indicatorId, long unitId, int year, Integer baseYear, TargetComparator comparator,
                         RankBy measure, BigDecimal value, BigDecimal baseValue, ProgressProfile profile,
                         Long parentId, TargetStatus status, String title, String note, Long sourceMeetingId,
                         String sourceKey) {
    }

    public long insert(Fields f, Long actorId, OffsetDateTime now) {
        return jdbc.sql("""
                        insert into target (indicator_id, unit_id, year, base_year, comparator, measure, value,
                            base_value, profile, parent_id, status, title, note, source_meeting_id, source_key,
                            created_by, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(f.indicatorId(), f.unitId(), f.year(), f.baseYear(), f.comparator().name(),
                        f.measure().name(), f.value(), f.baseValue(), f.profile().name(), f.parentId(),
                        f.status().name(), f.title(), f.note(), f.sourceMeetingId(), f.sourceKey(), actorId, now, now)
                .query(Long.class).single();
    }

    /** Updates the target if its version still matches; false otherwise. */
    public boolean update(long id, Fields f, int version, OffsetDateTime now) {
        return jdbc.sql("""
                        update target set indicator_id = ?, unit_id = ?, year = ?, base_year = ?, comparator = ?,
                            measure = ?, value = ?, base_value = ?, profile = ?, status = ?, title = ?, note = ?,
                            version = version + 1, updated_at = ?
                        where id = ? and version = ?""")
                .params(f.indicatorId(), f.unitId(), f.year(), f.baseYear(), f.comparator().name(),
                        f.measure().name(), f.value(), f.baseValue(), f.profile().name(), f.status().name(),
                        f.title(), f.note(), now, id, version)
                .update() == 1;
    }

    public boolean setAcceptedGap(long id, BigDecimal gap, int version, OffsetDateTime now) {
        return jdbc.sql("""
                        update target set accepted_gap = ?, version = version + 1, updated_at = ?
                        where id = ? and version = ?""")
                .params(gap, now, id, version).update() == 1;
    }

    public void setChildValue(long id, BigDecimal value, TargetStatus status, OffsetDateTime now) {
        jdbc.sql("""
                        update target set value = ?, status = ?, version = version + 1, updated_at = ?
                        where id = ?""")
                .params(value, status.name(), now, id).update();
    }

    public void setStatusOfChildren(long parentId, TargetStatus status, OffsetDateTime now) {
        jdbc.sql("update target set status = ?, version = version + 1, updated_at = ? where parent_id = ?")
                .params(status.name(), now, parentId).update();
    }

    public void delete(long id) {
        jdbc.sql("delete from target where id = ?").param(id).update();
    }
}
