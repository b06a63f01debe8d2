package cn.luoshi.indicator;

import java.math.BigDecimal;

/**
 * A value of one indicator for one unit as Luoshi answers it: the number, the stored observation it comes from
 * (which may be an equivalent of the period asked for, e.g. {@code 2025-12} 累计 for the year 2025), and whether it
 * was computed (a derived indicator, or a growth rate computed where no official one exists) rather than published.
 */
public record Figure(BigDecimal value, Period period, ObservationKind kind, boolean computed) {
}
