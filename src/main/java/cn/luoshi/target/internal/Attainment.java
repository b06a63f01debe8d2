package cn.luoshi.target.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.luoshi.common.progress.LightRules;
import cn.luoshi.common.progress.LightThresholds;
import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.common.progress.TimeProgress;
import cn.luoshi.indicator.ChineseNumbers;
import cn.luoshi.indicator.Figure;
import cn.luoshi.indicator.Figures;
import cn.luoshi.indicator.Indicator;
import cn.luoshi.indicator.Indicators;
import cn.luoshi.indicator.Nature;
import cn.luoshi.indicator.Observations;
import cn.luoshi.indicator.Period;
import cn.luoshi.indicator.RankBy;
import cn.luoshi.indicator.Ranking;
import cn.luoshi.indicator.Rankings;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.target.ProgressProfile;
import cn.luoshi.target.Target;
import cn.luoshi.target.TargetComparator;
import cn.luoshi.target.TargetProgress;
import org.springframework.stereotype.Component;

/**
 * Judges a target on a day: the latest cumulative actual against this year's milestone, compared with
 * time-progress (m/12, or last year's monthly shares for a seasonal profile), turned into a light by the region's
 * {@link LightThresholds} — the same rule and colours as tasks. Rank and average targets compare as they stand.
 */
@Component
public class Attainment {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final Indicators indicators;
    private final Figures figures;
    private final Rankings rankings;
    private final OrgUnits units;
    private final LightRules lightRules;

    Attainment(Indicators indicators, Figures figures, Rankings rankings, OrgUnits units, LightRules lightRules) {
        this.indicators = indicators;
        this.figures = figures;
        this.rankings = rankings;
        this.units = units;
        this.lightRules = lightRules;
    }

    /** The target's standing in a year (its own year, or a year on the way to its deadline) as of a day. */
    public TargetProgress evaluate(Target target, int year, LocalDate asOf) {
        return evaluate(target, indicators.get(target.indicator()), year, asOf);
    }

    TargetProgress evaluate(Target target, Indicator indicator, int year, LocalDate asOf) {
        int lastMonth = year < asOf.getYear() ? 12 : year > asOf.getYear() ? 0 : asOf.getMonthValue();
        if (target.value() == null && target.comparator() != TargetComparator.DOUBLE
                && target.comparator() != TargetComparator.ABOVE_AVERAGE) {
            return empty(target, "目标值待定（讲话中以 X 等代替），请补充后再计算完成情况",
                    "The target value is still a placeholder");
        }
        if (lastMonth == 0) {
            return empty(target, year + "年尚未开始", year + " has not begun");
        }
        return switch (target.comparator()) {
            case TOP_N -> rank(target, indicator, year, lastMonth, asOf);
            case ABOVE_AVERAGE -> average(target, indicator, year, lastMonth, asOf);
            default -> amount(target, indicator, year, lastMonth, asOf);
        };
    }

    /**
     * What the target asks of a year: the amount itself in its year, and on the way to a later deadline the
     * compound path from the base (so a doubling in three years asks ×1.26 a year).
     */
    BigDecimal milestone(Target target, Indicator indicator, int year) {
        int baseYear = target.baseYear() != null ? target.baseYear() : target.year() - 1;
        BigDecimal base = base(target, indicator, baseYear);
        int span = target.year() - baseYear;
        double elapsed = (double) (year - baseYear) / span;
        return switch (target.comparator()) {
            case REACH, EXCEED -> year == target.year() || base == null || base.signum() <= 0 ? target.value()
                    : scaled(base, Math.pow(target.value().divide(base, PRECISION).doubleValue(), elapsed));
            case GROWTH -> base == null ? null
                    : scaled(base, Math.pow(1 + target.value().doubleValue() / 100, year - baseYear));
            case DOUBLE -> base == null ? null : scaled(base, Math.pow(2, elapsed));
            default -> target.value();
        };
    }

