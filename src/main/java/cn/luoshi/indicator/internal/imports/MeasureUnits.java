package cn.luoshi.indicator.internal.imports;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Conversions between units of measure of one family (元/万元/亿元, 人/万人 …), so a table kept in 万元 can fill an
 * indicator kept in 亿元. Units of different families never convert.
 */
final class MeasureUnits {

    private record Scale(String family, BigDecimal factor) {
    }

    private static final Map<String, Scale> SCALES = Map.ofEntries(
            Map.entry("元", new Scale("CNY", BigDecimal.ONE)),
            Map.entry("千元", new Scale("CNY", new BigDecimal("1000"))),
            Map.entry("万元", new Scale("CNY", new BigDecimal("10000"))),
            Map.entry("百万元", new Scale("CNY", new BigDecimal("1000000"))),
            Map.entry("亿元", new Scale("CNY", new BigDecimal("100000000"))),
            Map.entry("美元", new Scale("USD", BigDecimal.ONE)),
            Map.entry("万美元", new Scale("USD", new BigDecimal("10000"))),
            Map.entry("亿美元", new Scale("USD", new BigDecimal("100000000"))),
            Map.entry("人", new Scale("PEOPLE", BigDecimal.ONE)),
            Map.entry("万人", new Scale("PEOPLE", new BigDecimal("10000"))),
            Map.entry("人次", new Scale("VISITS", BigDecimal.ONE)),
            Map.entry("万人次", new Scale("VISITS", new BigDecimal("10000"))),
            Map.entry("亿人次", new Scale("VISITS", new BigDecimal("100000000"))),
            Map.entry("个", new Scale("ITEMS", BigDecimal.ONE)),
            Map.entry("万个", new Scale("ITEMS", new BigDecimal("10000"))));

    private MeasureUnits() {
    }

    /**
     * What to multiply a value in {@code from} by to express it in {@code to}: 1 for the same unit, null when the
     * two cannot be converted.
     */
    static BigDecimal factor(String from, String to) {
        String a = from.strip();
        String b = to.strip();
        if (a.equals(b)) {
            return BigDecimal.ONE;
        }
        Scale sa = SCALES.get(a);
        Scale sb = SCALES.get(b);
        if (sa == null || sb == null || !sa.family().equals(sb.family())) {
            return null;
        }
        return sa.factor().divide(sb.factor(), java.math.MathContext.DECIMAL64);
    }
}
