package cn.luoshi.enterprise;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A yearly evaluation of all enterprises of a region under one rule version. A DRAFT may be recomputed or dropped; a
 * PUBLISHED run is frozen.
 *
 * @param gradeAMin the lowest score graded A in this run (likewise B and C): the boundaries a re-scored objection
 *                  is graded by
 */
public record PerMuRun(long id, long ruleId, int ruleVersion, String ruleName, long regionId, String regionName,
                       int year, Status status, int enterpriseCount, int ratedCount, BigDecimal gradeAMin,
                       BigDecimal gradeBMin, BigDecimal gradeCMin, Long computedMs, OffsetDateTime createdAt,
                       String createdBy, OffsetDateTime publishedAt, String publishedBy, int version) {

    public enum Status { DRAFT, PUBLISHED }

    public boolean published() {
        return status == Status.PUBLISHED;
    }
}
