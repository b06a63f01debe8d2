package cn.luoshi.project.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.luoshi.common.jobs.JobClaims;
import cn.luoshi.common.progress.LightRules;
import cn.luoshi.common.progress.LightThresholds;
import cn.luoshi.project.ProjectStage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each project's light current. The light is stored (with the date it was computed for) so that lists can
 * filter and count by light with an index; it is recomputed whenever the project, its plan, its progress or its
 * milestones change, at the start of every day, and — so that lists are right even when the clock has moved since
 * (a missed job, a test clock) — before any list or summary reads lights computed for another day.
 */
@Component
public class ProjectLights {

    static final int BATCH = 2_000;

    private final JdbcClient jdbc;
    private final LightRules lightRules;
    private final Clock clock;
    private final JobClaims claims;
    private final TransactionTemplate transactions;

    ProjectLights(JdbcClient jdbc, LightRules lightRules, Clock clock, JobClaims claims,
                  TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.lightRules = lightRules;
        this.clock = clock;
        this.claims = claims;
        this.transactions = transactions;
    }

    @Scheduled(cron = "${luoshi.projects.lights-cron:0 5 0 * * *}", zone = "${luoshi.zone:Asia/Shanghai}")
    void daily() {
        LocalDate today = LocalDate.now(clock);
        transactions.executeWithoutResult(status -> {
            if (claims.claim("project-lights", today.toString())) {
                refreshStale();
            }
        });
    }

    /** Recomputes every light not computed for today; cheap when all are current. */
    @Transactional
    public int refreshStale() {
        LocalDate today = LocalDate.now(clock);
        boolean any = jdbc.sql("""
                        select exists (select 1 from project
                                       where light_date is null or light_date < :today or light_date > :today)""")
                .param("today", today).query(Boolean.class).single();
        if (!any) {
            return 0;
        }
        // One bulk refresher at a time: a second one waits here and then finds nothing left to do.
        lockForBulkChange();
        List<Long> stale = jdbc.sql("""
                        select id from project where light_date is null or light_date < :today or light_date > :today
                        order by id""")
                .param("today", today).query(Long.class).list();
        return refresh(stale);
    }

    /**
     * Serialises changes that touch many projects (the bulk refresh, imports) for the rest of the transaction, so
     * two of them never lock the same rows in different orders.
     */
    public void lockForBulkChange() {
        jdbc.sql("select pg_advisory_xact_lock(7215400)").query().singleValue();
    }

    /** Serialises registrations of one speech item for the rest of the transaction. */
    public void lockSource(long meetingId, String key) {
        jdbc.sql("select pg_advisory_xact_lock(7215401, hashtext(:key))").param("key", meetingId + "/" + key)
                .query().singleValue();
    }

    /** Recomputes the lights of these projects. */
    @Transactional
    public int refresh(Collection<Long> projectIds) {
        LocalDate today = LocalDate.now(clock);
        List<Long> ids = List.copyOf(projectIds);
        Map<Long, LightThresholds> thresholds = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            refreshBatch(ids.subList(from, Math.min(ids.size(), from + BATCH)), today, thresholds);
        }
        return ids.size();
    }

    private void refreshBatch(List<Long> ids, LocalDate today, Map<Long, LightThresholds> thresholds) {
        int year = today.getYear();
        Map<Long, BigDecimal[]> monthPlans = new HashMap<>();
        jdbc.sql("""
                        select project_id, month, planned from project_month
                        where year = :year and project_id in (:ids) and planned is not null""")
                .param("year", year).param("ids", ids)
                .query(rs -> {
                    monthPlans.computeIfAbsent(rs.getLong(1), k -> new BigDecimal[12])[rs.getInt(2) - 1] =
                            rs.getBigDecimal(3);
                });
        List<Object[]> outcomes = new ArrayList<>(ids.size());
        jdbc.sql("""
                        select p.id, p.stage, p.end_year, p.lead_unit_id, py.planned, py.completed,
                               (select min(m.planned_date) from project_milestone m
                                where m.project_id = p.id and m.reached_date is null) as next_due
                        from project p left join project_year py on py.project_id = p.id and py.year = :year
                        where p.id in (:ids)""")
                .param("year", year).param("ids", ids)
                .query(rs -> {
                    long id = rs.getLong(1);
                    var inputs = new ProjectLightRule.Inputs(ProjectStage.valueOf(rs.getString(2)), rs.getInt(3),
                            rs.getBigDecimal(5), monthPlans.get(id), rs.getBigDecimal(6),
                            rs.getObject(7, LocalDate.class));
                    LightThresholds t = thresholds.computeIfAbsent(rs.getLong(4), lightRules::forUnit);
                    var outcome = ProjectLightRule.evaluate(inputs, today, t);
                    outcomes.add(new Object[] {id, outcome});
                });
        if (outcomes.isEmpty()) {
            return;
        }
        // One statement per batch: the new values travel as arrays and are joined back by id.
        jdbc.sql("""
                        update project p set light = v.light, light_date = :today, completion_rate = v.rate,
                                             time_progress = v.tp
                        from unnest(cast(:ids as bigint[]), cast(:lights as text[]), cast(:rates as numeric[]),
                                    cast(:tps as numeric[])) as v(id, light, rate, tp)
                        where p.id = v.id""")
                .param("today", today)
                .param("ids", literal(outcomes, o -> String.valueOf(o[0])))
                .param("lights", literal(outcomes, o -> ((ProjectLightRule.Outcome) o[1]).light().name()))
                .param("rates", literal(outcomes, o -> plain(((ProjectLightRule.Outcome) o[1]).completionRate())))
                .param("tps", literal(outcomes, o -> plain(((ProjectLightRule.Outcome) o[1]).timeProgress())))
                .update();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "NULL" : value.toPlainString();
    }

    private static String literal(List<Object[]> rows, java.util.function.Function<Object[], String> value) {
        return rows.stream().map(value).collect(Collectors.joining(",", "{", "}"));
    }
}
