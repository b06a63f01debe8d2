package cn.luoshi.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.luoshi.indicator.internal.Catalogue;
import cn.luoshi.indicator.internal.Formula;
import cn.luoshi.indicator.internal.ObservationStore;
import cn.luoshi.indicator.internal.ObservationStore.Key;
import cn.luoshi.indicator.internal.ObservationStore.Stored;
import org.springframework.stereotype.Service;

/**
 * The value of an indicator for units and a period, as rankings, benchmarks, grids and targets need it. Knows which
 * stored observations mean the same thing (the year 2025 = 2025-12 累计 = 2025Q4 累计; 1–6月 = 2025H1 = 2025Q2
 * 累计), evaluates derived indicators from their inputs, and computes a year-on-year growth rate only where no official
 * one was published, marking it as computed. Callers check data scope; this service answers for the units it is
 * given.
 */
@Service
public class Figures {

    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Indicators indicators;
    private final ObservationStore store;

    Figures(Indicators indicators, ObservationStore store) {
        this.indicators = indicators;
        this.store = store;
    }

    /**
     * The value per unit for a period. With {@code kind} null, the headline value: cumulative to the period's end
     * for flows and rates (what bulletins compare), the end-of-period level for stocks.
     */
    public Map<Long, Figure> levels(Indicator indicator, Collection<Long> unitIds, Period period,
                                    ObservationKind kind) {
        if (kind == ObservationKind.GROWTH) {
            return growth(indicator, unitIds, period);
        }
        if (indicator.derived()) {
            return derived(indicator, unitIds, period, kind);
        }
        return best(indicator, unitIds, keysFor(indicator, period, kind), false);
    }

    public Optional<Figure> level(Indicator indicator, long unitId, Period period, ObservationKind kind) {
        return Optional.ofNullable(levels(indicator, List.of(unitId), period, kind).get(unitId));
    }

    /**
     * Year-on-year growth in percent: the official rate where one is stored, otherwise the rate at current prices
     * and marked computed. For lists of one unit's series only: rankings, benchmarks and targets keep the two apart
     * ({@link #officialGrowth}, {@link #currentPriceGrowth}).
     */
    public Map<Long, Figure> growth(Indicator indicator, Collection<Long> unitIds, Period period) {
        Map<Long, Figure> result = officialGrowth(indicator, unitIds, period);
        List<Long> missing = unitIds.stream().filter(id -> !result.containsKey(id)).toList();
        result.putAll(currentPriceGrowth(indicator, missing, period));
        return result;
    }

    /**
     * The official year-on-year growth (同比, comparable prices) as the statistics office published it, for the units
     * that have one: the stored growth of the period or of a stored form meaning the same cumulative period. A derived
     * indicator has none.
     */
    public Map<Long, Figure> officialGrowth(Indicator indicator, Collection<Long> unitIds, Period period) {
        if (indicator.derived() || unitIds.isEmpty()) {
            return new HashMap<>();
        }
        return best(indicator, unitIds, growthKeys(indicator, period), false);
    }

    /** The stored growth observations that stand for a period's official growth, the best first. */
    static List<Key> growthKeys(Indicator indicator, Period period) {
        List<Key> keys = new ArrayList<>();
        for (Key key : indicator.nature() == Nature.STOCK ? endKeys(period) : cumulativeKeys(period)) {
            keys.add(new Key(key.period(), ObservationKind.GROWTH));
        }
        return dedupe(keys);
    }

    /**
     * Per unit, the stored value under the first of the keys that has one, from rows already read (the choice
     * {@link #officialGrowth} makes with its own query).
     */
    static Map<Long, Figure> pick(Collection<Stored> rows, List<Key> keys) {
        Map<Long, Figure> result = new HashMap<>();
        Map<Long, Integer> priority = new HashMap<>();
        for (Stored row : rows) {
            int p = keys.indexOf(new Key(row.period(), row.kind()));
            if (p < 0) {
                continue;
            }
            Integer seen = priority.get(row.unitId());
            if (seen == null || p < seen) {
                priority.put(row.unitId(), p);
                result.put(row.unitId(), new Figure(row.value(), row.period(), row.kind(), false));
            }
        }
        return result;
    }

    /**
     * Growth computed from this and last year's nominal values (按现价计算), marked computed: it includes price
     * changes, so it is never ranked with or put in place of an official rate. Percentages get none (they change in
     * points); a unit without both years' values or with a non-positive base gets none.
     */
    public Map<Long, Figure> currentPriceGrowth(Indicator indicator, Collection<Long> unitIds, Period period) {
        Map<Long, Figure> result = new HashMap<>();
        if (unitIds.isEmpty() || indicator.isPercentage()) {
            return result;
        }
        Map<Long, Figure> now = levels(indicator, unitIds, period, null);
        Map<Long, Figure> before = levels(indicator, now.keySet(), period.sameLastYear(), null);
        for (var entry : now.entrySet()) {
            Figure previous = before.get(entry.getKey());
            if (previous == null || previous.value().signum() <= 0) {
                continue;
            }
            BigDecimal rate = entry.getValue().value().divide(previous.value(), PRECISION).subtract(BigDecimal.ONE)
                    .multiply(HUNDRED).setScale(4, RoundingMode.HALF_UP);
            result.put(entry.getKey(), new Figure(rate, period, ObservationKind.GROWTH, true));
        }
        return result;
    }

