package cn.luoshi.cockpit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The whole cockpit as of a month's end ({@code GET /api/v1/cockpit?asOf=YYYY-MM}). Every number that counts
 * records is a {@link Count}: the figure with the link of the list page that shows exactly those records (same
 * filter), so the page, the API and the lists agree. Tasks, project lights and open appeals are as they stand
 * today (nothing keeps a task's light as of a past day); indicators, targets, investment and appeal rates are as
 * of the month.
 *
 * @param asOf       the month, {@code 2026-06}
 * @param monthEnd   its last day
 * @param latest     the latest complete month (the default), by the clock
 * @param takenAt    when these figures were read: a picture is shown to every reader of the same scope for a minute
 * @param region     whose picture it is: the reader's scope
 * @param perMu      null when no per-mu evaluation was published in the scope
 */
public record CockpitView(String asOf, String asOfLabel, LocalDate monthEnd, String latest, LocalDate today,
                          OffsetDateTime takenAt, Region region, TaskPanel tasks, IndicatorPanel indicators, ProjectPanel projects,
                          AppealPanel appeals, PerMuPanel perMu) {

    /** A count and the list behind it. */
    public record Count(long value, String link) {
    }

    /**
     * @param statisticsUnitId the region whose statistics are shown: the scope's root, or the nearest region above
     *                         it for a department
     */
    public record Region(Long id, String name, Long statisticsUnitId, String statisticsUnitName) {
    }

    // ---- key tasks

    /**
     * @param byStatus   tasks per status
     * @param openByLight the issued, unfinished tasks per light today
     * @param supervised under 督办
     * @param urgent     the red and 督办 tasks, nearest deadline first (ten at most)
     * @param race       completion by unit (赛马): the region's units, best rate first
     */
    public record TaskPanel(LocalDate day, Count total, Map<String, Count> byStatus, Map<String, Count> openByLight,
                        Count supervised, List<UrgentTask> urgent, List<UnitCompletion> race,
                        Instructions instructions) {
    }

    public record UrgentTask(long id, String title, String status, String light, boolean supervised,
                             LocalDate dueDate, long overdueDays, String leadUnit, String link) {
    }

    public record UnitCompletion(long unitId, String unit, Count tasks, Count completed, Double rate) {
    }

    /** The month's instructions (批示): all of them and those the lead unit has answered with a report since. */
    public record Instructions(Count total, Count answered, List<Instruction> items) {
    }

    public record Instruction(long taskId, String task, String leadUnit, String leader, OffsetDateTime at,
                              String text, boolean answered, OffsetDateTime answeredAt, String link) {
    }

    // ---- main economic indicators

    /**
     * @param area    where the ranks are counted: 全省 for a city
     * @param setLink the page that chooses the indicators (for those who may)
     */
    public record IndicatorPanel(String period, String periodLabel, String area, List<IndicatorLine> lines,
                             String setSource, String setLink) {
    }

    /**
     * One indicator of the month: its headline value (累计 for flows), the official growth (同比), the target's
     * attainment against time-progress, and the growth rank among the region's siblings with its change since the
     * last earlier month that had a rank. A growth computed from nominal values is only shown apart, labelled
     * 按现价计算, and never ranked.
     *
     * @param rankChange   positive when the rank improved (第五 → 第三 is +2), null without both ranks
     * @param ranks        the rank of each month of the year up to the month (争先进位), null where none
     */
    public record IndicatorLine(String code, String name, String measureUnit, BigDecimal value, String valuePeriod,
                                String valueLink, BigDecimal growth, String growthPeriod,
                                BigDecimal currentPriceGrowth, String currentPriceLabel, TargetLine target,
                                Integer rank, int ranked, String rankPhrase, Integer previousRank,
                                String previousPeriod, Integer rankChange, String rankLink, List<Integer> ranks) {
    }

    /**
     * @param attainment   share of the year's milestone attained (0–1+); {@code timeProgress} the share of the year
     *                     passed by the data month
     */
    public record TargetLine(long id, String wording, Double attainment, Double timeProgress, String light,
                             String summary, String link) {
    }

    // ---- key projects

    /** By programme, investment in 万元 through {@code throughMonth}; counts as the project list shows them today. */
    public record ProjectPanel(int year, int throughMonth, Programme total, List<Programme> programmes,
                           List<RedProject> red) {
    }

    /**
     * @param starts  planned to start in the year; {@code started} of them have started
     * @param ends    planned to finish in the year; {@code ended} of them have finished
     * @param months  planned and completed investment per month, both cumulated
     */
    public record Programme(String programme, Count projects, Count red, Count starts, Count started, Count ends,
                            Count ended, BigDecimal planned, BigDecimal plannedToDate, BigDecimal completed,
                            Double rate, List<Month> months, String link) {
    }

    public record Month(int month, BigDecimal planned, BigDecimal completed, BigDecimal plannedToDate,
                        BigDecimal completedToDate) {
    }

    public record RedProject(long id, String code, String name, String programme, String leadUnit,
                             BigDecimal completionRate, String link) {
    }

    // ---- enterprise appeals

    /**
     * Appeals filed from January 1 to the month's end (the 三率 as the appeal statistics page computes them), the
     * top categories, and the appeals overdue today.
     */
    public record AppealPanel(LocalDate from, LocalDate to, Count received, Double responseRate, Double onTimeRate,
                          Double resolutionRate, Double satisfactionRate, long rated, List<Category> topCategories,
                          Count overdue, List<OverdueAppeal> overdueList) {
    }

    public record Category(String code, String name, Count received, Double onTimeRate) {
    }

    public record OverdueAppeal(long id, String code, String title, String enterprise, String unit, String status,
                                OffsetDateTime answerDueAt, String link) {
    }

    // ---- per-mu evaluation

    /** The latest published per-mu evaluation: enterprises per grade, and per grade by park. */
    public record PerMuPanel(long runId, int year, String region, OffsetDateTime publishedAt, int rated,
                        Map<String, Count> grades, List<ParkGrades> parks, String link) {
    }

    public record ParkGrades(long parkId, String park, Map<String, Count> grades) {
    }
}
