package cn.luoshi.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.web.Messages;
import cn.luoshi.indicator.internal.StatisticsAccess;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnitKind;
import cn.luoshi.org.OrgUnits;
import org.springframework.stereotype.Service;

/**
 * Ranks units among their siblings (DESIGN.md: "居全省第五"), by value or by growth, honouring higher-is-better;
 * ties share a rank. Growth ranks official rates only (同比, comparable prices); a sibling without one gets no rank,
 * and its rate computed from nominal values is listed apart, labelled 按现价计算.
 */
@Service
public class Rankings {

    /** The label every rate computed from nominal values carries: 按现价计算 / at current prices. */
    public static final String CURRENT_PRICES = "indicator.growth.currentPrices";

    private final OrgUnits units;
    private final Figures figures;
    private final StatisticsAccess access;
    private final Messages messages;

    Rankings(OrgUnits units, Figures figures, StatisticsAccess access, Messages messages) {
        this.units = units;
        this.figures = figures;
        this.access = access;
        this.messages = messages;
    }

    /**
     * For a user: with {@code parentId} its children are ranked, with {@code unitId} the unit among its siblings (both
     * may be given when the unit is a child of the parent). Readability follows {@link StatisticsAccess}.
     */
    public Ranking rank(Indicator indicator, Period period, RankBy by, ObservationKind kind, Long parentId,
                        Long unitId, LuoshiUser viewer) {
        if (parentId == null && unitId == null) {
            throw DomainException.invalid("indicator.error.rankingNeedsUnit");
        }
        OrgUnit focus = unitId == null ? null : access.readable(viewer, unitId);
        OrgUnit parent;
        if (parentId != null) {
            parent = units.find(parentId).orElseThrow(() -> DomainException.notFound("org.unit", parentId));
            if (!access.canReadChildrenOf(viewer, parent) && !access.canRead(viewer, parent)) {
                throw DomainException.notFound("org.unit", parentId);
            }
            if (focus != null && !parentId.equals(focus.parentId())) {
                throw DomainException.invalid("indicator.error.notAChild", focus.name(), parent.name());
            }
        } else {
            if (focus.parentId() == null) {
                throw DomainException.invalid("indicator.error.noSiblings", focus.name());
            }
            parent = units.get(focus.parentId());
        }
        List<OrgUnit> members = members(parent, focus == null ? null : focus.kind());
        if (members.stream().anyMatch(u -> !access.canRead(viewer, u))) {
            throw DomainException.forbidden("indicator.error.siblingsOutOfScope", parent.name());
        }
        return compute(indicator, period, by, kind, parent, members, focus == null ? null : focus.id());
    }

    /** A unit among its siblings, without a user (for targets such as 进入前N, whose unit the caller checked). */
    public Ranking rankAmongSiblings(Indicator indicator, Period period, RankBy by, long unitId) {
        OrgUnit focus = units.get(unitId);
        if (focus.parentId() == null) {
            throw DomainException.invalid("indicator.error.noSiblings", focus.name());
        }
        OrgUnit parent = units.get(focus.parentId());
        return compute(indicator, period, by, null, parent, members(parent, focus.kind()), focus.id());
    }

    /** The siblings compared: regions among regions (a city's departments do not rank with its districts). */
    List<OrgUnit> members(OrgUnit parent, OrgUnitKind kind) {
        List<OrgUnit> children = units.children(parent.id()).stream().filter(OrgUnit::active).toList();
        OrgUnitKind wanted = kind;
        if (wanted == null) {
            wanted = children.stream().anyMatch(OrgUnit::isRegion) ? OrgUnitKind.REGION
                    : children.isEmpty() ? OrgUnitKind.REGION : children.get(0).kind();
        }
        OrgUnitKind only = wanted;
        return children.stream().filter(u -> u.kind() == only).toList();
    }

    Ranking compute(Indicator indicator, Period period, RankBy by, ObservationKind kind, OrgUnit parent,
                    List<OrgUnit> members, Long focusId) {
        List<Long> ids = members.stream().map(OrgUnit::id).toList();
        Map<Long, Figure> values = by == RankBy.GROWTH ? figures.officialGrowth(indicator, ids, period)
                : figures.levels(indicator, ids, period, kind);
        return compute(indicator, period, by, kind, parent, members, focusId, values, true);
    }

