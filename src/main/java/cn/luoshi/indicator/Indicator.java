package cn.luoshi.indicator;

import java.util.List;

/**
 * An indicator of the catalogue (指标).
 *
 * @param measureUnit      unit of measure as bulletins write it (亿元, %, 元, 万人, 天 …)
 * @param higherIsBetter   false for indicators where less is better (e.g. energy use per unit of GDP)
 * @param additive         the values of child units add up to the parent's, so a decomposed target must too
 * @param decimals         how many decimals values are shown and compared with (ties in rankings)
 * @param formula          for derived indicators, an expression over other indicators' codes; null otherwise
 * @param aliases          other names used in speeches and tables
 */
public record Indicator(int id, String code, String nameZh, String nameEn, String measureUnit, Frequency frequency,
                        Nature nature, boolean higherIsBetter, boolean additive, int decimals, String formula,
                        IndicatorSet set, int sortOrder, boolean active, int version, List<String> aliases) {

    public boolean derived() {
        return formula != null && !formula.isBlank();
    }

    /** Percentages compare in percentage points ("高2.4个百分点"), not in percent of percent. */
    public boolean isPercentage() {
        return "%".equals(measureUnit);
    }

    /** The observation kind that stands for "the value" of a period: cumulative for flows and rates. */
    public ObservationKind headlineKind() {
        return nature == Nature.STOCK ? ObservationKind.VALUE : ObservationKind.YTD;
    }
}
