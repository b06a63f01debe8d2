package cn.luoshi.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.luoshi.indicator.internal.ObservationStore;
import cn.luoshi.indicator.internal.ObservationStore.Stored;
import cn.luoshi.indicator.internal.StatisticsAccess;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import org.springframework.stereotype.Service;

/**
 * A unit's growth rank among its siblings month by month through a year (争先进位), for several indicators at once:
 * one query reads every official rate the months need, and each month is ranked by {@link Rankings}' own rule
 * (official rates only, ties at the shown precision), so each point is the rank the rankings page shows for that
 * month. A unit without an official rate gets no rank; its rate at current prices is never ranked.
 */
@Service
public class RankHistory {

    private final Rankings rankings;
    private final ObservationStore store;
    private final StatisticsAccess access;
    private final OrgUnits units;

    RankHistory(Rankings rankings, ObservationStore store, StatisticsAccess access, OrgUnits units) {
        this.rankings = rankings;
        this.store = store;
        this.access = access;
        this.units = units;
    }

    /**
     * One month: the official cumulative growth of 1–{@code month} (from {@code source}, the stored period it comes
     * from), the rank among {@code ranked} siblings with a rate, and the phrase "增速居全省第二".
     */
    public record Point(int month, Period period, BigDecimal growth, Period source, Integer rank, int ranked,
                        String phrase, String phraseEn) {
    }

    /** The series of one indicator; {@code parent} is the unit the siblings share. */
    public record Series(String indicator, UnitRef parent, String area, List<Point> points) {
    }

    /**
     * Ranks for months 1 to {@code upToMonth} of {@code year}; empty when the unit has no parent or its siblings'
     * statistics are not readable by the viewer.
     */
    public Map<String, Series> growthRanks(List<Indicator> indicators, long unitId, int year, int upToMonth,
                                           LuoshiUser viewer) {
        Map<String, Series> result = new LinkedHashMap<>();
        OrgUnit focus = units.find(unitId).orElse(null);
        if (focus == null || focus.parentId() == null || upToMonth < 1 || !access.canRead(viewer, focus)) {
            return result;
        }
        OrgUnit parent = units.get(focus.parentId());
        List<OrgUnit> members = rankings.members(parent, focus.kind());
        if (members.stream().anyMatch(u -> !access.canRead(viewer, u))) {
            return result;
        }
        List<Indicator> ranked = indicators.stream().filter(i -> !i.derived()).toList();
        Map<Integer, List<Stored>> rows = new HashMap<>();
        List<Period> periods = new ArrayList<>();
        for (int m = 1; m <= upToMonth; m++) {
            for (Indicator indicator : ranked) {
                for (ObservationStore.Key key : Figures.growthKeys(indicator, Period.month(year, m))) {
                    if (!periods.contains(key.period())) {
                        periods.add(key.period());
                    }
                }
            }
        }
        store.growth(ranked.stream().map(Indicator::id).collect(Collectors.toSet()),
                members.stream().map(OrgUnit::id).toList(), periods,
                (indicatorId, row) -> rows.computeIfAbsent(indicatorId, k -> new ArrayList<>()).add(row));
        String area = ChineseNumbers.wholeOf(parent.name());
        for (Indicator indicator : ranked) {
            List<Point> points = new ArrayList<>();
            List<Stored> stored = rows.getOrDefault(indicator.id(), List.of());
            for (int m = 1; m <= upToMonth; m++) {
                Period period = Period.month(year, m);
                Map<Long, Figure> values = Figures.pick(stored, Figures.growthKeys(indicator, period));
                Ranking ranking = rankings.compute(indicator, period, RankBy.GROWTH, null, parent, members,
                        focus.id(), values, false);
                Ranking.Entry own = ranking.focus();
                points.add(new Point(m, period, own == null ? null : own.value(), own == null ? null : own.source(),
                        own == null ? null : own.rank(), ranking.ranked(), own == null ? null : own.phrase(),
                        own == null ? null : own.phraseEn()));
            }
            result.put(indicator.code(), new Series(indicator.code(), UnitRef.of(parent), area, points));
        }
        return result;
    }
}