    /**
     * Ranks values already read (by growth: official rates only). {@code withCurrentPrices} false leaves out the
     * rates at current prices listed apart, for series of many periods that show only the ranks.
     */
    Ranking compute(Indicator indicator, Period period, RankBy by, ObservationKind kind, OrgUnit parent,
                    List<OrgUnit> members, Long focusId, Map<Long, Figure> values, boolean withCurrentPrices) {
        int scale = by == RankBy.GROWTH ? 1 : indicator.decimals();
        int direction = indicator.higherIsBetter() ? -1 : 1;
        Comparator<OrgUnit> order = Comparator.comparing((OrgUnit u) -> values.get(u.id()) == null)
                .thenComparing((a, b) -> {
                    Figure fa = values.get(a.id());
                    Figure fb = values.get(b.id());
                    if (fa == null || fb == null) {
                        return 0;
                    }
                    return direction * shown(fa.value(), scale).compareTo(shown(fb.value(), scale));
                })
                .thenComparingInt(OrgUnit::sortOrder).thenComparing(OrgUnit::name);
        List<OrgUnit> sorted = members.stream().sorted(order).toList();

        String area = ChineseNumbers.wholeOf(parent.name());
        List<Ranking.Entry> entries = new ArrayList<>();
        Ranking.Entry focus = null;
        int ranked = 0;
        BigDecimal previous = null;
        int previousRank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            OrgUnit unit = sorted.get(i);
            Figure figure = values.get(unit.id());
            Integer rank = null;
            if (figure != null) {
                BigDecimal value = shown(figure.value(), scale);
                rank = previous != null && previous.compareTo(value) == 0 ? previousRank : i + 1;
                previous = value;
                previousRank = rank;
                ranked++;
            }
            boolean isFocus = focusId != null && focusId == unit.id();
            Ranking.Entry entry = new Ranking.Entry(rank, UnitRef.of(unit), figure == null ? null : figure.value(),
                    figure == null ? null : figure.period(), figure != null && figure.computed(),
                    rank == null ? null : phrase(by, area, rank), rank == null ? null : phraseEn(by, parent, rank),
                    isFocus);
            entries.add(entry);
            if (isFocus) {
                focus = entry;
            }
        }
        ObservationKind shownKind = by == RankBy.GROWTH ? ObservationKind.GROWTH
                : kind == null ? indicator.headlineKind() : kind;
        String label = shownKind == ObservationKind.VALUE && indicator.nature() != Nature.STOCK
                ? period.label() : period.cumulativeLabel();
        List<Ranking.CurrentPriceRate> apart = by == RankBy.GROWTH && withCurrentPrices
                ? currentPrices(indicator, period, members, values, focusId) : List.of();
        return new Ranking(indicator.code(), indicator.nameZh(), indicator.measureUnit(), indicator.decimals(), period,
                label, by, shownKind, UnitRef.of(parent), area, ranked, focus, entries, apart);
    }

    /** The siblings without an official rate, in the org tree's order (not ranked), with their 按现价计算 rate. */
    private List<Ranking.CurrentPriceRate> currentPrices(Indicator indicator, Period period, List<OrgUnit> members,
                                                         Map<Long, Figure> official, Long focusId) {
        List<Long> without = members.stream().map(OrgUnit::id).filter(id -> !official.containsKey(id)).toList();
        Map<Long, Figure> computed = figures.currentPriceGrowth(indicator, without, period);
        String label = messages.chinese(CURRENT_PRICES);
        String labelEn = messages.english(CURRENT_PRICES);
        return members.stream().filter(u -> computed.containsKey(u.id()))
                .sorted(Comparator.comparingInt(OrgUnit::sortOrder).thenComparing(OrgUnit::name))
                .map(u -> new Ranking.CurrentPriceRate(UnitRef.of(u), computed.get(u.id()).value(), period, label,
                        labelEn, focusId != null && focusId == u.id()))
                .toList();
    }

    private static BigDecimal shown(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP);
    }

    /** "居全省第五", "增速居全省第二". */
    public static String phrase(RankBy by, String area, int rank) {
        return (by == RankBy.GROWTH ? "增速居" : "居") + area + "第" + ChineseNumbers.of(rank);
    }

    static String phraseEn(RankBy by, OrgUnit parent, int rank) {
        return (by == RankBy.GROWTH ? "growth " : "") + "No. " + rank + " in " + parent.name();
    }
}
