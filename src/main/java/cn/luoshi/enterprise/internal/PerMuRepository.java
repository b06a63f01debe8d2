package cn.luoshi.enterprise.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.luoshi.common.db.Rows;
import cn.luoshi.common.web.Paging;
import cn.luoshi.enterprise.PerMuGrading;
import cn.luoshi.enterprise.PerMuIndicator;
import cn.luoshi.enterprise.PerMuInputs;
import cn.luoshi.enterprise.PerMuLine;
import cn.luoshi.enterprise.PerMuObjection;
import cn.luoshi.enterprise.PerMuResult;
import cn.luoshi.enterprise.PerMuRule;
import cn.luoshi.enterprise.PerMuRuleDraft;
import cn.luoshi.enterprise.PerMuRun;
import cn.luoshi.enterprise.PerMuScore;
import cn.luoshi.org.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;

/** Rules, runs, results and objections of the per-mu evaluation. */
@Repository
public class PerMuRepository {

    /**
     * A run is visible to users whose scope covers its region, and once published to an enterprise account that was
     * evaluated in it.
     */
    static final String RUN_VISIBLE = "(" + DataScope.unitFilter("run.region_id")
            + " or (run.status = 'PUBLISHED' and exists (select 1 from per_mu_result vx where vx.run_id = run.id"
            + " and vx.credit_code = :creditCode)))";

    private static final String RUN_SELECT = """
            select run.id, run.rule_id, rule.version as rule_version, rule.name as rule_name, run.region_id,
                   u.name as region_name, run.year, run.status, run.enterprise_count, run.rated_count,
                   run.grade_a_min, run.grade_b_min, run.grade_c_min, run.computed_ms, run.created_at,
                   run.created_by, run.published_at, run.published_by, run.version
            from per_mu_run run
            join per_mu_rule rule on rule.id = run.rule_id
            join org_unit u on u.id = run.region_id
            """;

    private final JdbcClient jdbc;

    PerMuRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- rules

    public long insertRule(PerMuRuleDraft d, String actor, OffsetDateTime now) {
        // Versions of one region and year are numbered in order; the unique key settles two concurrent writers.
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from per_mu_rule where region_id = ? and year = ?")
                .params(d.regionId(), d.year()).query(Integer.class).single();
        long id = jdbc.sql("""
                        insert into per_mu_rule (region_id, year, version, name, grading, cut_a, cut_b, cut_c,
                                                 created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(d.regionId(), d.year(), version, d.name().strip(), d.grading().name(), d.cutA(), d.cutB(),
                        d.cutC(), now, actor)
                .query(Long.class).single();
        int position = 0;
        for (PerMuRule.Weighting w : d.indicators()) {
            jdbc.sql("""
                            insert into per_mu_rule_indicator (rule_id, position, indicator, weight, benchmark, cap)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(id, position++, w.indicator().name(), w.weight(), w.benchmark(), w.cap()).update();
        }
        return id;
    }

    public Optional<PerMuRule> findRule(long id) {
        return rules("where r.id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** Rules usable within the scope: those of a unit in scope, and those of the regions above the scope's root. */
    public List<PerMuRule> visibleRules(DataScope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("scopePath", scope.pathPattern());
        params.put("rootPath", scope.rootPath() == null ? "" : scope.rootPath());
        return rules("where " + DataScope.unitFilter("r.region_id")
                + " or :rootPath like (select ru.path from org_unit ru where ru.id = r.region_id) || '%'", params);
    }

    private List<PerMuRule> rules(String where, Map<String, Object> params) {
        var spec = jdbc.sql("""
                select r.id, r.region_id, u.name as region_name, r.year, r.version, r.name, r.grading, r.cut_a,
                       r.cut_b, r.cut_c, r.created_at, r.created_by
                from per_mu_rule r join org_unit u on u.id = r.region_id
                """ + where + " order by r.year desc, u.path, r.version desc");
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        List<Object[]> heads = spec.query((rs, n) -> new Object[] {rs.getLong("id"), rs.getLong("region_id"),
                rs.getString("region_name"), rs.getInt("year"), rs.getInt("version"), rs.getString("name"),
                PerMuGrading.valueOf(rs.getString("grading")), rs.getBigDecimal("cut_a"), rs.getBigDecimal("cut_b"),
                rs.getBigDecimal("cut_c"), Rows.time(rs, "created_at"), rs.getString("created_by")}).list();
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PerMuRule.Weighting>> weightings = new LinkedHashMap<>();
        jdbc.sql("""
                        select rule_id, indicator, weight, benchmark, cap from per_mu_rule_indicator
                        where rule_id in (:ids) order by rule_id, position""")
                .param("ids", heads.stream().map(h -> (Long) h[0]).toList())
                .query(rs -> {
                    weightings.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new PerMuRule.Weighting(PerMuIndicator.valueOf(rs.getString(2)),
                                    rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)));
                });
        return heads.stream().map(h -> new PerMuRule((Long) h[0], (Long) h[1], (String) h[2], (Integer) h[3],
                (Integer) h[4], (String) h[5], (PerMuGrading) h[6], (BigDecimal) h[7], (BigDecimal) h[8],
                (BigDecimal) h[9], List.copyOf(weightings.getOrDefault((Long) h[0], List.of())),
                (OffsetDateTime) h[10], (String) h[11])).toList();
    }

