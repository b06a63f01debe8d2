package cn.luoshi.project.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import cn.luoshi.common.db.Rows;
import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.DataScope;
import cn.luoshi.project.Milestone;
import cn.luoshi.project.NewProject;
import cn.luoshi.project.Project;
import cn.luoshi.project.ProjectCategory;
import cn.luoshi.project.ProjectFilter;
import cn.luoshi.project.ProjectPlan;
import cn.luoshi.project.ProjectProblem;
import cn.luoshi.project.ProjectStage;
import cn.luoshi.project.ProjectYear;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;

/** Plain SQL over the project tables; the data scope is part of every query that answers a user. */
@Repository
public class ProjectRepository {

    /**
     * A project is visible to the users whose scope covers its lead unit, the region it is built in or its park,
     * and to the account of its enterprise.
     */
    static final String VISIBLE = "(p.enterprise_credit_code = :creditCode or " + DataScope.unitFilter("p.lead_unit_id")
            + " or " + DataScope.unitFilter("p.location_unit_id") + " or " + DataScope.unitFilter("p.park_id") + ")";

    static final String WITHIN_UNIT = "(p.lead_unit_id in (select wu.id from org_unit wu where wu.path like :unitPath)"
            + " or p.location_unit_id in (select wu.id from org_unit wu where wu.path like :unitPath)"
            + " or p.park_id in (select wu.id from org_unit wu where wu.path like :unitPath))";

    private static final String SELECT = """
            select p.id, p.code, p.name, p.category, p.programme, p.enterprise_id, p.enterprise_credit_code,
                   p.park_id, pk.name as park_name, p.lead_unit_id, lu.name as lead_name, p.location_unit_id,
                   lo.name as location_name, p.leader_in_charge, p.location, p.total_investment, p.start_year,
                   p.end_year, p.stage, p.light, p.light_date, p.completion_rate, p.time_progress,
                   p.source_meeting_id, p.source_key, p.version
            from project p
            join org_unit lu on lu.id = p.lead_unit_id
            left join org_unit pk on pk.id = p.park_id
            left join org_unit lo on lo.id = p.location_unit_id
            """;

    private final JdbcClient jdbc;

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Project map(ResultSet rs, int row) throws SQLException {
        return new Project(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                ProjectCategory.valueOf(rs.getString("category")), rs.getString("programme"),
                rs.getObject("enterprise_id", Long.class), rs.getString("enterprise_credit_code"),
                rs.getObject("park_id", Long.class), rs.getString("park_name"), rs.getLong("lead_unit_id"),
                rs.getString("lead_name"), rs.getObject("location_unit_id", Long.class),
                rs.getString("location_name"), rs.getString("leader_in_charge"), rs.getString("location"),
                rs.getBigDecimal("total_investment"), rs.getInt("start_year"), rs.getInt("end_year"),
                ProjectStage.valueOf(rs.getString("stage")), StatusLight.valueOf(rs.getString("light")),
                rs.getObject("light_date", LocalDate.class), rs.getBigDecimal("completion_rate"),
                rs.getBigDecimal("time_progress"), rs.getObject("source_meeting_id", Long.class),
                rs.getString("source_key"), rs.getInt("version"));
    }

    public Optional<Project> find(long id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query(ProjectRepository::map).optional();
    }

    public Optional<Project> findVisible(long id, DataScope scope) {
        return jdbc.sql(SELECT + " where p.id = :id and " + VISIBLE).param("id", id)
                .param("creditCode", scope.creditCode()).param("scopePath", scope.pathPattern())
                .query(ProjectRepository::map).optional();
    }

    /** The programmes of the visible projects, for the list's filter. */
    public List<String> programmes(DataScope scope) {
        return jdbc.sql("select distinct p.programme from project p where p.programme is not null and " + VISIBLE
                        + " order by 1")
                .param("creditCode", scope.creditCode()).param("scopePath", scope.pathPattern())
                .query(String.class).list();
    }

    public Optional<Project> findByCode(String code) {
        return jdbc.sql(SELECT + " where p.code = ?").param(code).query(ProjectRepository::map).optional();
    }

    public Optional<Project> findBySource(long meetingId, String key) {
        return jdbc.sql(SELECT + " where p.source_meeting_id = ? and p.source_key = ?").params(meetingId, key)
                .query(ProjectRepository::map).optional();
    }