    private BigDecimal base(Target target, Indicator indicator, int baseYear) {
        if (target.baseValue() != null) {
            return target.baseValue();
        }
        return figures.level(indicator, target.unitId(), Period.year(baseYear), null).map(Figure::value)
                .orElse(null);
    }

    private static BigDecimal scaled(BigDecimal base, double factor) {
        return base.multiply(BigDecimal.valueOf(factor), PRECISION).setScale(4, RoundingMode.HALF_UP);
    }

    private TargetProgress amount(Target target, Indicator indicator, int year, int lastMonth, LocalDate asOf) {
        Optional<Figure> found = figures.latestWithinYear(indicator, target.unitId(), year, lastMonth);
        BigDecimal milestone = milestone(target, indicator, year);
        if (found.isEmpty()) {
            return empty(target, "暂无" + year + "年数据", "No data for " + year + " yet");
        }
        Figure actual = found.get();
        int month = actual.period().endMonth();
        String label = Observations.label(actual.period(), actual.kind());
        BigDecimal growth = target.comparator() == TargetComparator.GROWTH
                ? figures.growth(indicator, List.of(target.unitId()), actual.period()).getOrDefault(target.unitId(),
                        new Figure(null, null, null, false)).value()
                : null;
        if (milestone == null || milestone.signum() == 0) {
            // A growth target without last year's figure: compare the growth rate itself.
            if (growth == null || target.value() == null || target.value().signum() <= 0) {
                return empty(target, "缺少基期数据，无法计算完成情况", "No base-year figure to measure against");
            }
            double progress = growth.doubleValue() / target.value().doubleValue();
            StatusLight light = thresholds(target).evaluate(progress, 1.0, due(target), asOf, false);
            return new TargetProgress(target, actual.value(), actual.period().code(), label, null, progress, 1.0,
                    light, null, growth, false, label + "增长" + pct(growth) + "%，目标增长" + plain(target.value(), 1)
                    + "%", "Growth " + pct(growth) + "% against a target of " + plain(target.value(), 1) + "%",
                    List.of());
        }

        boolean seasonal = false;
        double timeProgress;
        double attainment;
        if (indicator.nature() == Nature.FLOW) {
            double[] shares = target.profile() == ProgressProfile.SEASONAL
                    ? figures.monthlyShares(indicator, target.unitId(), year - 1) : null;
            seasonal = shares != null;
            timeProgress = seasonal ? TimeProgress.ofYear(month, shares) : TimeProgress.ofYear(month);
            attainment = ratio(actual.value(), milestone);
        } else if (indicator.nature() == Nature.STOCK) {
            // A level: the share of this year's increase achieved, against the share of the year passed.
            BigDecimal start = figures.level(indicator, target.unitId(), Period.year(year - 1), null)
                    .map(Figure::value).orElse(null);
            timeProgress = TimeProgress.ofYear(month);
            attainment = start != null && milestone.compareTo(start) != 0
                    ? actual.value().subtract(start).divide(milestone.subtract(start), PRECISION).doubleValue()
                    : ratio(actual.value(), milestone);
        } else {
            timeProgress = 1.0;
            attainment = ratio(actual.value(), milestone);
        }
        boolean reached = target.comparator() == TargetComparator.EXCEED
                ? actual.value().compareTo(milestone) > 0 : actual.value().compareTo(milestone) >= 0;
        LightThresholds thresholds = thresholds(target);
        StatusLight light;
        if (indicator.higherIsBetter()) {
            boolean finished = reached && indicator.nature() != Nature.RATE;
            light = thresholds.evaluate(attainment, timeProgress, due(target), asOf, finished);
        } else {
            // Less is better: running ahead of time-progress is the overrun to watch.
            double overrun = Math.max(0, attainment - timeProgress);
            boolean within = asOf.isAfter(due(target)) && attainment <= 1;
            light = thresholds.evaluate(timeProgress - overrun, timeProgress, due(target), asOf, within);
        }
        String unit = indicator.measureUnit();
        String summary;
        String summaryEn;
        double gapPoints = (attainment - timeProgress) * 100;
        if (indicator.nature() == Nature.RATE) {
            summary = label + "为" + plain(actual.value(), indicator.decimals()) + unit + "，目标" +
                    plain(milestone, indicator.decimals()) + unit;
            summaryEn = label + ": " + plain(actual.value(), indicator.decimals()) + unit + " against "
                    + plain(milestone, indicator.decimals()) + unit;
        } else if (reached && indicator.higherIsBetter()) {
            summary = label + "完成" + plain(actual.value(), indicator.decimals()) + unit + "，已完成" + year
                    + "年目标" + plain(milestone, indicator.decimals()) + unit + "（" + pct(attainment * 100) + "%）";
            summaryEn = label + ": " + plain(actual.value(), indicator.decimals()) + " " + unit
                    + ", the " + year + " target of " + plain(milestone, indicator.decimals()) + " is reached";
        } else {
            summary = label + "完成" + plain(actual.value(), indicator.decimals()) + unit + "，为" + year + "年目标"
                    + plain(milestone, indicator.decimals()) + unit + "的" + pct(attainment * 100) + "%，"
                    + (seasonal ? "按上年季节规律" : "") + "序时进度" + pct(timeProgress * 100) + "%，"
                    + (Math.abs(gapPoints) < 0.05 ? "与序时进度持平"
                    : (gapPoints > 0 ? "超序时进度" : "落后序时进度") + pct(Math.abs(gapPoints)) + "个百分点");
            summaryEn = label + ": " + pct(attainment * 100) + "% of the " + year + " target against a time-progress"
                    + " of " + pct(timeProgress * 100) + "%";
        }
        if (growth != null) {
            summary += "；增长" + pct(growth) + "%（目标" + plain(target.value(), 1) + "%）";
            summaryEn += "; growth " + pct(growth) + "% (target " + plain(target.value(), 1) + "%)";
        }
        return new TargetProgress(target, actual.value(), actual.period().code(), label, milestone, attainment,
                timeProgress, light, null, growth, seasonal, summary, summaryEn, List.of());
    }

