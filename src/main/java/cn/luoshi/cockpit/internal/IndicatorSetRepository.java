package cn.luoshi.cockpit.internal;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code cockpit_indicator} table: the indicator codes a region shows, in order. */
@Repository
class IndicatorSetRepository {

    private final JdbcClient jdbc;

    IndicatorSetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per region of the given ones that has a set of its own, its codes in order (one query for the whole path). */
    Map<Long, List<String>> setsOf(List<Long> regionIds) {
        Map<Long, List<String>> sets = new LinkedHashMap<>();
        if (regionIds.isEmpty()) {
            return sets;
        }
        jdbc.sql("""
                        select region_id, indicator_code from cockpit_indicator where region_id in (:regions)
                        order by region_id, sort_order, indicator_code""")
                .param("regions", regionIds)
                .query(rs -> {
                    sets.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
                });
        return sets;
    }

    void replace(long regionId, List<String> codes, String actor, OffsetDateTime now) {
        jdbc.sql("delete from cockpit_indicator where region_id = ?").param(regionId).update();
        int order = 0;
        for (String code : codes) {
            jdbc.sql("""
                            insert into cockpit_indicator (region_id, indicator_code, sort_order, updated_at, updated_by)
                            values (?, ?, ?, ?, ?)""")
                    .params(regionId, code, order++, now, actor).update();
        }
    }

    int clear(long regionId) {
        return jdbc.sql("delete from cockpit_indicator where region_id = ?").param(regionId).update();
    }
}