    /** A where clause with its parameters, shared by list, count, summary and export. */
    public record Where(String sql, Map<String, Object> params) {
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            for (var p : params.entrySet()) {
                spec = spec.param(p.getKey(), p.getValue());
            }
            return spec;
        }
    }

    public static Where where(DataScope scope, ProjectFilter f, String unitPath) {
        StringBuilder sql = new StringBuilder(VISIBLE);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("creditCode", scope.creditCode());
        params.put("scopePath", scope.pathPattern());
        if (StringUtils.hasText(f.q())) {
            sql.append(" and (p.name ilike :q or p.code ilike :q)");
            params.put("q", "%" + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.category() != null) {
            sql.append(" and p.category = :category");
            params.put("category", f.category().name());
        }
        if (StringUtils.hasText(f.programme())) {
            sql.append(" and p.programme = :programme");
            params.put("programme", f.programme().strip());
        }
        if (f.parkId() != null) {
            sql.append(" and p.park_id = :park");
            params.put("park", f.parkId());
        }
        if (unitPath != null) {
            sql.append(" and ").append(WITHIN_UNIT);
            params.put("unitPath", unitPath + "%");
        }
        if (f.stage() != null) {
            sql.append(" and p.stage = :stage");
            params.put("stage", f.stage().name());
        }
        if (f.light() != null) {
            sql.append(" and p.light = :light");
            params.put("light", f.light().name());
        }
        if (f.plan() != null && f.planYear() != null) {
            sql.append(" and ").append(planCondition(f.plan()));
            params.put("planYear", f.planYear());
        }
        return new Where(sql.toString(), params);
    }

    /** The list filter {@code plan=} and the cockpit's counts of planned starts and completions, over {@code p}. */
    public static String planCondition(ProjectPlan plan) {
        return switch (plan) {
            case STARTS -> "p.start_year = :planYear";
            case STARTED -> "(p.start_year = :planYear and p.stage <> 'PREPARATION')";
            case ENDS -> "p.end_year = :planYear";
            case ENDED -> "(p.end_year = :planYear and p.stage in ('COMPLETED', 'OPERATING'))";
        };
    }

    public List<Project> list(Where where, Paging paging) {
        // Red first, then by code: the list reads like the office's weekly sheet.
        return where.bind(jdbc.sql(SELECT + " where " + where.sql()
                        + " order by case p.light when 'RED' then 0 when 'YELLOW' then 1 when 'BLUE' then 2 else 3 end,"
                        + " p.code limit :limit offset :offset"))
                .param("limit", paging.size()).param("offset", paging.offset())
                .query(ProjectRepository::map).list();
    }

    public long count(Where where) {
        return where.bind(jdbc.sql("select count(*) from project p where " + where.sql())).query(Long.class)
                .single();
    }

    /** Streams the projects of a filter with their year's plan and completion, for the Excel export. */
    public void export(Where where, int year, Consumer<Object[]> row) {
        where.bind(jdbc.sql(SELECT.replace("from project p", ", py.planned as year_planned, "
                        + "py.completed as year_completed from project p")
                        .replace("left join org_unit lo on lo.id = p.location_unit_id",
                                "left join org_unit lo on lo.id = p.location_unit_id "
                                        + "left join project_year py on py.project_id = p.id and py.year = :year")
                        + " where " + where.sql() + " order by p.code"))
                .param("year", year)
                .query(rs -> {
                    Project p = map(rs, 0);
                    row.accept(new Object[] {p, rs.getBigDecimal("year_planned"), rs.getBigDecimal("year_completed")});
                });
    }

    public long insert(String code, NewProject p, Long enterpriseId, String creditCode, String actor) {
        return jdbc.sql("""
                        insert into project (code, name, category, programme, enterprise_id, enterprise_credit_code,
                            park_id, lead_unit_id, location_unit_id, leader_in_charge, location, total_investment,
                            start_year, end_year, stage, source_meeting_id, source_key, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(code, p.name().strip(), p.category().name(), blankToNull(p.programme()), enterpriseId,
                        creditCode, p.parkId(), p.leadUnitId(), p.locationUnitId(), blankToNull(p.leaderInCharge()),
                        blankToNull(p.location()), p.totalInvestment(), p.startYear(), p.endYear(),
                        (p.stage() == null ? ProjectStage.PREPARATION : p.stage()).name(),
                        p.source() == null ? null : p.source().meetingId(),
                        p.source() == null ? null : p.source().key(), actor)
                .query(Long.class).single();
    }

    public boolean update(long id, String code, NewProject p, Long enterpriseId, String creditCode, int version) {
        return jdbc.sql("""
                        update project set code = ?, name = ?, category = ?, programme = ?, enterprise_id = ?,
                            enterprise_credit_code = ?, park_id = ?, lead_unit_id = ?, location_unit_id = ?,
                            leader_in_charge = ?, location = ?, total_investment = ?, start_year = ?, end_year = ?,
                            stage = ?, version = version + 1, updated_at = now()
                        where id = ? and version = ?""")
                .params(code, p.name().strip(), p.category().name(), blankToNull(p.programme()), enterpriseId,
                        creditCode, p.parkId(), p.leadUnitId(), p.locationUnitId(), blankToNull(p.leaderInCharge()),
                        blankToNull(p.location()), p.totalInvestment(), p.startYear(), p.endYear(),
                        (p.stage() == null ? ProjectStage.PREPARATION : p.stage()).name(), id, version)
                .update() == 1;
    }

    public void setStage(long id, ProjectStage stage) {
        jdbc.sql("update project set stage = ?, version = version + 1, updated_at = now() where id = ?")
                .params(stage.name(), id).update();
    }

    public void touch(long id) {
        jdbc.sql("update project set version = version + 1, updated_at = now() where id = ?").param(id).update();
    }

    public long nextCodeNumber() {
        return jdbc.sql("select coalesce(max(id), 0) + 1 from project").query(Long.class).single();
    }

    // ---- plans and progress

    public List<ProjectYear> years(long projectId) {
        return jdbc.sql("select year, planned, completed from project_year where project_id = ? order by year")
                .param(projectId)
                .query((rs, n) -> new ProjectYear(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).list();
    }

    /** Month rows of one year: [month, planned, completed, physical progress, reported at, reported by]. */
    public List<Object[]> months(long projectId, int year) {
        return jdbc.sql("""
                        select month, planned, completed, physical_progress, reported_at, reported_by
                        from project_month where project_id = ? and year = ? order by month""")
                .params(projectId, year)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getString(4), Rows.time(rs, 5), rs.getString(6)})
                .list();
    }

    public void savePlan(long projectId, int year, BigDecimal planned, List<BigDecimal> months) {
        jdbc.sql("""
                        insert into project_year (project_id, year, planned) values (?, ?, ?)
                        on conflict (project_id, year) do update set planned = excluded.planned""")
                .params(projectId, year, planned).update();
        for (int m = 1; m <= 12; m++) {
            BigDecimal value = months == null || months.size() < m ? null : months.get(m - 1);
            jdbc.sql("""
                            insert into project_month (project_id, year, month, planned) values (?, ?, ?, ?)
                            on conflict (project_id, year, month) do update set planned = excluded.planned""")
                    .params(projectId, year, m, value).update();
        }
        // Month rows left with neither plan nor report carry nothing.
        jdbc.sql("""
                        delete from project_month where project_id = ? and year = ? and planned is null
                          and completed is null and physical_progress is null""")
                .params(projectId, year).update();
    }

    public BigDecimal completedBefore(long projectId, int year, int month) {
        return jdbc.sql("""
                        select coalesce(sum(completed), 0) from project_month
                        where project_id = ? and year = ? and month < ?""")
                .params(projectId, year, month).query(BigDecimal.class).single();
    }

    public void saveProgress(long projectId, int year, int month, BigDecimal completed, String physicalProgress,
                             String actor, OffsetDateTime now) {
        jdbc.sql("""
                        insert into project_month (project_id, year, month, completed, physical_progress,
                                                   reported_at, reported_by)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (project_id, year, month) do update set completed = excluded.completed,
                            physical_progress = excluded.physical_progress, reported_at = excluded.reported_at,
                            reported_by = excluded.reported_by""")
                .params(projectId, year, month, completed, physicalProgress, now, actor).update();
        syncYear(projectId, year);
    }

    /** Keeps the year's completed total equal to the sum of its months. */
    public void syncYear(long projectId, int year) {
        jdbc.sql("""
                        insert into project_year (project_id, year, planned, completed)
                        select ?, ?, 0, coalesce(sum(completed), 0) from project_month where project_id = ? and year = ?
                        on conflict (project_id, year) do update set completed = excluded.completed""")
                .params(projectId, year, projectId, year).update();
    }

    // ---- milestones

    static Milestone mapMilestone(ResultSet rs, int row) throws SQLException {
        return new Milestone(rs.getLong("id"), rs.getLong("project_id"), rs.getString("name"),
                rs.getObject("planned_date", LocalDate.class), rs.getObject("reached_date", LocalDate.class),
                rs.getInt("sort_order"));
    }

    public List<Milestone> milestones(long projectId) {
        return jdbc.sql("""
                        select id, project_id, name, planned_date, reached_date, sort_order from project_milestone
                        where project_id = ? order by planned_date, sort_order, id""")
                .param(projectId).query(ProjectRepository::mapMilestone).list();
    }

    public Optional<Milestone> milestone(long id) {
        return jdbc.sql("""
                        select id, project_id, name, planned_date, reached_date, sort_order from project_milestone
                        where id = ?""")
                .param(id).query(ProjectRepository::mapMilestone).optional();
    }

    public long insertMilestone(long projectId, String name, LocalDate planned, LocalDate reached, int sortOrder) {
        return jdbc.sql("""
                        insert into project_milestone (project_id, name, planned_date, reached_date, sort_order)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(projectId, name, planned, reached, sortOrder).query(Long.class).single();
    }

    public void updateMilestone(long id, String name, LocalDate planned, LocalDate reached) {
        jdbc.sql("update project_milestone set name = ?, planned_date = ?, reached_date = ? where id = ?")
                .params(name, planned, reached, id).update();
    }

    public void deleteMilestone(long id) {
        jdbc.sql("delete from project_milestone where id = ?").param(id).update();
    }

    // ---- photos

    public void insertPhoto(long projectId, int year, int month, long fileId, OffsetDateTime now) {
        jdbc.sql("insert into project_photo (project_id, year, month, file_id, created_at) values (?, ?, ?, ?, ?)")
                .params(projectId, year, month, fileId, now).update();
    }

    /** Photo file ids by month of a year. */
    public Map<Integer, List<Long>> photos(long projectId, int year) {
        Map<Integer, List<Long>> byMonth = new LinkedHashMap<>();
        jdbc.sql("select month, file_id from project_photo where project_id = ? and year = ? order by month, id")
                .params(projectId, year)
                .query(rs -> {
                    byMonth.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return byMonth;
    }

    public Optional<Long> projectOfPhoto(long fileId) {
        return jdbc.sql("select project_id from project_photo where file_id = ? limit 1").param(fileId)
                .query(Long.class).optional();
    }

    // ---- problems

    static ProjectProblem mapProblem(ResultSet rs, int row) throws SQLException {
        return new ProjectProblem(rs.getLong("id"), rs.getLong("project_id"), rs.getString("text"),
                ProjectProblem.Status.valueOf(rs.getString("status")), rs.getString("raised_by"),
                Rows.time(rs, "raised_at"), rs.getObject("task_id", Long.class),
                rs.getObject("appeal_id", Long.class), rs.getString("resolution_note"),
                Rows.time(rs, "resolved_at"), rs.getInt("version"));
    }

    public List<ProjectProblem> problems(long projectId) {
        return jdbc.sql("select * from project_problem where project_id = ? order by raised_at desc, id desc")
                .param(projectId).query(ProjectRepository::mapProblem).list();
    }

    public Optional<ProjectProblem> problem(long id) {
        return jdbc.sql("select * from project_problem where id = ?").param(id)
                .query(ProjectRepository::mapProblem).optional();
    }

    public Optional<ProjectProblem> problemOfAppeal(long appealId) {
        return jdbc.sql("select * from project_problem where appeal_id = ? order by id limit 1").param(appealId)
                .query(ProjectRepository::mapProblem).optional();
    }

    public long insertProblem(long projectId, String text, String actor, OffsetDateTime now) {
        return jdbc.sql("""
                        insert into project_problem (project_id, text, status, raised_by, raised_at)
                        values (?, ?, 'OPEN', ?, ?) returning id""")
                .params(projectId, text, actor, now).query(Long.class).single();
    }

    public void linkTask(long problemId, long taskId) {
        jdbc.sql("update project_problem set task_id = ?, version = version + 1 where id = ?")
                .params(taskId, problemId).update();
    }

    public void linkAppeal(long problemId, long appealId) {
        jdbc.sql("update project_problem set appeal_id = ?, version = version + 1 where id = ?")
                .params(appealId, problemId).update();
    }

    public boolean resolve(long problemId, String note, OffsetDateTime now) {
        return jdbc.sql("""
                        update project_problem set status = 'RESOLVED', resolution_note = ?, resolved_at = ?,
                            version = version + 1
                        where id = ? and status = 'OPEN'""")
                .params(note, now, problemId).update() == 1;
    }

    private static String blankToNull(String s) {
        return StringUtils.hasText(s) ? s.strip() : null;
    }

    static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }
}
