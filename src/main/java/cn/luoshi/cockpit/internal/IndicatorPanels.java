package cn.luoshi.cockpit.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.luoshi.cockpit.CockpitView;
import cn.luoshi.common.web.Messages;
import cn.luoshi.indicator.Figure;
import cn.luoshi.indicator.Figures;
import cn.luoshi.indicator.Indicator;
import cn.luoshi.indicator.ObservationKind;
import cn.luoshi.indicator.Period;
import cn.luoshi.indicator.RankHistory;
import cn.luoshi.indicator.Rankings;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.target.TargetOverview;
import cn.luoshi.target.TargetProgress;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The main-indicator panel: for each indicator of the region's set, the month's headline value, its official
 * growth, the target's attainment, and the growth rank among the siblings month by month (one query for all
 * indicators and months, ranked by the indicator module's rule). Rates at current prices are shown apart only.
 */
@Component
class IndicatorPanels {

    private final IndicatorSets sets;
    private final RankHistory ranks;
    private final Figures figures;
    private final TargetOverview targets;
    private final OrgUnits units;
    private final Messages messages;

    IndicatorPanels(IndicatorSets sets, RankHistory ranks, Figures figures, TargetOverview targets, OrgUnits units,
                    Messages messages) {
        this.sets = sets;
        this.ranks = ranks;
        this.figures = figures;
        this.targets = targets;
        this.units = units;
        this.messages = messages;
    }

    CockpitView.IndicatorPanel panel(LuoshiUser me, CockpitRegion region, YearMonth month) {
        Period period = Period.month(month.getYear(), month.getMonthValue());
        OrgUnit unit = region.statistics();
        if (unit == null) {
            return new CockpitView.IndicatorPanel(period.code(), period.cumulativeLabel(), null, List.of(), null,
                    null);
        }
        IndicatorSets.IndicatorSet set = sets.of(unit);
        List<Indicator> indicators = set.indicators();
        Map<String, RankHistory.Series> series = ranks.growthRanks(indicators, unit.id(), month.getYear(),
                month.getMonthValue(), me);
        Map<String, TargetProgress> progress = targets.progress(unit.id(), month.getYear(),
                month.atEndOfMonth().plusDays(1), set.codes(), me);
        String area = series.values().stream().findFirst().map(RankHistory.Series::area).orElse(null);
        // the rankings page takes the parent by code, or by id where it has none
        OrgUnit parent = unit.parentId() == null ? null : units.get(unit.parentId());
        String parentCode = parent == null ? null : parent.code() != null ? parent.code() : String.valueOf(parent.id());
        List<CockpitView.IndicatorLine> lines = new ArrayList<>();
        for (Indicator indicator : indicators) {
            lines.add(line(indicator, unit, period, series.get(indicator.code()), progress.get(indicator.code()),
                    parentCode, month));
        }
        String source = sets.sourceText(set);
        return new CockpitView.IndicatorPanel(period.code(), period.cumulativeLabel(), area, lines, source,
                IndicatorSets.mayChoose(me) ? "/cockpit/indicators?region=" + unit.id() : null);
    }

    private CockpitView.IndicatorLine line(Indicator indicator, OrgUnit unit, Period period,
                                           RankHistory.Series series, TargetProgress target, String parentCode,
                                           YearMonth month) {
        Optional<Figure> value = figures.level(indicator, unit.id(), period, null);
        RankHistory.Point now = series == null ? null : series.points().getLast();
        Figure growth = now != null && now.growth() != null
                ? new Figure(now.growth(), now.source(), ObservationKind.GROWTH, false)
                : series == null ? figures.officialGrowth(indicator, List.of(unit.id()), period).get(unit.id())
                : null;
        Figure atCurrentPrices = growth == null && !indicator.derived()
                ? figures.currentPriceGrowth(indicator, List.of(unit.id()), period).get(unit.id()) : null;
        Integer rank = now == null ? null : now.rank();
        RankHistory.Point previous = null;
        List<Integer> history = new ArrayList<>();
        if (series != null) {
            for (RankHistory.Point p : series.points()) {
                history.add(p.rank());
                if (p != now && p.rank() != null) {
                    previous = p;
                }
            }
        }
        Integer change = rank != null && previous != null ? previous.rank() - rank : null;
        String from = month.getYear() + "-01";
        return new CockpitView.IndicatorLine(indicator.code(), name(indicator), indicator.measureUnit(),
                value.map(Figure::value).orElse(null), value.map(f -> label(f, indicator)).orElse(null),
                "/indicators/data?indicator=" + indicator.code() + "&unit=" + unit.code() + "&from=" + from
                        + "&to=" + period.code(),
                growth == null ? null : growth.value(), growth == null ? null : growth.period().cumulativeLabel(),
                atCurrentPrices == null ? null : atCurrentPrices.value(),
                atCurrentPrices == null ? null : messages.get(Rankings.CURRENT_PRICES),
                target == null ? null : target(target, unit, month),
                rank, now == null ? 0 : now.ranked(), now == null ? null : english() ? now.phraseEn() : now.phrase(),
                previous == null ? null : previous.rank(),
                previous == null ? null : previous.source() == null ? previous.period().cumulativeLabel()
                        : previous.source().cumulativeLabel(),
                change,
                parentCode == null ? null : "/indicators/rankings?indicator=" + indicator.code() + "&period="
                        + period.code() + "&by=GROWTH&parent=" + parentCode,
                history);
    }

    private CockpitView.TargetLine target(TargetProgress p, OrgUnit unit, YearMonth month) {
        return new CockpitView.TargetLine(p.target().id(), p.target().wording(), p.attainment(), p.timeProgress(),
                p.light() == null ? null : p.light().name(), english() ? p.summaryEn() : p.summary(),
                "/targets?unit=" + unit.id() + "&year=" + month.getYear() + "&asOf=" + month.atEndOfMonth()
                        .plusDays(1));
    }

    private static String label(Figure f, Indicator indicator) {
        return f.kind() == ObservationKind.VALUE && !f.period().startsInJanuary() ? f.period().label()
                : f.period().cumulativeLabel();
    }

    private static String name(Indicator indicator) {
        return english() ? indicator.nameEn() : indicator.nameZh();
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
