package cn.luoshi.project;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One month of a project's year: the plan and what the report says was completed, each also cumulated from January
 * (1–m月累计). Missing values are null.
 */
public record ProjectMonth(int year, int month, BigDecimal planned, BigDecimal completed,
                           BigDecimal plannedToDate, BigDecimal completedToDate, String physicalProgress,
                           OffsetDateTime reportedAt, String reportedBy, List<Long> photoIds) {
}
