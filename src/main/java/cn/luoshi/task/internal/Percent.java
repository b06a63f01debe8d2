package cn.luoshi.task.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Progress is kept and shown in percent with one decimal; the shared light rules work on shares of 1. */
final class Percent {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {
    }

    static BigDecimal of(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP);
    }

    static double share(BigDecimal percent) {
        return percent == null ? 0 : percent.doubleValue() / 100.0;
    }
}
