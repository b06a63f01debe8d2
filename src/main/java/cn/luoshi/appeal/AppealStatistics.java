package cn.luoshi.appeal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.appeal.internal.AppealFiguresQuery;
import cn.luoshi.common.LuoshiProperties;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnits;
import org.springframework.stereotype.Service;

/**
 * The 三率 of appeals — response, on-time and resolution rate — and the satisfaction rate, by unit, category and
 * month, within the reader's data scope. One set-based query (grouping sets) over the indexed appeal table.
 */
@Service
public class AppealStatistics {

    private final AppealFiguresQuery query;
    private final OrgUnits units;
    private final Clock clock;
    private final ZoneId zone;

    AppealStatistics(AppealFiguresQuery query, OrgUnits units, Clock clock, LuoshiProperties properties) {
        this.query = query;
        this.units = units;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** Appeals filed from {@code from} to {@code to} (inclusive dates; default: the last twelve months). */
    public AppealStats stats(LuoshiUser me, Long unitId, String categoryCode, LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate end = to != null ? to : today;
        LocalDate start = from != null ? from : end.minusMonths(12).plusDays(1);
        if (start.isAfter(end)) {
            throw DomainException.invalid("appeal.error.period");
        }
        String unitPath = null;
        if (unitId != null) {
            unitPath = units.getVisible(unitId, me.scope()).path();
        }
        var rows = query.run(me.scope(), unitPath, categoryCode, start.atStartOfDay(zone).toOffsetDateTime(),
                end.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), OffsetDateTime.now(clock), zone);
        AppealFigures overall = AppealFigures.of("all", "合计", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        List<AppealFigures> byUnit = new ArrayList<>();
        List<AppealFigures> byCategory = new ArrayList<>();
        List<AppealFigures> byMonth = new ArrayList<>();
        Map<String, List<AppealFigures>> groups = new HashMap<>(Map.of("unit", byUnit, "category", byCategory,
                "month", byMonth));
        for (var row : rows) {
            if (row.group().equals("all")) {
                overall = row.figures();
            } else {
                groups.get(row.group()).add(row.figures());
            }
        }
        byUnit.sort((a, b) -> Long.compare(b.total(), a.total()));
        byMonth.sort((a, b) -> a.key().compareTo(b.key()));
        return new AppealStats(start, end, overall, byUnit, byCategory, byMonth);
    }
}
