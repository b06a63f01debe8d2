package cn.luoshi.indicator.internal.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

import cn.luoshi.indicator.Period;
import org.springframework.stereotype.Component;

/** Number and period formatting for the statistics and target pages ({@code @stats.num(value, 2)}). */
@Component("stats")
public class StatisticsFormat {

    /** A value at a given precision, without grouping: as statistics tables print it. */
    public String num(BigDecimal value, int decimals) {
        if (value == null) {
            return "—";
        }
        return value.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** A value without trailing zeros ("263.8", "2300"). */
    public String plain(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** A share 0–1 as a percentage with one decimal ("48.5%"). */
    public String percent(Double share) {
        if (share == null) {
            return "—";
        }
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** Bar width for a share, clamped to 0–100. */
    public int width(Double share) {
        if (share == null) {
            return 0;
        }
        return (int) Math.round(Math.max(0, Math.min(1, share)) * 100);
    }

    public String periodLabel(String code) {
        return Period.tryParse(code).map(Period::label).orElse(code);
    }
}
