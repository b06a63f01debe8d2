package cn.luoshi.indicator;

import java.math.BigDecimal;
import java.util.List;

/** Two regions side by side (seed 000: 两市情况交流): value, rank, difference in words, ratio, per-capita values. */
public record Benchmark(UnitRef a, UnitRef b, Period period, String periodLabel, List<Row> rows) {

    /**
     * One indicator compared.
     *
     * @param difference     a − b at the indicator's precision (percentage points for percentages)
     * @param differenceText from a's side: "比友邻市少230亿元", "比友邻市高2.4个百分点", "与友邻市持平"
     * @param ratio          a ÷ b
     * @param growthA        a's official growth (同比, comparable prices), null when none was published
     * @param growthGap      a's official growth minus b's, in percentage points; null unless both are official
     * @param growthText     the gap in words from a's side: "增速比友邻市高0.7个百分点" (official rates only)
     * @param currentPriceGrowthA where a has no official growth, its rate computed from nominal values, shown apart
     *                       with {@code currentPriceLabel} (按现价计算) and never compared with an official rate
     * @param perCapitaA     for amounts, the value per resident (元) from 常住人口
     */
    public record Row(String indicator, String name, String nameEn, String measureUnit, int decimals,
                      BigDecimal valueA, BigDecimal valueB, boolean computedA, boolean computedB,
                      Integer rankA, Integer rankB, String rankPhraseA, String rankPhraseB,
                      BigDecimal difference, String differenceText, String differenceTextEn, BigDecimal ratio,
                      BigDecimal growthA, BigDecimal growthB, BigDecimal growthGap, String growthText,
                      String growthTextEn, BigDecimal currentPriceGrowthA, BigDecimal currentPriceGrowthB,
                      String currentPriceLabel, String currentPriceLabelEn,
                      BigDecimal perCapitaA, BigDecimal perCapitaB) {
    }
}
