package cn.luoshi.indicator.internal.imports;

import java.math.BigDecimal;

import cn.luoshi.indicator.Indicator;
import cn.luoshi.indicator.ObservationKind;

/**
 * What a value of an indicator may be, the same for an imported row and a single value typed in: every indicator of
 * the catalogue counts or measures something (amounts, people, enterprises, days, shares), so only a growth rate
 * may be negative, and no growth rate is below -100 %; and no figure is as large as 10^15 or more precise than
 * 12 decimals.
 */
public final class ObservationValues {

    /** A value's magnitude must stay below this. */
    public static final BigDecimal LIMIT = BigDecimal.TEN.pow(15);
    public static final int MAX_DECIMALS = 12;
    private static final BigDecimal MINUS_100 = BigDecimal.valueOf(-100);

    /** A value refused: the problem code (of the {@code indicator.import.problem.} family) and its arguments. */
    public record Refusal(String code, String... args) {
    }

    private ObservationValues() {
    }

    /** Why the value cannot be stored, or null when it can; {@code shown} is the value as the user wrote it. */
    public static Refusal check(Indicator indicator, ObservationKind kind, BigDecimal value, String shown) {
        if (value.abs().compareTo(LIMIT) >= 0 || value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return new Refusal("valueOutOfRange", shown);
        }
        if (kind == ObservationKind.GROWTH) {
            return value.compareTo(MINUS_100) < 0 ? new Refusal("growthBelowMinus100", shown) : null;
        }
        return value.signum() < 0 ? new Refusal("negativeValue", shown, indicator.nameZh()) : null;
    }
}