    private TargetProgress rank(Target target, Indicator indicator, int year, int lastMonth, LocalDate asOf) {
        Optional<Figure> found = figures.latestWithinYear(indicator, target.unitId(), year, lastMonth);
        if (found.isEmpty()) {
            return empty(target, "暂无" + year + "年数据", "No data for " + year + " yet");
        }
        Period period = Period.month(year, found.get().period().endMonth());
        Ranking ranking = rankings.rankAmongSiblings(indicator, period, target.measure(), target.unitId());
        if (ranking.focus() == null || ranking.focus().rank() == null) {
            return empty(target, "暂无排名数据", "No ranking data");
        }
        int rank = ranking.focus().rank();
        int wanted = target.value().intValue();
        double progress = rank <= wanted ? 1.0 : (double) wanted / rank;
        boolean yearOver = asOf.isAfter(due(target));
        StatusLight light = thresholds(target).evaluate(progress, 1.0, due(target), asOf, yearOver && rank <= wanted);
        String label = Observations.label(found.get().period(), found.get().kind());
        return new TargetProgress(target, ranking.focus().value(), found.get().period().code(), label,
                target.value(), progress, 1.0, light, rank, null, false,
                label + ranking.focus().phrase() + "（目标：进入" + ranking.area() + "前" + ChineseNumbers.of(wanted)
                        + "名）", label + ": " + ranking.focus().phraseEn() + " (target: top " + wanted + ")",
                List.of());
    }

