package cn.luoshi.project;

import java.math.BigDecimal;
import java.util.List;

/**
 * The key projects of a reader's scope in one year as of a month's end, by programme ("122", 十大工程…): the year's
 * planned investment against what was completed through the month (万元), planned starts and completions against
 * those done, and the red projects. Each count is one the project list shows with the matching filter.
 *
 * @param throughMonth the last month whose completed investment counts
 * @param total        all projects of the scope (programme null)
 * @param programmes   the named programmes, largest plan first
 * @param red          red projects, at most ten (the list's order: by code)
 */
public record ProjectStanding(int year, int throughMonth, Programme total, List<Programme> programmes,
                              List<Project> red) {

    /**
     * @param starts  planned to start in the year ({@link ProjectPlan#STARTS}), {@code started} of them past 前期
     * @param ends    planned to finish in the year, {@code ended} of them finished
     * @param planned the year's planned investment; {@code completed} what was completed through the month
     * @param rate    completed ÷ planned, in percent with one decimal (null without a plan)
     * @param months  per month: planned and completed, and both cumulated (the completion stops at the month)
     */
    public record Programme(String programme, long projects, long red, long starts, long started, long ends,
                            long ended, BigDecimal planned, BigDecimal plannedToDate, BigDecimal completed,
                            Double rate, List<Month> months) {
    }

    public record Month(int month, BigDecimal planned, BigDecimal completed, BigDecimal plannedToDate,
                        BigDecimal completedToDate) {
    }
}