    // ---- runs

    static PerMuRun mapRun(ResultSet rs, int row) throws SQLException {
        return new PerMuRun(rs.getLong("id"), rs.getLong("rule_id"), rs.getInt("rule_version"),
                rs.getString("rule_name"), rs.getLong("region_id"), rs.getString("region_name"), rs.getInt("year"),
                PerMuRun.Status.valueOf(rs.getString("status")), rs.getInt("enterprise_count"),
                rs.getInt("rated_count"), rs.getBigDecimal("grade_a_min"), rs.getBigDecimal("grade_b_min"),
                rs.getBigDecimal("grade_c_min"), rs.getObject("computed_ms", Long.class),
                Rows.time(rs, "created_at"), rs.getString("created_by"), Rows.time(rs, "published_at"),
                rs.getString("published_by"), rs.getInt("version"));
    }

    public long insertRun(long ruleId, long regionId, int year, String actor, OffsetDateTime now) {
        return jdbc.sql("""
                        insert into per_mu_run (rule_id, region_id, year, status, created_at, created_by)
                        values (?, ?, ?, 'DRAFT', ?, ?) returning id""")
                .params(ruleId, regionId, year, now, actor).query(Long.class).single();
    }

    public Optional<PerMuRun> findRun(long id) {
        return jdbc.sql(RUN_SELECT + " where run.id = ?").param(id).query(PerMuRepository::mapRun).optional();
    }

    public Optional<PerMuRun> findVisibleRun(long id, DataScope scope) {
        return jdbc.sql(RUN_SELECT + " where run.id = :id and " + RUN_VISIBLE).param("id", id)
                .param("scopePath", scope.pathPattern()).param("creditCode", scope.creditCode())
                .query(PerMuRepository::mapRun).optional();
    }

    public List<PerMuRun> visibleRuns(DataScope scope, Integer year, Paging paging) {
        return jdbc.sql(RUN_SELECT + " where " + RUN_VISIBLE + " and (cast(:year as int) is null or run.year = :year)"
                        + " order by run.year desc, run.id desc limit :limit offset :offset")
                .param("scopePath", scope.pathPattern()).param("creditCode", scope.creditCode())
                .param("year", year).param("limit", paging.size()).param("offset", paging.offset())
                .query(PerMuRepository::mapRun).list();
    }

    public long countVisibleRuns(DataScope scope, Integer year) {
        return jdbc.sql("select count(*) from per_mu_run run where " + RUN_VISIBLE
                        + " and (cast(:year as int) is null or run.year = :year)")
                .param("scopePath", scope.pathPattern()).param("creditCode", scope.creditCode())
                .param("year", year).query(Long.class).single();
    }

    public void deleteResults(long runId) {
        jdbc.sql("delete from per_mu_result where run_id = ?").param(runId).update();
    }

    public void deleteRun(long runId) {
        jdbc.sql("delete from per_mu_run where id = ? and status = 'DRAFT'").param(runId).update();
    }

    /** Stores on the run its counts and the lowest score that reached each grade. */
    public void summarise(long runId) {
        jdbc.sql("""
                        update per_mu_run run set
                            enterprise_count = s.total, rated_count = s.rated,
                            grade_a_min = s.a_min, grade_b_min = s.b_min, grade_c_min = s.c_min
                        from (select count(*) as total, count(score) as rated,
                                     min(score) filter (where grade = 'A') as a_min,
                                     min(score) filter (where grade = 'B') as b_min,
                                     min(score) filter (where grade = 'C') as c_min
                              from per_mu_result where run_id = :run) s
                        where run.id = :run""")
                .param("run", runId).update();
    }

