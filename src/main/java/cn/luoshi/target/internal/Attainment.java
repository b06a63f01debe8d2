package cn.luoshi.target.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.luoshi.common.progress.LightRules;
import cn.luoshi.common.progress.LightThresholds;
import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.common.progress.TimeProgress;
import cn.luoshi.common.web.Messages;
import cn.luoshi.indicator.ChineseNumbers;
import cn.luoshi.indicator.Figure;
import cn.luoshi.indicator.Figures;
import cn.luoshi.indicator.Indicator;
import cn.luoshi.indicator.Indicators;
import cn.luoshi.indicator.Nature;
import cn.luoshi.indicator.ObservationKind;
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
 * Judges a target on a day, from the data of the last complete month before it:
 * <ul>
 *   <li>an amount (达到, 突破, 翻一番): the latest cumulative actual against this year's milestone, compared with
 *   time-progress (m/12, or last year's monthly shares for a seasonal profile), turned into a light by the region's
 *   {@link LightThresholds} — the same rule and colours as tasks. A path to a later deadline needs the target's base
 *   year;</li>
 *   <li>a growth rate (增长X%): the reported cumulative growth (official, comparable prices) against the target rate,
 *   in percentage points, by the region's {@link GrowthThresholds}; where no official rate exists, the rate at current
 *   prices stands in and the text says so;</li>
 *   <li>rank and average targets compare as they stand.</li>
 * </ul>
 * Summaries are sentences of the {@code target} bundle, in Chinese and in English.
 */
@Component
public class Attainment {

    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final String[] MONTHS_EN = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};

    private final Indicators indicators;
    private final Figures figures;
    private final Rankings rankings;
    private final OrgUnits units;
    private final LightRules lightRules;
    private final GrowthRules growthRules;
    private final Messages messages;

    Attainment(Indicators indicators, Figures figures, Rankings rankings, OrgUnits units, LightRules lightRules,
               GrowthRules growthRules, Messages messages) {
        this.indicators = indicators;
        this.figures = figures;
        this.rankings = rankings;
        this.units = units;
        this.lightRules = lightRules;
        this.growthRules = growthRules;
        this.messages = messages;
    }

    /** The target's standing in a year (its own year, or a year on the way to its deadline) as of a day. */
    public TargetProgress evaluate(Target target, int year, LocalDate asOf) {
        return evaluate(target, indicators.get(target.indicator()), year, asOf);
    }

    TargetProgress evaluate(Target target, Indicator indicator, int year, LocalDate asOf) {
        if (target.value() == null && target.comparator() != TargetComparator.DOUBLE
                && target.comparator() != TargetComparator.ABOVE_AVERAGE) {
            return empty(target, "target.progress.placeholder");
        }
        if (year > asOf.getYear()) {
            return empty(target, "target.progress.notBegun", Integer.toString(year));
        }
        if (needsBaseYear(target, year)) {
            return empty(target, "target.progress.baseYearNeeded");
        }
        int lastMonth = lastCompleteMonth(year, asOf);
        if (lastMonth == 0) {
            return empty(target, "target.progress.noData", Integer.toString(year));
        }
        return switch (target.comparator()) {
            case TOP_N -> rank(target, indicator, year, lastMonth, asOf);
            case ABOVE_AVERAGE -> average(target, indicator, year, lastMonth, asOf);
            case GROWTH -> growth(target, indicator, year, lastMonth, asOf);
            default -> amount(target, indicator, year, lastMonth, asOf);
        };
    }

    /**
     * The last month of {@code year} that is over before {@code asOf}: progress "as of 2026-07-01" is that of 1–6月,
     * since July has only begun. 12 for a year already over, 0 when no month of the year is complete yet.
     */
    static int lastCompleteMonth(int year, LocalDate asOf) {
        YearMonth last = YearMonth.from(asOf).minusMonths(1);
        if (year < last.getYear()) {
            return 12;
        }
        return year > last.getYear() ? 0 : last.getMonthValue();
    }

    /**
     * A doubling, and any amount judged on the way to a later deadline, is a path from a base year; without one no
     * path is drawn (the year before the deadline is not a base: "三年翻一番" is not a one-year doubling).
     */
    static boolean needsBaseYear(Target target, int year) {
        if (target.baseYear() != null) {
            return false;
        }
        return switch (target.comparator()) {
            case DOUBLE -> true;
            case REACH, EXCEED -> year < target.year();
            default -> false;
        };
    }

    /**
     * What an amount target asks of a year: the amount itself in its year, and on the way to a later deadline the
     * compound path from the base year's value (so a doubling in three years asks ×1.26 a year). Null when a path
     * is needed and the base year's value is unknown.
     */
    BigDecimal milestone(Target target, Indicator indicator, int year) {
        if (target.comparator() != TargetComparator.DOUBLE && year >= target.year()) {
            return target.value();
        }
        int baseYear = target.baseYear();
        BigDecimal base = base(target, indicator, baseYear);
        if (base == null || base.signum() <= 0) {
            return null;
        }
        double elapsed = (double) (year - baseYear) / (target.year() - baseYear);
        return switch (target.comparator()) {
            case REACH, EXCEED -> scaled(base, Math.pow(target.value().divide(base, PRECISION).doubleValue(),
                    elapsed));
            case DOUBLE -> scaled(base, Math.pow(2, elapsed));
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

    /**
     * 增长X%: the reported cumulative growth against the target rate, in points, both at one decimal as published
     * (so the text and the light read the same numbers). No amount path: a growth at comparable prices cannot be
     * turned into a nominal amount.
     */
    private TargetProgress growth(Target target, Indicator indicator, int year, int lastMonth, LocalDate asOf) {
        Figure rate = figures.latestOfficialGrowthWithinYear(indicator, target.unitId(), year, lastMonth)
                .orElse(null);
        boolean currentPrices = false;
        if (rate == null) {
            Optional<Figure> amount = figures.latestWithinYear(indicator, target.unitId(), year, lastMonth);
            if (amount.isPresent()) {
                rate = figures.currentPriceGrowth(indicator, List.of(target.unitId()), amount.get().period())
                        .get(target.unitId());
                currentPrices = rate != null;
            }
        }
        if (rate == null) {
            return empty(target, "target.progress.noGrowth", Integer.toString(year));
        }
        BigDecimal growth = rate.value().setScale(1, RoundingMode.HALF_UP);
        BigDecimal wanted = target.value();
        BigDecimal behind = wanted.subtract(growth);
        LightThresholds lights = thresholds(target);
        StatusLight light = growthRules.forUnit(target.unitId()).evaluate(behind, due(target), asOf,
                lights.blueWithinDays());
        String code = behind.signum() > 0 ? "target.progress.growthBehind"
                : behind.signum() < 0 ? "target.progress.growthAhead" : "target.progress.growthLevel";
        String label = Observations.label(rate.period(), rate.kind());
        String labelEn = labelEn(rate.period(), rate.kind());
        String summary = messages.chinese(code, label, change(growth, false), plain(wanted, 1),
                plain(behind.abs(), 1));
        String summaryEn = messages.english(code, labelEn, change(growth, true), plain(wanted, 1),
                plain(behind.abs(), 1));
        if (currentPrices) {
            summary += messages.chinese("target.progress.atCurrentPrices");
            summaryEn += messages.english("target.progress.atCurrentPrices");
        }
        return new TargetProgress(target, growth, rate.period().code(), label, wanted, null, null, light, null,
                growth, false, summary, summaryEn, List.of());
    }

    /** "增长5.1%" or "下降3.2%", as bulletins word a negative rate. */
    private String change(BigDecimal rate, boolean english) {
        String code = rate.signum() < 0 ? "target.progress.fell" : "target.progress.rose";
        String value = plain(rate.abs(), 1);
        return english ? messages.english(code, value) : messages.chinese(code, value);
    }

    private TargetProgress amount(Target target, Indicator indicator, int year, int lastMonth, LocalDate asOf) {
        Optional<Figure> found = figures.latestWithinYear(indicator, target.unitId(), year, lastMonth);
        if (found.isEmpty()) {
            return empty(target, "target.progress.noData", Integer.toString(year));
        }
        BigDecimal milestone = milestone(target, indicator, year);
        if (milestone == null) {
            return empty(target, "target.progress.noBase", String.valueOf(target.baseYear()));
        }
        Figure actual = found.get();
        int month = actual.period().endMonth();
        String label = Observations.label(actual.period(), actual.kind());
        String labelEn = labelEn(actual.period(), actual.kind());

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
        int decimals = indicator.decimals();
        String value = plain(actual.value(), decimals);
        String goal = plain(milestone, decimals);
        String years = Integer.toString(year);
        String share = pct(attainment * 100);
        String summary;
        String summaryEn;
        if (indicator.nature() == Nature.RATE) {
            summary = messages.chinese("target.progress.rate", label, value, unit, goal);
            summaryEn = messages.english("target.progress.rate", labelEn, value, unit, goal);
        } else if (reached && indicator.higherIsBetter()) {
            summary = messages.chinese("target.progress.reached", label, value, unit, years, goal, share);
            summaryEn = messages.english("target.progress.reached", labelEn, value, unit, years, goal, share);
        } else {
            double gapPoints = (attainment - timeProgress) * 100;
            String gapCode = Math.abs(gapPoints) < 0.05 ? "target.progress.onTime"
                    : gapPoints > 0 ? "target.progress.aheadOfTime" : "target.progress.behindTime";
            String gap = pct(Math.abs(gapPoints));
            String time = pct(timeProgress * 100);
            summary = messages.chinese("target.progress.amount", label, value, unit, years, goal, share,
                    seasonal ? messages.chinese("target.progress.seasonal") : "", time,
                    messages.chinese(gapCode, gap));
            summaryEn = messages.english("target.progress.amount", labelEn, value, unit, years, goal, share,
                    seasonal ? messages.english("target.progress.seasonal") : "", time,
                    messages.english(gapCode, gap));
        }
        return new TargetProgress(target, actual.value(), actual.period().code(), label, milestone, attainment,
                timeProgress, light, null, null, seasonal, summary, summaryEn, List.of());
    }

    private TargetProgress rank(Target target, Indicator indicator, int year, int lastMonth, LocalDate asOf) {
        Optional<Figure> found = figures.latestWithinYear(indicator, target.unitId(), year, lastMonth);
        if (found.isEmpty()) {
            return empty(target, "target.progress.noData", Integer.toString(year));
        }
        Period period = Period.month(year, found.get().period().endMonth());
        Ranking ranking = rankings.rankAmongSiblings(indicator, period, target.measure(), target.unitId());
        if (ranking.focus() == null || ranking.focus().rank() == null) {
            return empty(target, "target.progress.noRanking");
        }
        int rank = ranking.focus().rank();
        int wanted = target.value().intValue();
        double progress = rank <= wanted ? 1.0 : (double) wanted / rank;
        boolean yearOver = asOf.isAfter(due(target));
        StatusLight light = thresholds(target).evaluate(progress, 1.0, due(target), asOf, yearOver && rank <= wanted);
        String label = Observations.label(found.get().period(), found.get().kind());
        return new TargetProgress(target, ranking.focus().value(), found.get().period().code(), label,
                target.value(), progress, 1.0, light, rank, null, false,
                messages.chinese("target.progress.rank", label, ranking.focus().phrase(), ranking.area(),
                        ChineseNumbers.of(wanted)),
                messages.english("target.progress.rank", labelEn(found.get().period(), found.get().kind()),
                        ranking.focus().phraseEn(), ranking.parent().name(), Integer.toString(wanted)),
                List.of());
    }

    private TargetProgress average(Target target, Indicator indicator, int year, int lastMonth, LocalDate asOf) {
        Optional<Figure> found = figures.latestWithinYear(indicator, target.unitId(), year, lastMonth);
        OrgUnit unit = units.get(target.unitId());
        if (found.isEmpty() || unit.parentId() == null) {
            return empty(target, "target.progress.noData", Integer.toString(year));
        }
        Period period = found.get().period();
        boolean byGrowth = target.measure() == RankBy.GROWTH;
        OrgUnit parent = units.get(unit.parentId());
        List<Long> siblings = units.children(parent.id()).stream().filter(u -> u.kind() == unit.kind())
                .map(OrgUnit::id).toList();
        // 全省平均水平 is the province's own figure; without one, the mean of the siblings stands in. Growth compares
        // official rates; only where the unit has none are both sides taken at current prices.
        boolean currentPrices = false;
        Comparison comparison = compare(byGrowth ? figures.officialGrowth(indicator, List.of(unit.id(), parent.id()),
                period) : figures.levels(indicator, List.of(unit.id(), parent.id()), period, null), unit, parent,
                () -> byGrowth ? figures.officialGrowth(indicator, siblings, period)
                        : figures.levels(indicator, siblings, period, null));
        if (byGrowth && comparison.own() == null) {
            comparison = compare(figures.currentPriceGrowth(indicator, List.of(unit.id(), parent.id()), period),
                    unit, parent, () -> figures.currentPriceGrowth(indicator, siblings, period));
            currentPrices = true;
        }
        BigDecimal own = comparison.own();
        BigDecimal average = comparison.average();
        if (own == null || average == null) {
            return empty(target, "target.progress.noComparison");
        }
        double progress = average.signum() == 0 ? (own.signum() >= 0 ? 1.0 : 0.0)
                : 1 + own.subtract(average).divide(average.abs(), PRECISION).doubleValue();
        progress = Math.max(0, Math.min(2, progress));
        boolean above = own.compareTo(average) > 0;
        boolean yearOver = asOf.isAfter(due(target));
        StatusLight light = thresholds(target).evaluate(progress, 1.0, due(target), asOf, yearOver && above);
        String area = ChineseNumbers.wholeOf(parent.name());
        String label = Observations.label(period, found.get().kind());
        int decimals = byGrowth ? 1 : indicator.decimals();
        String unitWord = byGrowth ? "%" : indicator.measureUnit();
        String gap = plain(own.subtract(average).abs(), decimals);
        String code = (byGrowth ? "target.progress.averageGrowth" : "target.progress.average")
                + (above ? "Above" : "Below");
        String summary = messages.chinese(code, label, plain(own, decimals), unitWord, area,
                plain(average, decimals), gap);
        String summaryEn = messages.english(code, labelEn(period, found.get().kind()), plain(own, decimals),
                unitWord, parent.name(), plain(average, decimals), gap);
        if (currentPrices) {
            summary += messages.chinese("target.progress.atCurrentPrices");
            summaryEn += messages.english("target.progress.atCurrentPrices");
        }
        return new TargetProgress(target, own, period.code(), label, average.setScale(4, RoundingMode.HALF_UP),
                progress, 1.0, light, null, byGrowth ? own : null, false, summary, summaryEn, List.of());
    }

    private record Comparison(BigDecimal own, BigDecimal average) {
    }

    private static Comparison compare(Map<Long, Figure> values, OrgUnit unit, OrgUnit parent,
                                      java.util.function.Supplier<Map<Long, Figure>> siblings) {
        BigDecimal own = values.containsKey(unit.id()) ? values.get(unit.id()).value() : null;
        BigDecimal average = values.containsKey(parent.id()) ? values.get(parent.id()).value() : null;
        if (own != null && average == null) {
            Map<Long, Figure> all = siblings.get();
            if (!all.isEmpty()) {
                BigDecimal sum = BigDecimal.ZERO;
                for (Figure f : all.values()) {
                    sum = sum.add(f.value());
                }
                average = sum.divide(BigDecimal.valueOf(all.size()), PRECISION);
            }
        }
        return new Comparison(own, average);
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
        if (milestone.signum() == 0) {
            return actual.signum() >= 0 ? 1.0 : 0.0;
        }
        return actual.divide(milestone, PRECISION).doubleValue();
    }

    private TargetProgress empty(Target target, String code, Object... args) {
        return new TargetProgress(target, null, null, null, null, null, null, null, null, null, false,
                messages.chinese(code, args), messages.english(code, args), new ArrayList<>());
    }

    /**
     * The English of {@link Observations#label}: "Jan-Jun 2026", "Jan 2026", "2025" for cumulative values and growth
     * rates, the period itself ("2026-06") for a level.
     */
    static String labelEn(Period period, ObservationKind kind) {
        if (kind == ObservationKind.VALUE) {
            return period.labelEn();
        }
        int end = period.endMonth();
        if (end == 12) {
            return Integer.toString(period.year());
        }
        return (end == 1 ? "Jan" : "Jan-" + MONTHS_EN[end - 1]) + " " + period.year();
    }

    static String plain(BigDecimal value, int decimals) {
        if (value == null) {
            return "X";
        }
        BigDecimal scaled = value.setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return (scaled.scale() < 0 ? scaled.setScale(0) : scaled).toPlainString();
    }

    private static String pct(double value) {
        return plain(BigDecimal.valueOf(value), 1);
    }
}
