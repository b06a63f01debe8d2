package cn.luoshi.indicator;

import java.math.BigDecimal;
import java.util.List;

/**
 * Units ranked among their siblings for one indicator and period ("居全省第五").
 *
 * @param area          the parent as speeches say it: 全省, 全市, 全区, 全县
 * @param focus         the unit asked about (with {@code unit=}), else null
 * @param entries       every sibling, best first; those without a value come last with no rank. Ranked by growth,
 *                      only official rates (同比, comparable prices) are listed and ranked
 * @param currentPrices ranked by growth: the siblings without an official rate whose growth can be computed from
 *                      nominal values (按现价计算), shown apart and never ranked; empty when ranked by value
 */
public record Ranking(String indicator, String indicatorName, String measureUnit, int decimals, Period period,
                      String periodLabel, RankBy by, ObservationKind kind, UnitRef parent, String area,
                      int ranked, Entry focus, List<Entry> entries, List<CurrentPriceRate> currentPrices) {

    /**
     * One unit's place. Ties share a rank (1, 2, 2, 4), compared at the indicator's shown precision.
     *
     * @param rank     null when the unit has no value for the period
     * @param source   the stored period the value comes from (e.g. 2025-12 for the year 2025)
     * @param computed a derived value (ranked by value); never true for a growth rate, which is official here
     */
    public record Entry(Integer rank, UnitRef unit, BigDecimal value, Period source, boolean computed,
                        String phrase, String phraseEn, boolean focus) {
    }

    /**
     * A growth rate computed from this and last year's nominal values for a unit without an official one.
     *
     * @param label "按现价计算", {@code labelEn} "at current prices": how the rate must be shown wherever it appears
     */
    public record CurrentPriceRate(UnitRef unit, BigDecimal value, Period source, String label, String labelEn,
                                   boolean focus) {
    }
}