    /**
     * The latest official cumulative growth of a year up to a month (1–N月增长; a stored growth rate is always the
     * cumulative one, see {@link Observations#label}): the stored growth with the latest end month. Empty when none
     * has been published for the year yet.
     */
    public Optional<Figure> latestOfficialGrowthWithinYear(Indicator indicator, long unitId, int year,
                                                           int upToMonth) {
        if (indicator.derived() || upToMonth < 1) {
            return Optional.empty();
        }
        return store.withinYear(indicator.id(), unitId, ObservationKind.GROWTH, year, Math.min(12, upToMonth))
                .stream().max((a, b) -> Integer.compare(a.period().endMonth(), b.period().endMonth()))
                .map(r -> new Figure(r.value(), r.period(), r.kind(), false));
    }

    /**
     * The latest cumulative value of a year up to a month (for a target's attainment): 1–N月累计 of a flow, the
     * latest level of a stock. Empty when nothing has been published for the year yet.
     */
    public Optional<Figure> latestWithinYear(Indicator indicator, long unitId, int year, int upToMonth) {
        int last = Math.max(1, Math.min(12, upToMonth));
        if (!indicator.derived()) {
            return latestStored(indicator, unitId, year, last);
        }
        for (int month = last; month >= 1; month--) {
            Optional<Figure> figure = level(indicator, unitId, Period.month(year, month), null);
            if (figure.isPresent()) {
                return figure;
            }
        }
        return Optional.empty();
    }

    private Optional<Figure> latestStored(Indicator indicator, long unitId, int year, int upToMonth) {
        List<Stored> rows = new ArrayList<>();
        if (indicator.nature() == Nature.STOCK) {
            rows.addAll(store.withinYear(indicator.id(), unitId, ObservationKind.VALUE, year, upToMonth));
        } else {
            rows.addAll(store.withinYear(indicator.id(), unitId, ObservationKind.YTD, year, upToMonth));
            store.withinYear(indicator.id(), unitId, ObservationKind.VALUE, year, upToMonth).stream()
                    .filter(r -> r.period().startsInJanuary()).forEach(rows::add);
        }
        return rows.stream().max((a, b) -> Integer.compare(a.period().endMonth(), b.period().endMonth()))
                .map(r -> new Figure(r.value(), r.period(), r.kind(), false));
    }

    /**
     * Each month's share of a year's total (a seasonal profile for time-progress), from the year's monthly values or
     * the steps of its cumulative values; a quarter's step is spread evenly over its months. Null when the year's
     * total is unknown.
     */
    public double[] monthlyShares(Indicator indicator, long unitId, int year) {
        if (indicator.nature() != Nature.FLOW || indicator.derived()) {
            return null;
        }
        BigDecimal[] cumulative = new BigDecimal[13];
        cumulative[0] = BigDecimal.ZERO;
        BigDecimal[] monthly = new BigDecimal[13];
        for (Stored row : store.withinYear(indicator.id(), unitId, ObservationKind.YTD, year, 12)) {
            cumulative[row.period().endMonth()] = row.value();
        }
        for (Stored row : store.withinYear(indicator.id(), unitId, ObservationKind.VALUE, year, 12)) {
            if (row.period().startsInJanuary() && cumulative[row.period().endMonth()] == null) {
                cumulative[row.period().endMonth()] = row.value();
            }
            if (row.period().type() == Period.PeriodType.MONTH) {
                monthly[row.period().number()] = row.value();
            }
        }
        double[] shares = new double[12];
        boolean allMonths = true;
        for (int m = 1; m <= 12; m++) {
            allMonths &= monthly[m] != null;
        }
        if (allMonths) {
            for (int m = 1; m <= 12; m++) {
                shares[m - 1] = monthly[m].doubleValue();
            }
            return positive(shares);
        }
        if (cumulative[12] == null || cumulative[12].signum() <= 0) {
            return null;
        }
        int lastKnown = 0;
        for (int m = 1; m <= 12; m++) {
            if (cumulative[m] != null) {
                double step = cumulative[m].subtract(cumulative[lastKnown]).doubleValue() / (m - lastKnown);
                for (int k = lastKnown + 1; k <= m; k++) {
                    shares[k - 1] = step;
                }
                lastKnown = m;
            }
        }
        return positive(shares);
    }

    private static double[] positive(double[] shares) {
        double total = 0;
        for (double s : shares) {
            if (s < 0) {
                return null;
            }
            total += s;
        }
        return total > 0 ? shares : null;
    }

    // ---- keys and lookups ----

    private List<Key> keysFor(Indicator indicator, Period period, ObservationKind kind) {
        if (indicator.nature() == Nature.STOCK) {
            return endKeys(period);
        }
        if (kind == ObservationKind.VALUE && !period.startsInJanuary()) {
            return List.of(new Key(period, ObservationKind.VALUE));
        }
        return cumulativeKeys(period);
    }

