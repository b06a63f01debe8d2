package cn.luoshi.project;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.luoshi.common.progress.StatusLight;

/**
 * The portfolio in one view (万元): how many projects, their total investment, the year's plan against what was
 * completed, broken down by category, stage and light, and month by month.
 *
 * @param completionRate completed this year ÷ the year's plan
 * @param plannedToDate  the plan through the last full month (the portfolio's 序时 target)
 */
public record ProjectSummary(int year, long projects, BigDecimal totalInvestment, BigDecimal planned,
                             BigDecimal completed, BigDecimal plannedToDate, BigDecimal completionRate,
                             Map<StatusLight, Long> lights, List<Group> byCategory, List<Group> byStage,
                             List<Month> months) {

    /** One slice of the portfolio. */
    public record Group(String key, long projects, BigDecimal totalInvestment, BigDecimal planned,
                        BigDecimal completed) {
    }

    /** One month of the portfolio: planned and completed in the month and cumulated. */
    public record Month(int month, BigDecimal planned, BigDecimal completed, BigDecimal plannedToDate,
                        BigDecimal completedToDate) {
    }
}
