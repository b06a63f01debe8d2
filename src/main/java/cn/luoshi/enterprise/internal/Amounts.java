package cn.luoshi.enterprise.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Formats amounts kept in 万元 the way offices write them: 亿元 from 1亿 up, 万元 below ({@code @amounts.wan(x)} in
 * templates), and shares as percentages.
 */
@Component("amounts")
public class Amounts {

    private static final BigDecimal YI = BigDecimal.valueOf(10_000);

    public String wan(BigDecimal wan) {
        if (wan == null) {
            return "—";
        }
        if (wan.abs().compareTo(YI) >= 0) {
            return format(wan.divide(YI, 2, RoundingMode.HALF_UP), "#,##0.00") + " 亿元";
        }
        return format(wan, "#,##0.##") + " 万元";
    }

    /** A plain number with grouping, two decimals at most (four for small ratios such as 0.0048). */
    public String number(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        return format(value, value.abs().compareTo(BigDecimal.ONE) < 0 ? "0.####" : "#,##0.##");
    }

    public String number(Number value) {
        return value == null ? "—" : number(new BigDecimal(value.toString()));
    }

    /** 0.4567 → 45.7%. */
    public String percent(BigDecimal share) {
        return share == null ? "—" : format(share.multiply(BigDecimal.valueOf(100)), "0.0") + "%";
    }

    public String percent(Number share) {
        return share == null ? "—" : percent(new BigDecimal(share.toString()));
    }

    private static String format(BigDecimal value, String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
