package cn.luoshi.indicator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.luoshi.common.db.Rows;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.indicator.Period.PeriodType;
import cn.luoshi.indicator.internal.StatisticsAccess;
import cn.luoshi.indicator.internal.imports.ImportRunner;
import cn.luoshi.indicator.internal.imports.ObservationValues;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Observations as users read and correct them: filtered lists (stored values, plus computed ones for one unit),
 * grids of units × periods, single corrections that keep the earlier value in the history.
 */
@Service
public class Observations {

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final Figures figures;
    private final OrgUnits units;
    private final StatisticsAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Observations(JdbcClient jdbc, Indicators indicators, Figures figures, OrgUnits units, StatisticsAccess access,
                 ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.figures = figures;
        this.units = units;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Observations matching the filters. Without {@code unitId}, the stored values of every unit in the user's data
     * scope; with it, that unit's values if its statistics are readable. With both an indicator and a unit, derived
     * values and growth rates computed where none was published are included and marked as computed.
     */
    public PageResponse<Observation> find(String indicatorCode, Long unitId, Period from, Period to,
                                          ObservationKind kind, Paging paging, LuoshiUser me) {
        Indicator indicator = indicatorCode == null || indicatorCode.isBlank() ? null : indicators.get(indicatorCode);
        OrgUnit unit = unitId == null ? null : access.readable(me, unitId);
        if (unit == null && (me.scope().isEnterprise() || me.scope().pathPattern().isEmpty())) {
            return paging.page(List.of(), 0);
        }
        if (indicator != null && unit != null) {
            List<Observation> all = withComputed(indicator, unit, from, to, kind);
            int start = (int) Math.min(paging.offset(), all.size());
            int end = Math.min(start + paging.size(), all.size());
            return paging.page(all.subList(start, end), all.size());
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (indicator != null) {
            where.append(" and o.indicator_id = :indicator");
            params.put("indicator", indicator.id());
        }
        if (unit != null) {
            where.append(" and o.unit_id = :unit");
            params.put("unit", unit.id());
        } else {
            where.append(" and u.path like :scopePath");
            params.put("scopePath", me.scope().pathPattern());
        }
        appendRange(where, params, from, to);
        if (kind != null) {
            where.append(" and o.kind = :kind");
            params.put("kind", kind.name());
        }
        String from_ = " from observation o join org_unit u on u.id = o.unit_id join indicator i on i.id = o.indicator_id";
        var count = jdbc.sql("select count(*)" + from_ + where);
        var select = jdbc.sql("""
                select i.code, i.name_zh, i.measure_unit, o.unit_id, u.code as unit_code, u.name as unit_name,
                       o.period, o.kind, o.value, o.updated_at""" + from_ + where
                + " order by i.sort_order, i.code, u.path, o.period_ord, o.period_type, o.kind"
                + " limit :limit offset :offset");
        for (var p : params.entrySet()) {
            count = count.param(p.getKey(), p.getValue());
            select = select.param(p.getKey(), p.getValue());
        }
        long total = count.query(Long.class).single();
        List<Observation> rows = select.param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, n) -> {
                    Period period = Period.parse(rs.getString("period"));
                    ObservationKind k = ObservationKind.valueOf(rs.getString("kind"));
                    return new Observation(rs.getString("code"), rs.getString("name_zh"), rs.getLong("unit_id"),
                            rs.getString("unit_code"), rs.getString("unit_name"), period.code(),
                            label(period, k), k, rs.getBigDecimal("value"), rs.getString("measure_unit"), false,
                            Rows.time(rs, "updated_at"));
                }).list();
        return paging.page(rows, total);
    }

    private static void appendRange(StringBuilder where, Map<String, Object> params, Period from, Period to) {
        if (from != null) {
            where.append(" and o.period_ord >= :fromOrd");
            params.put("fromOrd", from.year() * 100 + from.startMonth());
        }
        if (to != null) {
            where.append(" and o.period_ord <= :toOrd");
            params.put("toOrd", to.ord());
        }
    }

