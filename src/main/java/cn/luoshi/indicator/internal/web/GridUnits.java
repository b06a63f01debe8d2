package cn.luoshi.indicator.internal.web;

import java.util.ArrayList;
import java.util.List;

import cn.luoshi.indicator.Grid;
import cn.luoshi.indicator.Indicator;
import cn.luoshi.indicator.ObservationKind;
import cn.luoshi.indicator.Observations;
import cn.luoshi.indicator.Period;
import cn.luoshi.indicator.Period.PeriodType;
import cn.luoshi.indicator.internal.StatisticsAccess;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;

/** Which rows and columns a grid shows: a unit and its regions, periods in the indicator's own frequency. */
final class GridUnits {

    private static final int MAX_PERIODS = 120;

    private GridUnits() {
    }

    static Grid grid(Observations observations, OrgUnits units, StatisticsAccess access, LuoshiUser me,
                     Indicator indicator, Long unitId, Period from, Period to, ObservationKind kind) {
        OrgUnit root = root(units, access, me, unitId);
        return observations.grid(indicator, rows(units, access, me, root), periods(observations, indicator, from, to),
                kind);
    }

    static OrgUnit root(OrgUnits units, StatisticsAccess access, LuoshiUser me, Long unitId) {
        if (unitId != null) {
            return access.readable(me, unitId);
        }
        if (me.scope().rootUnitId() != null) {
            return units.get(me.scope().rootUnitId());
        }
        return units.visible(me.scope(), false).stream().filter(u -> u.parentId() == null).findFirst()
                .orElseThrow(() -> cn.luoshi.common.error.DomainException.notFound("org.unit", "-"));
    }

    /** The unit itself, then its regions when their statistics are readable. */
    static List<OrgUnit> rows(OrgUnits units, StatisticsAccess access, LuoshiUser me, OrgUnit root) {
        List<OrgUnit> rows = new ArrayList<>();
        rows.add(root);
        if (access.canReadChildrenOf(me, root)) {
            units.children(root.id()).stream().filter(u -> u.isRegion() && u.active()).forEach(rows::add);
        }
        return rows;
    }

    static List<Period> periods(Observations observations, Indicator indicator, Period from, Period to) {
        if (from == null && to == null) {
            return observations.defaultPeriods(indicator);
        }
        List<Period> defaults = observations.defaultPeriods(indicator);
        PeriodType type = indicator.frequency().periodType();
        Period start = from == null ? defaults.getFirst() : Period.containing(type, from.year(), from.startMonth());
        Period end = to == null ? defaults.getLast() : Period.containing(type, to.year(), to.endMonth());
        List<Period> range = Period.range(start, end);
        return range.size() > MAX_PERIODS ? range.subList(range.size() - MAX_PERIODS, range.size()) : range;
    }
}
