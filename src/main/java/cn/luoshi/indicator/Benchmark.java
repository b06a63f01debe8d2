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
     * @param growthGap      a's growth minus b's, in percentage points
     * @param perCapitaA     for amounts, the value per resident (元) from 常住人口
     */
    public record Row(String indicator, String name, String nameEn, String measureUnit, int decimals,
                      BigDecimal valueA, BigDecimal valueB, boolean computedA, boolean computedB,
                      Integer rankA, Integer rankB, String rankPhraseA, String rankPhraseB,
                      BigDecimal difference, String differenceText, String differenceTextEn, BigDecimal ratio,
                      BigDecimal growthA, BigDecimal growthB, boolean growthComputed, BigDecimal growthGap,
                      BigDecimal perCapitaA, BigDecimal perCapitaB) {
    }
}