    /** One unit's series of one indicator: stored values and the computed ones, oldest first. */
    private List<Observation> withComputed(Indicator indicator, OrgUnit unit, Period from, Period to,
                                           ObservationKind kind) {
        List<Observation> result = new ArrayList<>();
        Set<String> stored = new HashSet<>();
        if (!indicator.derived()) {
            StringBuilder where = new StringBuilder(" where o.indicator_id = :indicator and o.unit_id = :unit");
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("indicator", indicator.id());
            params.put("unit", unit.id());
            appendRange(where, params, from, to);
            if (kind != null) {
                where.append(" and o.kind = :kind");
                params.put("kind", kind.name());
            }
            var query = jdbc.sql("select o.period, o.kind, o.value, o.updated_at from observation o" + where
                    + " order by o.period_ord, o.period_type, o.kind");
            for (var p : params.entrySet()) {
                query = query.param(p.getKey(), p.getValue());
            }
            query.query(rs -> {
                Period period = Period.parse(rs.getString(1));
                ObservationKind k = ObservationKind.valueOf(rs.getString(2));
                stored.add(period.code() + k);
                result.add(observation(indicator, unit, period, k, rs.getBigDecimal(3), false,
                        Rows.time(rs, 4)));
            });
            if (kind == null || kind == ObservationKind.GROWTH) {
                List<Period> levels = result.stream().filter(o -> o.kind() == indicator.headlineKind()
                                || (o.kind() == ObservationKind.VALUE && Period.parse(o.period()).startsInJanuary()))
                        .map(o -> Period.parse(o.period())).distinct().toList();
                for (Period period : levels) {
                    if (stored.contains(period.code() + ObservationKind.GROWTH)) {
                        continue;
                    }
                    Figure growth = figures.growth(indicator, List.of(unit.id()), period).get(unit.id());
                    if (growth != null) {
                        result.add(observation(indicator, unit, period, ObservationKind.GROWTH, growth.value(),
                                growth.computed(), null));
                        stored.add(period.code() + ObservationKind.GROWTH);
                    }
                }
            }
        } else {
            YearMonth now = YearMonth.now(clock);
            PeriodType type = indicator.frequency().periodType();
            Period start = from != null ? Period.containing(type, from.year(), from.startMonth())
                    : Period.containing(type, now.getYear() - 2, 1);
            Period end = to != null ? Period.containing(type, to.year(), to.endMonth())
                    : Period.containing(type, now.getYear(), now.getMonthValue());
            List<ObservationKind> kinds = kind != null ? List.of(kind)
                    : List.of(indicator.headlineKind(), ObservationKind.GROWTH);
            for (Period period : Period.range(start, end)) {
                for (ObservationKind k : kinds) {
                    Figure f = figures.levels(indicator, List.of(unit.id()), period, k).get(unit.id());
                    if (f != null) {
                        result.add(observation(indicator, unit, period, k, f.value(), true, null));
                    }
                }
            }
        }
        result.sort(Comparator.comparing((Observation o) -> Period.parse(o.period())).thenComparing(Observation::kind));
        return result;
    }

    private static Observation observation(Indicator indicator, OrgUnit unit, Period period, ObservationKind kind,
                                           BigDecimal value, boolean computed, OffsetDateTime updatedAt) {
        return new Observation(indicator.code(), indicator.nameZh(), unit.id(), unit.code(), unit.name(),
                period.code(), label(period, kind), kind, value, kind == ObservationKind.GROWTH ? "%"
                : indicator.measureUnit(), computed, updatedAt);
    }

    /** "2025年1-6月" for cumulative values and growth rates, "2025年6月" for period values. */
    public static String label(Period period, ObservationKind kind) {
        return kind == ObservationKind.VALUE ? period.label() : period.cumulativeLabel();
    }

    /** Units down, periods across: the given units' values of one indicator (headline values when kind is null). */
    public Grid grid(Indicator indicator, List<OrgUnit> rowsUnits, List<Period> periods, ObservationKind kind) {
        List<Long> ids = rowsUnits.stream().map(OrgUnit::id).toList();
        List<Map<Long, Figure>> columns = new ArrayList<>();
        for (Period period : periods) {
            columns.add(figures.levels(indicator, ids, period, kind));
        }
        List<Grid.Row> rows = new ArrayList<>();
        for (OrgUnit unit : rowsUnits) {
            List<Figure> cells = new ArrayList<>();
            for (Map<Long, Figure> column : columns) {
                cells.add(column.get(unit.id()));
            }
            rows.add(new Grid.Row(UnitRef.of(unit), cells));
        }
        return new Grid(indicator, kind == null ? indicator.headlineKind() : kind, periods, rows);
    }

    /**
     * The grid's default columns: from January of last year to the last complete month, in the indicator's own
     * frequency (five years for yearly indicators).
     */
    public List<Period> defaultPeriods(Indicator indicator) {
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        PeriodType type = indicator.frequency().periodType();
        int fromYear = type == PeriodType.YEAR ? last.getYear() - 4 : last.getYear() - 1;
        Period end = Period.containing(type, last.getYear(), last.getMonthValue());
        if (end.ord() > last.getYear() * 100 + last.getMonthValue()) {
            // the quarter or year running now has no data yet: end with the one before
            end = end.startMonth() == 1 ? Period.containing(type, last.getYear() - 1, 12)
                    : Period.containing(type, last.getYear(), end.startMonth() - 1);
        }
        Period start = Period.containing(type, fromYear, 1);
        return start.compareTo(end) <= 0 ? Period.range(start, end) : List.of(start);
    }

