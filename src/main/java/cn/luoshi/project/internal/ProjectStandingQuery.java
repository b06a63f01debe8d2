package cn.luoshi.project.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.DataScope;
import cn.luoshi.project.ProjectFilter;
import cn.luoshi.project.ProjectPlan;
import cn.luoshi.project.ProjectStanding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Two grouped queries over the scope's projects (the list's own where clause): counts and plans by programme with
 * the total, and the monthly plan and completion by programme with the total; the red ones are the list's first
 * page filtered by light.
 */
@Repository
public class ProjectStandingQuery {

    private static final String ALL = "\u0000all";

    private final JdbcClient jdbc;
    private final ProjectRepository repository;

    ProjectStandingQuery(JdbcClient jdbc, ProjectRepository repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    public ProjectStanding standing(DataScope scope, int year, int throughMonth) {
        ProjectRepository.Where where = ProjectRepository.where(scope, ProjectFilter.none(), null);
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> plans = new HashMap<>();
        where.bind(jdbc.sql("select grouping(p.programme) as g, p.programme, count(*),"
                        + " count(*) filter (where p.light = 'RED'),"
                        + " count(*) filter (where " + ProjectRepository.planCondition(ProjectPlan.STARTS) + "),"
                        + " count(*) filter (where " + ProjectRepository.planCondition(ProjectPlan.STARTED) + "),"
                        + " count(*) filter (where " + ProjectRepository.planCondition(ProjectPlan.ENDS) + "),"
                        + " count(*) filter (where " + ProjectRepository.planCondition(ProjectPlan.ENDED) + "),"
                        + " coalesce(sum(py.planned), 0)"
                        + " from project p left join project_year py on py.project_id = p.id and py.year = :planYear"
                        + " where " + where.sql() + " group by grouping sets ((p.programme), ())"))
                .param("planYear", year)
                .query(rs -> {
                    String key = rs.getInt("g") == 1 ? ALL : rs.getString("programme");
                    if (key == null) {
                        return; // projects under no programme count in the total only
                    }
                    counts.put(key, new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                            rs.getLong(7), rs.getLong(8)});
                    plans.put(key, rs.getBigDecimal(9));
                });
        Map<String, BigDecimal[][]> months = new HashMap<>();
        where.bind(jdbc.sql("""
                        select grouping(p.programme) as g, p.programme, pm.month, coalesce(sum(pm.planned), 0),
                               coalesce(sum(pm.completed), 0)
                        from project_month pm join project p on p.id = pm.project_id
                        where pm.year = :year and\s""" + where.sql()
                        + " group by grouping sets ((p.programme, pm.month), (pm.month))"))
                .param("year", year)
                .query(rs -> {
                    String key = rs.getInt("g") == 1 ? ALL : rs.getString("programme");
                    if (key == null) {
                        return;
                    }
                    BigDecimal[][] m = months.computeIfAbsent(key, k -> new BigDecimal[2][13]);
                    m[0][rs.getInt(3)] = rs.getBigDecimal(4);
                    m[1][rs.getInt(3)] = rs.getBigDecimal(5);
                });
        ProjectStanding.Programme total = programme(null, counts.getOrDefault(ALL, new long[6]),
                plans.getOrDefault(ALL, BigDecimal.ZERO), months.get(ALL), throughMonth);
        List<ProjectStanding.Programme> programmes = new ArrayList<>();
        for (var entry : counts.entrySet()) {
            if (!entry.getKey().equals(ALL)) {
                programmes.add(programme(entry.getKey(), entry.getValue(), plans.get(entry.getKey()),
                        months.get(entry.getKey()), throughMonth));
            }
        }
        programmes.sort(Comparator.comparing(ProjectStanding.Programme::planned).reversed()
                .thenComparing(ProjectStanding.Programme::programme));
        ProjectRepository.Where red = ProjectRepository.where(scope, new ProjectFilter(null, null, null, null, null,
                null, StatusLight.RED), null);
        return new ProjectStanding(year, throughMonth, total, programmes,
                total.red() == 0 ? List.of() : repository.list(red, new Paging(0, 10)));
    }

    private static ProjectStanding.Programme programme(String name, long[] c, BigDecimal planned,
                                                       BigDecimal[][] m, int throughMonth) {
        List<ProjectStanding.Month> months = new ArrayList<>(12);
        BigDecimal plannedSum = BigDecimal.ZERO;
        BigDecimal completedSum = BigDecimal.ZERO;
        BigDecimal plannedToDate = BigDecimal.ZERO;
        BigDecimal completedToDate = BigDecimal.ZERO;
        for (int month = 1; month <= 12; month++) {
            BigDecimal p = m == null || m[0][month] == null ? BigDecimal.ZERO : m[0][month];
            BigDecimal done = month > throughMonth || m == null || m[1][month] == null ? BigDecimal.ZERO
                    : m[1][month];
            plannedSum = plannedSum.add(p);
            completedSum = completedSum.add(done);
            if (month <= throughMonth) {
                plannedToDate = plannedSum;
                completedToDate = completedSum;
            }
            months.add(new ProjectStanding.Month(month, p, month > throughMonth ? null : done, plannedSum,
                    month > throughMonth ? null : completedSum));
        }
        Double rate = planned.signum() > 0 ? completedToDate.multiply(BigDecimal.valueOf(100))
                .divide(planned, 1, RoundingMode.HALF_UP).doubleValue() : null;
        return new ProjectStanding.Programme(name, c[0], c[1], c[2], c[3], c[4], c[5], planned, plannedToDate,
                completedToDate, rate, months);
    }
}
