package cn.luoshi.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.luoshi.common.web.Messages;
import cn.luoshi.indicator.internal.StatisticsAccess;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import org.springframework.stereotype.Service;

/**
 * Puts two regions side by side the way seed 000 does: "完成地区生产总值2160亿元，居全省第五，比XX少230亿元；
 * 财政总收入占GDP比重为12.2%，比XX高2.4个百分点；人均GDP为54728元，比XX多21807元".
 */
@Service
public class Benchmarks {

    /** The indicators of a two-city comparison when the caller names none, in the order speeches cite them. */
    public static final List<String> DEFAULT_INDICATORS = List.of("GDP", "GDP_PER_CAPITA", "FISCAL_TOTAL",
            "FISCAL_GDP_RATIO", "FISCAL_PER_CAPITA", "FISCAL_GENERAL", "INDUSTRY_VA", "INDUSTRY_OUTPUT", "FAI",
            "RETAIL", "RETAIL_PER_CAPITA", "FOREIGN_TRADE", "URBAN_INCOME", "RURAL_INCOME", "POPULATION");

    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final String POPULATION = "POPULATION";

    private final Indicators indicators;
    private final Figures figures;
    private final Rankings rankings;
    private final StatisticsAccess access;
    private final Messages messages;

    Benchmarks(Indicators indicators, Figures figures, Rankings rankings, StatisticsAccess access,
               Messages messages) {
        this.indicators = indicators;
        this.figures = figures;
        this.rankings = rankings;
        this.access = access;
        this.messages = messages;
    }

    public Benchmark compare(long aId, long bId, Period period, List<String> codes, LuoshiUser viewer) {
        OrgUnit a = access.readable(viewer, aId);
        OrgUnit b = access.readable(viewer, bId);
        List<Indicator> chosen = new ArrayList<>();
        for (String code : codes == null || codes.isEmpty() ? DEFAULT_INDICATORS : codes) {
            (codes == null || codes.isEmpty() ? indicators.findByCode(code) : Optional.of(indicators.get(code)))
                    .ifPresent(chosen::add);
        }
        Optional<Indicator> population = indicators.findByCode(POPULATION);
        Map<Long, Figure> people = population.map(p -> figures.levels(p, List.of(a.id(), b.id()),
                Period.year(period.year()), null)).orElse(Map.of());
        if (people.size() < 2 && population.isPresent()) {
            // Population is annual; before this year's is out, last year's stands in.
            Map<Long, Figure> earlier = figures.levels(population.get(), List.of(a.id(), b.id()),
                    Period.year(period.year() - 1), null);
            Map<Long, Figure> merged = new HashMap<>(earlier);
            merged.putAll(people);
            people = merged;
        }

        List<Benchmark.Row> rows = new ArrayList<>();
        for (Indicator indicator : chosen) {
            Map<Long, Figure> values = figures.levels(indicator, List.of(a.id(), b.id()), period, null);
            Figure fa = values.get(a.id());
            Figure fb = values.get(b.id());
            if (fa == null && fb == null) {
                continue;
            }
            List<Long> both = List.of(a.id(), b.id());
            Map<Long, Figure> growth = figures.officialGrowth(indicator, both, period);
            Map<Long, Figure> atCurrentPrices = figures.currentPriceGrowth(indicator,
                    both.stream().filter(id -> !growth.containsKey(id)).toList(), period);
            Ranking.Entry rankA = rankOf(indicator, period, a);
            Ranking.Entry rankB = rankOf(indicator, period, b);
            BigDecimal difference = null;
            String text = null;
            String textEn = null;
            BigDecimal ratio = null;
            if (fa != null && fb != null) {
                difference = fa.value().subtract(fb.value()).setScale(indicator.decimals(), RoundingMode.HALF_UP);
                text = differenceText(indicator, difference, b.name());
                textEn = differenceTextEn(indicator, difference, b.name());
                ratio = fb.value().signum() == 0 ? null
                        : fa.value().divide(fb.value(), PRECISION).setScale(4, RoundingMode.HALF_UP);
            }
            // Only two official rates are compared; a rate at current prices includes price changes.
            Figure ga = growth.get(a.id());
            Figure gb = growth.get(b.id());
            BigDecimal gap = ga != null && gb != null
                    ? ga.value().subtract(gb.value()).setScale(1, RoundingMode.HALF_UP) : null;
            Figure ca = atCurrentPrices.get(a.id());
            Figure cb = atCurrentPrices.get(b.id());
            boolean anyCurrentPrices = ca != null || cb != null;
            rows.add(new Benchmark.Row(indicator.code(), indicator.nameZh(), indicator.nameEn(),
                    indicator.measureUnit(), indicator.decimals(), value(fa), value(fb),
                    fa != null && fa.computed(), fb != null && fb.computed(),
                    rankA == null ? null : rankA.rank(), rankB == null ? null : rankB.rank(),
                    rankA == null ? null : rankA.phrase(), rankB == null ? null : rankB.phrase(),
                    difference, text, textEn, ratio, value(ga), value(gb), gap,
                    gap == null ? null : growthText(gap, b.name(), false),
                    gap == null ? null : growthText(gap, b.name(), true),
                    value(ca), value(cb),
                    anyCurrentPrices ? messages.chinese(Rankings.CURRENT_PRICES) : null,
                    anyCurrentPrices ? messages.english(Rankings.CURRENT_PRICES) : null,
                    perCapita(indicator, fa, people.get(a.id())), perCapita(indicator, fb, people.get(b.id()))));
        }
        return new Benchmark(UnitRef.of(a), UnitRef.of(b), period, period.cumulativeLabel(), rows);
    }