    /**
     * Records one value typed in by a statistician, or corrects a stored one; the earlier value goes to the history
     * and the change to the audit log. A value equal to the stored one changes nothing.
     */
    @Transactional
    public Observation record(ObservationEntry entry, LuoshiUser actor) {
        ObservationImports.requireImporter(actor);
        Indicator indicator = indicators.get(entry.indicator());
        OrgUnit unit = units.find(entry.unitId()).filter(u -> access.canWrite(actor, u))
                .orElseThrow(() -> DomainException.notFound("org.unit", entry.unitId()));
        List<FieldProblem> problems = new ArrayList<>();
        if (indicator.derived()) {
            problems.add(new FieldProblem("indicator", "indicator.import.problem.derivedIndicator",
                    indicator.nameZh()));
        }
        Period period = Period.tryParse(entry.period()).orElse(null);
        YearMonth now = YearMonth.now(clock);
        if (period == null) {
            problems.add(new FieldProblem("period", "indicator.import.problem.badPeriod", entry.period()));
        } else if (period.ord() > now.getYear() * 100 + now.getMonthValue()) {
            problems.add(new FieldProblem("period", "indicator.import.problem.futurePeriod", entry.period()));
        }
        if (indicator.nature() == Nature.STOCK && entry.kind() == ObservationKind.YTD) {
            problems.add(new FieldProblem("kind", "indicator.import.problem.kindForStock", indicator.nameZh()));
        }
        // The same value rules as an imported row.
        ObservationValues.Refusal refusal = ObservationValues.check(indicator, entry.kind(), entry.value(),
                ImportProblem.excerpt(entry.value().toString()));
        if (refusal != null) {
            problems.add(new FieldProblem("value", "indicator.import.problem." + refusal.code(), refusal.args()));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        OffsetDateTime at = OffsetDateTime.now(clock);
        jdbc.sql("select pg_advisory_xact_lock(?)").param(ImportRunner.WRITE_LOCK).query().singleValue();
        BigDecimal before = jdbc.sql("""
                        select value from observation
                        where indicator_id = ? and period = ? and kind = ? and unit_id = ? for update""")
                .params(indicator.id(), period.code(), entry.kind().name(), unit.id())
                .query(BigDecimal.class).optional().orElse(null);
        if (before != null && before.compareTo(entry.value()) == 0) {
            return observation(indicator, unit, period, entry.kind(), before, false, null);
        }
        if (before != null) {
            jdbc.sql("""
                            insert into observation_history (indicator_id, period, kind, unit_id, old_value, new_value,
                                old_import_id, new_import_id, replaced_at, replaced_by)
                            select indicator_id, period, kind, unit_id, value, ?, import_id, null, ?, ?
                            from observation where indicator_id = ? and period = ? and kind = ? and unit_id = ?""")
                    .params(entry.value(), at, actor.id(), indicator.id(), period.code(), entry.kind().name(),
                            unit.id())
                    .update();
            jdbc.sql("""
                            update observation set value = ?, import_id = null, updated_at = ?, updated_by = ?
                            where indicator_id = ? and period = ? and kind = ? and unit_id = ?""")
                    .params(entry.value(), at, actor.id(), indicator.id(), period.code(), entry.kind().name(),
                            unit.id())
                    .update();
        } else {
            jdbc.sql("""
                            insert into observation (indicator_id, period, kind, unit_id, period_type, period_ord,
                                                     value, updated_at, updated_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(indicator.id(), period.code(), entry.kind().name(), unit.id(),
                            String.valueOf(period.type().letter()), period.ord(), entry.value(), at, actor.id())
                    .update();
        }
        String what = "「" + unit.name() + "」" + indicator.nameZh() + " " + label(period, entry.kind()) + " "
                + kindWord(entry.kind());
        events.publishEvent(new AuditRecord(before == null ? "indicator.observation.recorded"
                : "indicator.observation.corrected", "Observation",
                indicator.code() + "/" + unit.id() + "/" + period.code() + "/" + entry.kind(), unit.id(),
                before == null ? "录入" + what + "：" + entry.value().toPlainString()
                        : "更正" + what + "：" + before.toPlainString() + " → " + entry.value().toPlainString(),
                before == null ? null : Map.of("value", before), Map.of("value", entry.value())));
        return observation(indicator, unit, period, entry.kind(), entry.value(), false, at);
    }

    private static String kindWord(ObservationKind kind) {
        return switch (kind) {
            case VALUE -> "当期";
            case YTD -> "累计";
            case GROWTH -> "增速";
        };
    }

    /** The earlier values of one observation, newest first. */
    public List<ObservationChange> history(String indicatorCode, long unitId, Period period, ObservationKind kind,
                                           LuoshiUser me) {
        Indicator indicator = indicators.get(indicatorCode);
        OrgUnit unit = access.readable(me, unitId);
        return jdbc.sql("""
                        select h.old_value, h.new_value, h.replaced_at, a.username, h.new_import_id
                        from observation_history h left join app_user a on a.id = h.replaced_by
                        where h.indicator_id = ? and h.unit_id = ? and h.period = ? and h.kind = ?
                        order by h.replaced_at desc, h.id desc""")
                .params(indicator.id(), unit.id(), period.code(), kind.name())
                .query((rs, n) -> new ObservationChange(indicator.code(), unit.id(), period.code(), kind,
                        rs.getBigDecimal(1), rs.getBigDecimal(2), Rows.time(rs, 3), rs.getString(4),
                        Rows.nullableLong(rs, "new_import_id")))
                .list();
    }
}