    private TargetProgress average(Target target, Indicator indicator, int year, int lastMonth, LocalDate asOf) {
        Optional<Figure> found = figures.latestWithinYear(indicator, target.unitId(), year, lastMonth);
        OrgUnit unit = units.get(target.unitId());
        if (found.isEmpty() || unit.parentId() == null) {
            return empty(target, "暂无" + year + "年数据", "No data for " + year + " yet");
        }
        Period period = found.get().period();
        boolean byGrowth = target.measure() == RankBy.GROWTH;
        OrgUnit parent = units.get(unit.parentId());
        BigDecimal own = value(indicator, unit.id(), period, byGrowth);
        // 全省平均水平 is the province's own figure; without one, the mean of the siblings stands in.
        BigDecimal average = value(indicator, parent.id(), period, byGrowth);
        if (average == null) {
            List<Long> siblings = units.children(parent.id()).stream().filter(u -> u.kind() == unit.kind())
                    .map(OrgUnit::id).toList();
            Map<Long, Figure> values = byGrowth ? figures.growth(indicator, siblings, period)
                    : figures.levels(indicator, siblings, period, null);
            if (!values.isEmpty()) {
                BigDecimal sum = BigDecimal.ZERO;
                for (Figure f : values.values()) {
                    sum = sum.add(f.value());
                }
                average = sum.divide(BigDecimal.valueOf(values.size()), PRECISION);
            }
        }
        if (own == null || average == null) {
            return empty(target, "暂无可比数据", "No comparable data");
        }
        double progress = average.signum() == 0 ? (own.signum() >= 0 ? 1.0 : 0.0)
                : 1 + own.subtract(average).divide(average.abs(), PRECISION).doubleValue();
        progress = Math.max(0, Math.min(2, progress));
        boolean above = own.compareTo(average) > 0;
        boolean yearOver = asOf.isAfter(due(target));
        StatusLight light = thresholds(target).evaluate(progress, 1.0, due(target), asOf, yearOver && above);
        String area = ChineseNumbers.wholeOf(parent.name());
        String label = Observations.label(period, found.get().kind());
        String what = byGrowth ? "增速" : "";
        int decimals = byGrowth ? 1 : indicator.decimals();
        String unitWord = byGrowth ? "%" : indicator.measureUnit();
        BigDecimal gap = own.subtract(average).abs();
        String summary = label + what + plain(own, decimals) + unitWord + "，" + (above ? "高于" : "低于") + area
                + "平均水平（" + plain(average, decimals) + unitWord + "）" + plain(gap, decimals)
                + (byGrowth ? "个百分点" : unitWord);
        return new TargetProgress(target, own, period.code(), label, average.setScale(4, RoundingMode.HALF_UP),
                progress, 1.0, light, null, byGrowth ? own : null, false, summary,
                label + ": " + plain(own, decimals) + unitWord + (above ? " above " : " below ") + "the average of "
                        + parent.name() + " (" + plain(average, decimals) + unitWord + ")", List.of());
    }

    private BigDecimal value(Indicator indicator, long unitId, Period period, boolean growth) {
        Map<Long, Figure> values = growth ? figures.growth(indicator, List.of(unitId), period)
                : figures.levels(indicator, List.of(unitId), period, null);
        Figure f = values.get(unitId);
        return f == null ? null : f.value();
    }

    private LightThresholds thresholds(Target target) {
        return lightRules.forUnit(target.unitId());
    }

    /**
     * The target's deadline, the end of its (last) year: a year on the way to a later deadline is judged by how far
     * it is behind the path, never as overdue.
     */
    private static LocalDate due(Target target) {
        return LocalDate.of(target.year(), 12, 31);
    }

    private static double ratio(BigDecimal actual, BigDecimal milestone) {
        return actual.divide(milestone, PRECISION).doubleValue();
    }

    private static TargetProgress empty(Target target, String summary, String summaryEn) {
        return new TargetProgress(target, null, null, null, null, null, null, null, null, null, false, summary,
                summaryEn, new ArrayList<>());
    }

    static String plain(BigDecimal value, int decimals) {
        if (value == null) {
            return "X";
        }
        BigDecimal scaled = value.setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return (scaled.scale() < 0 ? scaled.setScale(0) : scaled).toPlainString();
    }

    private static String pct(BigDecimal value) {
        return plain(value, 1);
    }

    private static String pct(double value) {
        return plain(BigDecimal.valueOf(value), 1);
    }
}
