package cn.luoshi.indicator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A value that was replaced by a correction or a later import, as kept in the history. */
public record ObservationChange(String indicator, long unitId, String period, ObservationKind kind,
                                BigDecimal oldValue, BigDecimal newValue, OffsetDateTime replacedAt, String replacedBy,
                                Long importId) {
}