    /** The unit's place among its siblings, or null for a unit without siblings or without a value. */
    private Ranking.Entry rankOf(Indicator indicator, Period period, OrgUnit unit) {
        if (unit.parentId() == null) {
            return null;
        }
        Ranking.Entry focus = rankings.rankAmongSiblings(indicator, period, RankBy.VALUE, unit.id()).focus();
        return focus == null || focus.rank() == null ? null : focus;
    }

    private static BigDecimal value(Figure figure) {
        return figure == null ? null : figure.value();
    }

    /** "比友邻市少230亿元", "比友邻市高2.4个百分点", "与友邻市持平". */
    public static String differenceText(Indicator indicator, BigDecimal difference, String other) {
        if (difference.signum() == 0) {
            return "与" + other + "持平";
        }
        String amount = plain(difference.abs());
        if (indicator.isPercentage()) {
            return "比" + other + (difference.signum() > 0 ? "高" : "低") + amount + "个百分点";
        }
        return "比" + other + (difference.signum() > 0 ? "多" : "少") + amount + indicator.measureUnit();
    }

    /** "增速比友邻市高0.7个百分点", "增速与友邻市持平": two official rates, in points (bundle {@code indicator}). */
    private String growthText(BigDecimal gap, String other, boolean english) {
        String code = gap.signum() == 0 ? "indicator.benchmark.growthLevel"
                : gap.signum() > 0 ? "indicator.benchmark.growthHigher" : "indicator.benchmark.growthLower";
        return english ? messages.english(code, other, plain(gap.abs()))
                : messages.chinese(code, other, plain(gap.abs()));
    }

    static String differenceTextEn(Indicator indicator, BigDecimal difference, String other) {
        if (difference.signum() == 0) {
            return "level with " + other;
        }
        String amount = plain(difference.abs());
        if (indicator.isPercentage()) {
            return amount + " percentage points " + (difference.signum() > 0 ? "higher" : "lower") + " than " + other;
        }
        return amount + " " + indicator.measureUnit() + (difference.signum() > 0 ? " more" : " less") + " than "
                + other;
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** An amount per resident in 元: 亿元 × 10⁸ or 万元 × 10⁴ over 常住人口 (万人 × 10⁴). */
    private static BigDecimal perCapita(Indicator indicator, Figure value, Figure population) {
        if (value == null || population == null || population.value().signum() <= 0 || !indicator.additive()
                || indicator.derived()) {
            return null;
        }
        BigDecimal factor = switch (indicator.measureUnit()) {
            case "亿元" -> BigDecimal.valueOf(100_000_000L);
            case "万元" -> BigDecimal.valueOf(10_000L);
            default -> null;
        };
        if (factor == null) {
            return null;
        }
        BigDecimal residents = population.value().multiply(BigDecimal.valueOf(10_000L));
        return value.value().multiply(factor).divide(residents, PRECISION).setScale(0, RoundingMode.HALF_UP);
    }
}
