package cn.luoshi.enterprise.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.luoshi.enterprise.PerMuRun;
import cn.luoshi.enterprise.PerMuStanding;
import cn.luoshi.org.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The latest published run in a scope and one grouped count of its grades by park. */
@Repository
public class PerMuStandingQuery {

    private final JdbcClient jdbc;
    private final PerMuRepository repository;

    PerMuStandingQuery(JdbcClient jdbc, PerMuRepository repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    public Optional<PerMuStanding> latestPublished(DataScope scope) {
        Optional<Long> id = jdbc.sql("""
                        select run.id from per_mu_run run join org_unit u on u.id = run.region_id
                        where run.status = 'PUBLISHED' and\s""" + DataScope.unitFilter("run.region_id") + """

                        order by u.depth, run.year desc, run.published_at desc, run.id desc limit 1""")
                .param("scopePath", scope.pathPattern()).query(Long.class).optional();
        Optional<PerMuRun> run = id.flatMap(r -> repository.findVisibleRun(r, scope));
        if (run.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> grades = new LinkedHashMap<>();
        for (String g : List.of("A", "B", "C", "D", "-")) {
            grades.put(g, 0L);
        }
        List<PerMuStanding.Park> parks = new ArrayList<>();
        jdbc.sql("""
                        select grouping(r.park_id) as g, r.park_id, p.name, coalesce(r.grade, '-') as grade, count(*)
                        from per_mu_result r left join org_unit p on p.id = r.park_id
                        where r.run_id = ?
                        group by grouping sets ((r.park_id, p.name, coalesce(r.grade, '-')), (coalesce(r.grade, '-')))
                        order by p.name, r.park_id""")
                .param(run.get().id())
                .query(rs -> {
                    String grade = rs.getString("grade");
                    long n = rs.getLong(5);
                    if (rs.getInt("g") == 1) {
                        grades.put(grade, n);
                        return;
                    }
                    long parkId = rs.getLong("park_id");
                    if (rs.wasNull() || "-".equals(grade)) {
                        return; // outside parks, or not rated: in the totals only
                    }
                    PerMuStanding.Park last = parks.isEmpty() ? null : parks.getLast();
                    if (last == null || last.parkId() != parkId) {
                        last = new PerMuStanding.Park(parkId, rs.getString("name"), 0, 0, 0, 0);
                        parks.add(last);
                    }
                    parks.set(parks.size() - 1, new PerMuStanding.Park(parkId, last.parkName(),
                            last.a() + ("A".equals(grade) ? n : 0), last.b() + ("B".equals(grade) ? n : 0),
                            last.c() + ("C".equals(grade) ? n : 0), last.d() + ("D".equals(grade) ? n : 0)));
                });
        return Optional.of(new PerMuStanding(run.get(), grades, parks));
    }
}
