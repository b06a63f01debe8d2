package cn.luoshi.target;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import cn.luoshi.indicator.RankBy;

/**
 * A target (目标): indicator × org unit × year (or deadline year), with its comparator.
 *
 * @param wording      the target as a speech says it: "到2026年地区生产总值突破2300亿元"
 * @param acceptedGap  the gap to the sum of its decomposition its author accepted, if any
 */
public record Target(long id, String indicator, String indicatorName, String measureUnit, long unitId,
                     String unitName, int year, Integer baseYear, TargetComparator comparator, RankBy measure,
                     BigDecimal value, BigDecimal baseValue, ProgressProfile profile, Long parentId,
                     TargetStatus status, String title, String note, Long sourceMeetingId, String sourceKey,
                     BigDecimal acceptedGap, String wording, int children, int version, OffsetDateTime createdAt,
                     OffsetDateTime updatedAt) {

    /** Whether the year range of the target covers this year (single-year: its year; multi-year: after the base). */
    public boolean runsIn(int y) {
        int from = baseYear == null ? year : baseYear + 1;
        return y >= from && y <= year;
    }
}
