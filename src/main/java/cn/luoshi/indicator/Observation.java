package cn.luoshi.indicator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A value of an indicator for an org unit and period, stored or computed.
 *
 * @param periodLabel the period in Chinese, cumulative ("2025年1-6月") for 累计 values
 * @param computed    a derived value, or a growth rate computed where no official one was published
 * @param updatedAt   when the stored value was last written; null for computed values
 */
public record Observation(String indicator, String indicatorName, long unitId, String unitCode, String unitName,
                          String period, String periodLabel, ObservationKind kind, BigDecimal value,
                          String measureUnit, boolean computed, OffsetDateTime updatedAt) {
}
