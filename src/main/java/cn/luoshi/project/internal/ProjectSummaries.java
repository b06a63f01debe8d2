package cn.luoshi.project.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.project.ProjectSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The portfolio summary: one aggregate query with grouping sets gives the totals and the breakdowns by category,
 * stage and light; a second sums the monthly plan and completion for the chart. Both filter in SQL by scope and by
 * the indexed columns, so a province's 30,000 projects are summed in the database.
 */
@Component
public class ProjectSummaries {

    private final JdbcClient jdbc;

    ProjectSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ProjectSummary summary(ProjectRepository.Where where, int year, int throughMonth) {
        long[] total = {0};
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        Map<StatusLight, Long> lights = new EnumMap<>(StatusLight.class);
        for (StatusLight light : StatusLight.values()) {
            lights.put(light, 0L);
        }
        List<ProjectSummary.Group> byCategory = new ArrayList<>();
        List<ProjectSummary.Group> byStage = new ArrayList<>();
        where.bind(jdbc.sql("""
                        select grouping(p.category) as gc, grouping(p.stage) as gs, grouping(p.light) as gl,
                               p.category, p.stage, p.light, count(*) as n,
                               coalesce(sum(p.total_investment), 0) as total_investment,
                               coalesce(sum(py.planned), 0) as planned, coalesce(sum(py.completed), 0) as completed
                        from project p
                        left join project_year py on py.project_id = p.id and py.year = :year
                        where """ + where.sql() + " group by grouping sets ((), (p.category), (p.stage), (p.light))"))
                .param("year", year)
                .query(rs -> {
                    boolean category = rs.getInt("gc") == 0;
                    boolean stage = rs.getInt("gs") == 0;
                    boolean light = rs.getInt("gl") == 0;
                    long n = rs.getLong("n");
                    if (category) {
                        byCategory.add(new ProjectSummary.Group(rs.getString("category"), n,
                                rs.getBigDecimal("total_investment"), rs.getBigDecimal("planned"),
                                rs.getBigDecimal("completed")));
                    } else if (stage) {
                        byStage.add(new ProjectSummary.Group(rs.getString("stage"), n,
                                rs.getBigDecimal("total_investment"), rs.getBigDecimal("planned"),
                                rs.getBigDecimal("completed")));
                    } else if (light) {
                        lights.put(StatusLight.valueOf(rs.getString("light")), n);
                    } else {
                        total[0] = n;
                        sums[0] = rs.getBigDecimal("total_investment");
                        sums[1] = rs.getBigDecimal("planned");
                        sums[2] = rs.getBigDecimal("completed");
                    }
                });
        BigDecimal[] monthPlanned = new BigDecimal[13];
        BigDecimal[] monthCompleted = new BigDecimal[13];
        where.bind(jdbc.sql("""
                        select pm.month, coalesce(sum(pm.planned), 0), coalesce(sum(pm.completed), 0)
                        from project_month pm join project p on p.id = pm.project_id
                        where pm.year = :year and """ + where.sql() + " group by pm.month"))
                .param("year", year)
                .query(rs -> {
                    monthPlanned[rs.getInt(1)] = rs.getBigDecimal(2);
                    monthCompleted[rs.getInt(1)] = rs.getBigDecimal(3);
                });
        List<ProjectSummary.Month> months = new ArrayList<>(12);
        BigDecimal plannedSum = BigDecimal.ZERO;
        BigDecimal completedSum = BigDecimal.ZERO;
        BigDecimal plannedToDate = BigDecimal.ZERO;
        for (int m = 1; m <= 12; m++) {
            BigDecimal planned = monthPlanned[m] == null ? BigDecimal.ZERO : monthPlanned[m];
            BigDecimal completed = monthCompleted[m] == null ? BigDecimal.ZERO : monthCompleted[m];
            plannedSum = plannedSum.add(planned);
            completedSum = completedSum.add(completed);
            if (m <= throughMonth) {
                plannedToDate = plannedSum;
            }
            // the cumulated completion stops at the month in progress instead of running flat to December
            boolean future = m > throughMonth + 1 && monthCompleted[m] == null;
            months.add(new ProjectSummary.Month(m, planned, completed, plannedSum, future ? null : completedSum));
        }
        BigDecimal rate = sums[1].signum() > 0 ? sums[2].divide(sums[1], 4, RoundingMode.HALF_UP) : null;
        return new ProjectSummary(year, total[0], sums[0], sums[1], sums[2], plannedToDate, rate, lights,
                byCategory, byStage, months);
    }
}
