package cn.luoshi.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A monthly progress report: the investment completed in the month (or the year-to-date total, from which the
 * month is derived), the physical progress in words, milestones reached, and optionally a new stage.
 */
public record MonthlyProgress(Integer year, Integer month, BigDecimal completed, BigDecimal completedYtd,
                              String physicalProgress, List<Reached> milestonesReached, ProjectStage stage) {

    /** A milestone reached on a date. */
    public record Reached(Long milestoneId, LocalDate date) {
    }
}