    /** Every stored form of "cumulative from January to this period's end", the period itself first. */
    static List<Key> cumulativeKeys(Period period) {
        int y = period.year();
        int m = period.endMonth();
        List<Key> keys = new ArrayList<>();
        keys.add(new Key(period, ObservationKind.YTD));
        if (period.startsInJanuary()) {
            keys.add(new Key(period, ObservationKind.VALUE));
        }
        keys.add(new Key(Period.month(y, m), ObservationKind.YTD));
        if (m == 1) {
            keys.add(new Key(Period.month(y, 1), ObservationKind.VALUE));
        }
        if (m % 3 == 0) {
            keys.add(new Key(Period.quarter(y, m / 3), ObservationKind.YTD));
            if (m == 3) {
                keys.add(new Key(Period.quarter(y, 1), ObservationKind.VALUE));
            }
        }
        if (m % 6 == 0) {
            keys.add(new Key(Period.half(y, m / 6), ObservationKind.YTD));
            if (m == 6) {
                keys.add(new Key(Period.half(y, 1), ObservationKind.VALUE));
            }
        }
        if (m == 12) {
            keys.add(new Key(Period.year(y), ObservationKind.VALUE));
            keys.add(new Key(Period.year(y), ObservationKind.YTD));
        }
        return dedupe(keys);
    }

    /** Every stored form of "the level at this period's end". */
    static List<Key> endKeys(Period period) {
        int y = period.year();
        int m = period.endMonth();
        List<Key> keys = new ArrayList<>();
        keys.add(new Key(period, ObservationKind.VALUE));
        keys.add(new Key(Period.month(y, m), ObservationKind.VALUE));
        if (m % 3 == 0) {
            keys.add(new Key(Period.quarter(y, m / 3), ObservationKind.VALUE));
        }
        if (m % 6 == 0) {
            keys.add(new Key(Period.half(y, m / 6), ObservationKind.VALUE));
        }
        if (m == 12) {
            keys.add(new Key(Period.year(y), ObservationKind.VALUE));
        }
        return dedupe(keys);
    }

    private static List<Key> dedupe(List<Key> keys) {
        return List.copyOf(new LinkedHashSet<>(keys));
    }

    /** Per unit, the stored value under the first key of the list that has one. */
    private Map<Long, Figure> best(Indicator indicator, Collection<Long> unitIds, List<Key> keys, boolean computed) {
        Map<Long, Figure> result = new HashMap<>();
        Map<Long, Integer> priority = new HashMap<>();
        if (unitIds.isEmpty()) {
            return result;
        }
        for (Stored row : store.find(indicator.id(), unitIds, keys)) {
            int p = keys.indexOf(new Key(row.period(), row.kind()));
            Integer seen = priority.get(row.unitId());
            if (seen == null || p < seen) {
                priority.put(row.unitId(), p);
                result.put(row.unitId(), new Figure(row.value(), row.period(), row.kind(), computed));
            }
        }
        return result;
    }

    private Map<Long, Figure> derived(Indicator indicator, Collection<Long> unitIds, Period period,
                                      ObservationKind kind) {
        Catalogue catalogue = indicators.catalogue();
        Formula formula = catalogue.formula(indicator);
        Map<Long, Figure> result = new HashMap<>();
        if (formula == null) {
            return result;
        }
        Map<String, Map<Long, Figure>> inputs = new HashMap<>();
        for (String code : formula.references()) {
            Optional<Indicator> input = catalogue.byCode(code);
            if (input.isEmpty()) {
                return result;
            }
            inputs.put(code, input.get().nature() == Nature.STOCK
                    ? stockForRatio(input.get(), unitIds, period)
                    : levels(input.get(), unitIds, period, kind));
        }
        ObservationKind shownKind = kind == null ? indicator.headlineKind() : kind;
        for (Long unit : unitIds) {
            Map<String, BigDecimal> values = new HashMap<>();
            for (var input : inputs.entrySet()) {
                Figure f = input.getValue().get(unit);
                if (f != null) {
                    values.put(input.getKey(), f.value());
                }
            }
            BigDecimal value = formula.evaluate(values);
            if (value != null) {
                result.put(unit, new Figure(value.setScale(Math.max(indicator.decimals() + 2, 4),
                        RoundingMode.HALF_UP).stripTrailingZeros(), period, shownKind, true));
            }
        }
        return result;
    }

    /**
     * A stock in a ratio (population under a per-capita value): the level at the period's end, else this year's
     * annual level, else last year's, since population is published once a year.
     */
    private Map<Long, Figure> stockForRatio(Indicator stock, Collection<Long> unitIds, Period period) {
        List<Key> keys = new ArrayList<>(endKeys(period));
        keys.add(new Key(Period.year(period.year()), ObservationKind.VALUE));
        keys.add(new Key(Period.year(period.year() - 1), ObservationKind.VALUE));
        Set<Key> unique = new LinkedHashSet<>(keys);
        return best(stock, unitIds, List.copyOf(unique), false);
    }
}
