package cn.luoshi.indicator.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.luoshi.indicator.ObservationKind;
import cn.luoshi.indicator.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads current observations by their key; every lookup is one indexed query whatever the number of units. */
@Repository
public class ObservationStore {

    /** One stored value. */
    public record Stored(long unitId, Period period, ObservationKind kind, BigDecimal value) {
    }

    /** A (period, kind) pair to look for. */
    public record Key(Period period, ObservationKind kind) {
    }

    private final JdbcClient jdbc;

    ObservationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored values of one indicator for the given units under any of the given keys. */
    public List<Stored> find(int indicatorId, Collection<Long> unitIds, Collection<Key> keys) {
        if (unitIds.isEmpty() || keys.isEmpty()) {
            return List.of();
        }
        Set<String> periods = new LinkedHashSet<>();
        Set<String> kinds = new LinkedHashSet<>();
        for (Key key : keys) {
            periods.add(key.period().code());
            kinds.add(key.kind().name());
        }
        List<Stored> rows = new ArrayList<>();
        Set<Key> wanted = Set.copyOf(keys);
        jdbc.sql("""
                        select unit_id, period, kind, value from observation
                        where indicator_id = :indicator and period in (:periods) and kind in (:kinds)
                          and unit_id in (:units)""")
                .param("indicator", indicatorId)
                .param("periods", periods)
                .param("kinds", kinds)
                .param("units", unitIds)
                .query(rs -> {
                    Key key = new Key(Period.parse(rs.getString(2)), ObservationKind.valueOf(rs.getString(3)));
                    if (wanted.contains(key)) {
                        rows.add(new Stored(rs.getLong(1), key.period(), key.kind(), rs.getBigDecimal(4)));
                    }
                });
        return rows;
    }

    /**
     * The stored growth rates of several indicators for the given units and periods, in one query over the primary
     * key (a series of rankings, e.g. each month of a year for the cockpit), handed over with their indicator's id.
     */
    public void growth(Collection<Integer> indicatorIds, Collection<Long> unitIds, Collection<Period> periods,
                       java.util.function.BiConsumer<Integer, Stored> each) {
        if (indicatorIds.isEmpty() || unitIds.isEmpty() || periods.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        select indicator_id, unit_id, period, value from observation
                        where indicator_id in (:indicators) and period in (:periods) and kind = 'GROWTH'
                          and unit_id in (:units)""")
                .param("indicators", indicatorIds)
                .param("periods", periods.stream().map(Period::code).toList())
                .param("units", unitIds)
                .query(rs -> {
                    each.accept(rs.getInt(1), new Stored(rs.getLong(2), Period.parse(rs.getString(3)),
                            ObservationKind.GROWTH, rs.getBigDecimal(4)));
                });
    }

    /** One unit's stored values of an indicator whose periods end within the range, oldest first. */
    public List<Stored> series(int indicatorId, long unitId, ObservationKind kind, int fromOrd, int toOrd) {
        return jdbc.sql("""
                        select unit_id, period, kind, value from observation
                        where indicator_id = ? and unit_id = ? and kind = ? and period_ord between ? and ?
                        order by period_ord""")
                .params(indicatorId, unitId, kind.name(), fromOrd, toOrd)
                .query((rs, n) -> new Stored(rs.getLong(1), Period.parse(rs.getString(2)),
                        ObservationKind.valueOf(rs.getString(3)), rs.getBigDecimal(4)))
                .list();
    }

    /** The latest period (by end) with a stored value of this kind for the unit within one year, up to a month. */
    public List<Stored> withinYear(int indicatorId, long unitId, ObservationKind kind, int year, int upToMonth) {
        return series(indicatorId, unitId, kind, year * 100 + 1, year * 100 + upToMonth);
    }
}