    public void finishRun(long runId, long computedMs) {
        jdbc.sql("update per_mu_run set computed_ms = ?, version = version + 1 where id = ?")
                .params(computedMs, runId).update();
    }

    public boolean publish(long runId, int version, String actor, OffsetDateTime now) {
        return jdbc.sql("""
                        update per_mu_run set status = 'PUBLISHED', published_at = ?, published_by = ?,
                            version = version + 1
                        where id = ? and version = ? and status = 'DRAFT'""")
                .params(now, actor, runId, version).update() == 1;
    }

    public Map<String, Long> gradeDistribution(long runId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String g : List.of("A", "B", "C", "D")) {
            counts.put(g, 0L);
        }
        jdbc.sql("""
                        select coalesce(grade, '-'), count(*) from per_mu_result where run_id = ?
                        group by 1 order by 1""")
                .param(runId).query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Grades per park, for the run page: park name → counts A, B, C, D. */
    public Map<String, long[]> gradesByPark(long runId) {
        Map<String, long[]> byPark = new LinkedHashMap<>();
        jdbc.sql("""
                        select coalesce(p.name, '—'), count(*) filter (where r.grade = 'A'),
                               count(*) filter (where r.grade = 'B'), count(*) filter (where r.grade = 'C'),
                               count(*) filter (where r.grade = 'D')
                        from per_mu_result r left join org_unit p on p.id = r.park_id
                        where r.run_id = ? group by 1 order by 1""")
                .param(runId).query(rs -> {
                    byPark.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5)});
                });
        return byPark;
    }

    // ---- results

    private static final String RESULT_SELECT = """
            select r.run_id, r.enterprise_id, r.credit_code, r.name, r.park_id, p.name as park_name, r.land_mu,
                   r.revenue, r.tax, r.value_added, r.energy_tce, r.rd_spending, r.employees, r.emissions_t,
                   r.raw_values, r.normalised, r.contributions, r.score, r.grade, r.rank_in_region, r.rank_in_park,
                   r.not_rated, o.id as objection_id, o.score as rescored_score, o.grade as rescored_grade
            from per_mu_result r
            left join org_unit p on p.id = r.park_id
            left join lateral (select x.id, x.score, x.grade from per_mu_objection x
                               where x.run_id = r.run_id and x.enterprise_id = r.enterprise_id
                                 and x.status = 'RESCORED' order by x.decided_at desc, x.id desc limit 1) o on true
            """;

    /**
     * Results of a run, best first, with filters.
     *
     * @param creditCode when set (an enterprise account), only that enterprise's row
     */
    public List<PerMuResult> results(long runId, PerMuRule rule, String creditCode, Long parkId, String grade,
                                     String q, Paging paging) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = resultFilter(runId, creditCode, parkId, grade, q, params);
        var spec = jdbc.sql(RESULT_SELECT + where
                + " order by r.score desc nulls last, r.name, r.enterprise_id limit :limit offset :offset");
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, n) -> mapResult(rs, rule)).list();
    }

    public long countResults(long runId, String creditCode, Long parkId, String grade, String q) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = resultFilter(runId, creditCode, parkId, grade, q, params);
        var spec = jdbc.sql("select count(*) from per_mu_result r" + where);
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query(Long.class).single();
    }

    public Optional<PerMuResult> result(long runId, long enterpriseId, PerMuRule rule) {
        return jdbc.sql(RESULT_SELECT + " where r.run_id = ? and r.enterprise_id = ?").params(runId, enterpriseId)
                .query((rs, n) -> mapResult(rs, rule)).optional();
    }

    /** One enterprise's results in the runs the scope may see, newest first: (run, result) values for its page. */
    public List<Object[]> resultsOf(long enterpriseId, DataScope scope) {
        return jdbc.sql("""
                        select run.id, run.year, u.name, r.score, r.grade, r.rank_in_region, r.rank_in_park,
                               run.rated_count, run.status
                        from per_mu_result r join per_mu_run run on run.id = r.run_id
                        join org_unit u on u.id = run.region_id
                        where r.enterprise_id = :enterprise and """ + RUN_VISIBLE
                        + " order by run.year desc, run.id desc limit 20")
                .param("enterprise", enterpriseId).param("scopePath", scope.pathPattern())
                .param("creditCode", scope.creditCode())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getObject(6, Integer.class), rs.getObject(7, Integer.class),
                        rs.getInt(8), rs.getString(9)})
                .list();
    }

    private static String resultFilter(long runId, String creditCode, Long parkId, String grade, String q,
                                       Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where r.run_id = :run");
        params.put("run", runId);
        if (creditCode != null) {
            where.append(" and r.credit_code = :creditCode");
            params.put("creditCode", creditCode);
        }
        if (parkId != null) {
            where.append(" and r.park_id = :park");
            params.put("park", parkId);
        }
        if (StringUtils.hasText(grade)) {
            if ("-".equals(grade)) {
                where.append(" and r.grade is null");
            } else {
                where.append(" and r.grade = :grade");
                params.put("grade", grade);
            }
        }
        if (StringUtils.hasText(q)) {
            where.append(" and (r.name like :q or r.credit_code = :code)");
            params.put("q", "%" + q.strip() + "%");
            params.put("code", q.strip().toUpperCase(java.util.Locale.ROOT));
        }
        return where.toString();
    }

    private static PerMuResult mapResult(ResultSet rs, PerMuRule rule) throws SQLException {
        PerMuInputs inputs = new PerMuInputs(rs.getBigDecimal("land_mu"), rs.getBigDecimal("revenue"),
                rs.getBigDecimal("tax"), rs.getBigDecimal("value_added"), rs.getBigDecimal("energy_tce"),
                rs.getBigDecimal("rd_spending"), rs.getObject("employees", Integer.class),
                rs.getBigDecimal("emissions_t"));
        return new PerMuResult(rs.getLong("run_id"), rs.getLong("enterprise_id"), rs.getString("credit_code"),
                rs.getString("name"), rs.getObject("park_id", Long.class), rs.getString("park_name"), inputs,
                rs.getBigDecimal("score"), rs.getString("grade"), rs.getObject("rank_in_region", Integer.class),
                rs.getObject("rank_in_park", Integer.class), rs.getString("not_rated"),
                explanation(rule, rs.getArray("raw_values"), rs.getArray("normalised"), rs.getArray("contributions")),
                rs.getObject("objection_id", Long.class), rs.getBigDecimal("rescored_score"),
                rs.getString("rescored_grade"));
    }

    /** Rebuilds the explanation lines from the stored arrays and the (immutable) rule version. */
    static List<PerMuLine> explanation(PerMuRule rule, Array raw, Array normalised, Array contributions)
            throws SQLException {
        if (raw == null) {
            return List.of();
        }
        Double[] r = doubles(raw);
        Double[] n = doubles(normalised);
        Double[] c = doubles(contributions);
        List<PerMuLine> lines = new ArrayList<>();
        for (int i = 0; i < rule.indicators().size() && i < r.length; i++) {
            PerMuRule.Weighting w = rule.indicators().get(i);
            lines.add(new PerMuLine(w.indicator(), r[i], w.benchmark().doubleValue(), n[i] == null ? 0 : n[i],
                    w.weight().doubleValue(), w.cap().doubleValue(), c[i] == null ? 0 : c[i]));
        }
        return lines;
    }

    private static Double[] doubles(Array array) throws SQLException {
        Object values = array.getArray();
        if (values instanceof Double[] boxed) {
            return boxed;
        }
        double[] primitive = (double[]) values;
        Double[] boxed = new Double[primitive.length];
        for (int i = 0; i < primitive.length; i++) {
            boxed[i] = primitive[i];
        }
        return boxed;
    }

    // ---- objections

    private static final String OBJECTION_SELECT = """
            select o.*, e.name as enterprise_name from per_mu_objection o join enterprise e on e.id = o.enterprise_id
            """;

    public long insertObjection(long runId, long enterpriseId, String reason, PerMuInputs suggested, String actor,
                                OffsetDateTime now) {
        PerMuInputs s = suggested == null ? new PerMuInputs(null, null, null, null, null, null, null, null)
                : suggested;
        return jdbc.sql("""
                        insert into per_mu_objection (run_id, enterprise_id, reason, status, filed_by, filed_at,
                            land_mu, revenue, tax, value_added, energy_tce, rd_spending, employees, emissions_t)
                        values (?, ?, ?, 'FILED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(runId, enterpriseId, reason, actor, now, s.landMu(), s.revenue(), s.tax(), s.valueAdded(),
                        s.energyTce(), s.rdSpending(), s.employees(), s.emissionsT())
                .query(Long.class).single();
    }

    public boolean hasOpenObjection(long runId, long enterpriseId) {
        return jdbc.sql("select count(*) from per_mu_objection where run_id = ? and enterprise_id = ? and status = 'FILED'")
                .params(runId, enterpriseId).query(Long.class).single() > 0;
    }

    public Optional<PerMuObjection> findObjection(long id, PerMuRule rule) {
        return jdbc.sql(OBJECTION_SELECT + " where o.id = ?").param(id).query((rs, n) -> mapObjection(rs, rule))
                .optional();
    }

    public Optional<Long> runOfObjection(long id) {
        return jdbc.sql("select run_id from per_mu_objection where id = ?").param(id).query(Long.class).optional();
    }

    public List<PerMuObjection> objections(long runId, PerMuRule rule, String creditCode) {
        return jdbc.sql(OBJECTION_SELECT + " where o.run_id = :run"
                        + (creditCode == null ? "" : " and e.credit_code = :creditCode")
                        + " order by o.filed_at desc, o.id desc limit 500")
                .param("run", runId).param("creditCode", creditCode == null ? "" : creditCode)
                .query((rs, n) -> mapObjection(rs, rule)).list();
    }

    public boolean decide(long id, int version, PerMuObjection.Status status, PerMuInputs inputs, PerMuScore score,
                          String grade, String note, String actor, OffsetDateTime now) {
        PerMuInputs s = inputs == null ? new PerMuInputs(null, null, null, null, null, null, null, null) : inputs;
        boolean rescored = score != null && score.rated();
        return jdbc.sql("""
                        update per_mu_objection set status = ?, land_mu = coalesce(?, land_mu),
                            revenue = coalesce(?, revenue), tax = coalesce(?, tax),
                            value_added = coalesce(?, value_added), energy_tce = coalesce(?, energy_tce),
                            rd_spending = coalesce(?, rd_spending), employees = coalesce(?, employees),
                            emissions_t = coalesce(?, emissions_t), raw_values = cast(? as float8[]),
                            normalised = cast(? as float8[]), contributions = cast(? as float8[]), score = ?, grade = ?, decided_by = ?, decided_at = ?, note = ?,
                            version = version + 1
                        where id = ? and version = ? and status = 'FILED'""")
                .params(status.name(), s.landMu(), s.revenue(), s.tax(), s.valueAdded(), s.energyTce(),
                        s.rdSpending(), s.employees(), s.emissionsT(),
                        rescored ? arrayLiteral(score.rawValues()) : null,
                        rescored ? arrayLiteral(score.normalised()) : null,
                        rescored ? arrayLiteral(score.contributions()) : null,
                        rescored ? BigDecimal.valueOf(score.total()) : null, grade, actor, now, note, id, version)
                .update() == 1;
    }

    /** A float8[] literal such as {1.5,NULL,0.25}. */
    static String arrayLiteral(Double[] values) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(values[i] == null ? "NULL" : Double.toString(values[i]));
        }
        return text.append('}').toString();
    }

    private static PerMuObjection mapObjection(ResultSet rs, PerMuRule rule) throws SQLException {
        PerMuInputs inputs = new PerMuInputs(rs.getBigDecimal("land_mu"), rs.getBigDecimal("revenue"),
                rs.getBigDecimal("tax"), rs.getBigDecimal("value_added"), rs.getBigDecimal("energy_tce"),
                rs.getBigDecimal("rd_spending"), rs.getObject("employees", Integer.class),
                rs.getBigDecimal("emissions_t"));
        return new PerMuObjection(rs.getLong("id"), rs.getLong("run_id"), rs.getLong("enterprise_id"),
                rs.getString("enterprise_name"), rs.getString("reason"),
                PerMuObjection.Status.valueOf(rs.getString("status")), rs.getString("filed_by"),
                Rows.time(rs, "filed_at"), inputs, rs.getBigDecimal("score"), rs.getString("grade"),
                explanation(rule, rs.getArray("raw_values"), rs.getArray("normalised"), rs.getArray("contributions")),
                rs.getString("decided_by"), Rows.time(rs, "decided_at"), rs.getString("note"), rs.getInt("version"));
    }
}
