package cn.luoshi.cockpit;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import cn.luoshi.LuoshiApplication;
import cn.luoshi.appeal.AppealQuery;
import cn.luoshi.appeal.AppealStatistics;
import cn.luoshi.appeal.Appeals;
import cn.luoshi.common.progress.LightThresholds;
import cn.luoshi.common.web.Paging;
import cn.luoshi.indicator.Indicator;
import cn.luoshi.indicator.Indicators;
import cn.luoshi.indicator.Period;
import cn.luoshi.indicator.RankHistory;
import cn.luoshi.org.ApiTokens;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.NewUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnitKind;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.org.UserAccounts;
import cn.luoshi.project.ProjectOverview;
import cn.luoshi.task.TaskOverview;
import cn.luoshi.task.internal.LightSchedule;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Load driver for the leader cockpit (not a unit test; excluded from {@code verify}). Starts Luoshi on a fresh
 * embedded database in {@code target/bench-cockpit}, builds a province at the scale of DESIGN.md beside the demo
 * one — 基准省 with 16 cities, 150 counties and 3,000 departments; 400 indicators over 120 months (about 8 million
 * observations); 100,000 tasks with 1.2 million progress reports and as many timeline events; 30,000 projects with
 * their year plans and 360,000 month rows; 500,000 appeals — then times {@code GET /api/v1/cockpit} warm over HTTP
 * for the province's leader and for one city's, p50/p95 of 60 calls each, and the panels and their main queries
 * alone in the service and straight in SQL.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx2g -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.luoshi.cockpit.CockpitBenchmark
 * </pre>
 */
public final class CockpitBenchmark {

    private static final Path DATA = Path.of("target", "bench-cockpit");
    private static final String PASSWORD = "Bench2026pass";
    private static final int TASKS = 100_000;
    private static final int PROJECTS = 30_000;
    private static final int APPEALS = 500_000;
    private static final int INDICATORS = 400;
    private static final int MONTHS = 120;
    private static final int ROUNDS = 60;

    private ConfigurableApplicationContext context;
    private JdbcTemplate jdbc;
    private OrgUnit province;
    private final List<OrgUnit> cities = new ArrayList<>();
    private final List<OrgUnit> regions = new ArrayList<>();
    private final List<Long> departments = new ArrayList<>();
    private final List<Long> parks = new ArrayList<>();

    public static void main(String[] args) {
        int status = 0;
        try {
            new CockpitBenchmark().run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        // the embedded database stops with the JVM, also after a failure
        System.exit(status);
    }

    /**
     * Builds the province of DESIGN.md's scale into a running application's database (the load soak uses it);
     * returns the province.
     */
    static OrgUnit buildProvinceInto(ConfigurableApplicationContext app) throws Exception {
        CockpitBenchmark bench = new CockpitBenchmark();
        bench.context = app;
        bench.jdbc = app.getBean(JdbcTemplate.class);
        bench.generate();
        return bench.province;
    }

    private void generate() throws Exception {
        long started = System.nanoTime();
        buildProvince();
        indicators();
        tasks();
        projects();
        appeals();
        jdbc.execute("vacuum analyze");
        note(String.format(Locale.ROOT, "Data generated in %.0f s: %,d org units, %,d observations, %,d tasks, "
                        + "%,d reports, %,d task events, %,d projects, %,d appeals", (System.nanoTime() - started) / 1e9,
                count("org_unit"), count("observation"), count("task"), count("task_report"), count("task_event"),
                count("project"), count("appeal")));
    }

    private void run() throws Exception {
        deleteTree(DATA);
        context = new SpringApplicationBuilder(LuoshiApplication.class)
                .run("--luoshi.data-dir=" + DATA.toAbsolutePath(), "--luoshi.admin-password=" + PASSWORD,
                        "--luoshi.demo=true", "--server.port=0", "--logging.level.root=WARN",
                        "--logging.level.cn.luoshi=WARN", "--spring.main.banner-mode=off");
        jdbc = context.getBean(JdbcTemplate.class);
        note("Machine: " + Runtime.getRuntime().availableProcessors() + " cores; embedded PostgreSQL, default settings");
        generate();

        UserAccounts accounts = context.getBean(UserAccounts.class);
        accounts.createSystem(new NewUser("bench-province", "基准省 领导", PASSWORD, province.id(), null,
                Set.of(Role.LEADER), null, null));
        accounts.createSystem(new NewUser("bench-city", "基准1市 领导", PASSWORD, cities.getFirst().id(), null,
                Set.of(Role.LEADER), null, null));
        UserDetailsService users = context.getBean(UserDetailsService.class);
        LuoshiUser provinceLeader = (LuoshiUser) users.loadUserByUsername("bench-province");
        LuoshiUser cityLeader = (LuoshiUser) users.loadUserByUsername("bench-city");
        ApiTokens tokens = context.getBean(ApiTokens.class);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpClient http = HttpClient.newHttpClient();
        for (LuoshiUser leader : List.of(provinceLeader, cityLeader)) {
            String token = tokens.issue(leader, "benchmark", 1).token();
            String body = get(http, port, token);
            for (int i = 0; i < 10; i++) {
                get(http, port, token);
            }
            long[] nanos = new long[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                long t = System.nanoTime();
                get(http, port, token);
                nanos[i] = System.nanoTime() - t;
            }
            note(String.format(Locale.ROOT, "GET /api/v1/cockpit as %s (%,d bytes): %s", leader.getUsername(),
                    body.length(), percentiles(nanos)));
        }
        panels(provinceLeader);
        panels(cityLeader);
        sql(provinceLeader);
        sql(cityLeader);
        Files.write(DATA.resolve("results.txt"), results);
        context.close();
    }

    // ---- the province

    private void buildProvince() {
        OrgUnits units = context.getBean(OrgUnits.class);
        province = units.createSystem(null, "980000", "基准省", OrgUnitKind.REGION, 9);
        regions.add(province);
        for (int c = 1; c <= 16; c++) {
            OrgUnit city = units.createSystem(province.id(), String.format("98%02d00", c), "基准" + c + "市",
                    OrgUnitKind.REGION, c);
            cities.add(city);
            regions.add(city);
            parks.add(department(city, "基准" + c + "市工业园", "PARK"));
            for (int k = 1; k <= (c <= 6 ? 10 : 9); k++) {
                regions.add(units.createSystem(city.id(), String.format("98%02d%02d", c, k),
                        "基准" + c + "市" + k + "县", OrgUnitKind.REGION, k));
            }
        }
        for (int i = 0; departments.size() < 3_000; i++) {
            OrgUnit parent = regions.get(i % regions.size());
            departments.add(department(parent, parent.name() + "部门" + (i / regions.size() + 1), "DEPARTMENT"));
        }
        note("Province: 1 province, 16 cities, " + (regions.size() - 17) + " counties, " + departments.size()
                + " departments, " + parks.size() + " parks");
    }

    private long department(OrgUnit parent, String name, String kind) {
        long id = jdbc.queryForObject("select nextval(pg_get_serial_sequence('org_unit', 'id'))", Long.class);
        jdbc.update("insert into org_unit (id, parent_id, name, kind, path, depth, sort_order) values (?, ?, ?, ?, ?, ?, 50)",
                id, parent.id(), name, kind, parent.path() + id + "/", parent.depth() + 1);
        return id;
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    // ---- 400 indicators, 120 months of 1-N月累计 for every region, official growth for the cockpit's six

    private void indicators() throws Exception {
        Indicators catalogue = context.getBean(Indicators.class);
        int existing = catalogue.all().size();
        for (int i = existing + 1; i <= INDICATORS; i++) {
            jdbc.update("""
                    insert into indicator (code, name_zh, name_en, measure_unit, frequency, nature, higher_is_better,
                                           additive, decimals, category, sort_order)
                    values (?, ?, ?, '亿元', 'MONTHLY', 'FLOW', true, true, 2, 'ECONOMY', ?)""",
                    String.format("BENCH_%03d", i), "基准指标" + i, "Benchmark indicator " + i, 5000 + i);
        }
        List<Integer> ids = jdbc.queryForList("select id from indicator where formula is null order by id",
                Integer.class);
        Set<Integer> withGrowth = Set.copyOf(jdbc.queryForList("""
                select id from indicator where code in ('GDP', 'INDUSTRY_VA', 'FAI', 'RETAIL', 'FISCAL_GENERAL',
                                                        'FOREIGN_TRADE')""", Integer.class));
        YearMonth last = YearMonth.now().minusMonths(1);
        List<Period> months = new ArrayList<>();
        for (int m = MONTHS - 1; m >= 0; m--) {
            YearMonth ym = last.minusMonths(m);
            months.add(Period.month(ym.getYear(), ym.getMonthValue()));
        }
        long started = System.nanoTime();
        try (Connection connection = context.getBean(DataSource.class).getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder chunk = new StringBuilder(32 << 20);
            for (int id : ids) {
                for (OrgUnit unit : regions) {
                    double base = 100 + ((unit.id() * 131 + id * 17) & 0x7ff);
                    for (Period p : months) {
                        append(chunk, id, p, "YTD", unit.id(), base * p.endMonth() / 12);
                        if (withGrowth.contains(id)) {
                            append(chunk, id, p, "GROWTH", unit.id(), 3 + ((unit.id() * 7 + id + p.ord()) % 60) / 10.0);
                        }
                    }
                }
                if (chunk.length() > 24 << 20) {
                    copy.copyIn(COPY, new StringReader(chunk.toString()));
                    chunk.setLength(0);
                }
            }
            copy.copyIn(COPY, new StringReader(chunk.toString()));
        }
        note(String.format(Locale.ROOT, "Observations: %d indicators x %d months x %d regions loaded in %.0f s",
                ids.size(), MONTHS, regions.size(), (System.nanoTime() - started) / 1e9));
    }

    private static final String COPY = "copy observation (indicator_id, period, kind, unit_id, period_type, period_ord,"
            + " value, updated_at) from stdin";

    private static void append(StringBuilder out, int indicator, Period period, String kind, long unit, double value) {
        out.append(indicator).append('\t').append(period.code()).append('\t').append(kind).append('\t').append(unit)
                .append('\t').append(period.type().letter()).append('\t').append(period.ord()).append('\t')
                .append(String.format(Locale.ROOT, "%.2f", value)).append("\t2026-01-01 00:00:00+08\n");
    }

    // ---- tasks: led by the province's departments and regions, half with co-units, 12 reports each

    /** The year by the application's clock, which the generated data is built around. */
    private int thisYear() {
        return LocalDate.now(context.getBean(Clock.class)).getYear();
    }

    private void tasks() throws Exception {
        List<Long> leads = new ArrayList<>(departments);
        regions.forEach(r -> leads.add(r.id()));
        Random random = new Random(42);
        LocalDate today = LocalDate.now(context.getBean(Clock.class));
        String[] statuses = {"DRAFT", "ASSIGNED", "ACCEPTED", "IN_PROGRESS", "COMPLETION_REQUESTED", "COMPLETED",
                "CANCELLED"};
        int[] weights = {3, 7, 10, 50, 5, 22, 3};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            long lead = leads.get(random.nextInt(leads.size()));
            int w = random.nextInt(100);
            int s = 0;
            while (w >= weights[s]) {
                w -= weights[s++];
            }
            String status = statuses[s];
            LocalDate start = today.minusDays(random.nextInt(300));
            LocalDate due = start.plusDays(30 + random.nextInt(370));
            int progress = status.equals("COMPLETED") ? 100 : s <= 1 ? 0 : random.nextInt(101);
            LightSchedule schedule = s >= 5 ? LightSchedule.ALWAYS_GREEN
                    : LightSchedule.of(progress / 100.0, start, due, LightThresholds.DEFAULT);
            Long[] co = random.nextBoolean() ? new Long[0] : new Long[] {leads.get(random.nextInt(leads.size()))};
            if (co.length == 1 && co[0] == lead) {
                co = new Long[0];
            }
            rows.add(new Object[] {"基准任务第" + (i + 1) + "项：推进重点工作落实", lead, start, due,
                    "{" + String.join(",", Arrays.stream(co).map(String::valueOf).toList()) + "}", status,
                    BigDecimal.valueOf(progress), schedule.blueFrom(), schedule.yellowFrom(), schedule.redFrom(),
                    s >= 1 && s <= 3 && random.nextInt(10) == 0 ? 2 : 0, today.plusDays(random.nextInt(30))});
        }
        jdbc.batchUpdate("""
                insert into task (title, lead_unit_id, start_date, due_date, report_cycle, priority, tags, co_unit_ids,
                                  source_kind, status, progress, reported_progress, blue_from, yellow_from, red_from,
                                  escalation_level, next_report_due, created_by, created_at, updated_at)
                values (?, ?, ?, ?, 'MONTHLY', 'NORMAL', '{bench}', cast(? as bigint[]), 'MANUAL', ?, ?, 0, ?, ?, ?, ?,
                        ?, 'bench', now(), now())""", rows);
        jdbc.update("insert into task_unit (task_id, unit_id, role) select id, lead_unit_id, 'LEAD' from task"
                + " where tags @> '{bench}'");
        jdbc.update("insert into task_unit (task_id, unit_id, role) select id, unnest(co_unit_ids), 'CO' from task"
                + " where tags @> '{bench}' on conflict do nothing");
        jdbc.update("""
                insert into task_report (task_id, unit_id, percent, text, status, reporter_name, reported_at)
                select t.id, t.lead_unit_id, least(100, g * 8), '第 ' || g || ' 期进展：按计划推进。', 'APPROVED', '基准',
                       now() - ((13 - g) * 15 || ' days')::interval
                from task t cross join generate_series(1, 12) g where t.tags @> '{bench}'""");
        jdbc.update("""
                insert into task_event (task_id, kind, occurred_at, actor_name, report_id)
                select r.task_id, 'PROGRESS_REPORTED', r.reported_at, '基准', r.id
                from task_report r join task t on t.id = r.task_id where t.tags @> '{bench}'""");
        // last month's instructions: one task in fifty
        jdbc.update("""
                insert into task_event (task_id, kind, occurred_at, actor_name, comment)
                select t.id, 'INSTRUCTION', date_trunc('month', now()) - interval '1 month'
                                            + (t.id % 27) * interval '1 day' + interval '10 hours', '基准省 领导',
                       '请加快推进'
                from task t where t.tags @> '{bench}' and t.id % 50 = 0""");
    }

    // ---- projects: three programmes and none, plans for the year spread over the months, the past months done

    private void projects() {
        int year = thisYear();
        int through = YearMonth.now().minusMonths(1).getMonthValue();
        String leads = "{" + String.join(",", departments.stream().map(String::valueOf).toList()) + "}";
        String parkIds = "{" + String.join(",", parks.stream().map(String::valueOf).toList()) + "}";
        jdbc.update("""
                insert into project (code, name, category, programme, lead_unit_id, park_id, total_investment,
                                     start_year, end_year, stage)
                select 'BM-' || lpad(g::text, 6, '0'), '基准项目' || g,
                       (array['TECH_RENOVATION', 'INFRASTRUCTURE', 'INDUSTRY', 'LIVELIHOOD', 'INVESTMENT_PROMOTION'])[1 + g % 5],
                       (array['122', '十大工程', '民生实事', null])[1 + g % 4],
                       (cast(? as bigint[]))[1 + g % ?], case when g % 3 = 0 then (cast(? as bigint[]))[1 + g % 16] end,
                       1000 + (g * 7919) % 90000, ? - 1 + g % 2, ? + g % 3,
                       (array['PREPARATION', 'STARTED', 'CONSTRUCTION', 'CONSTRUCTION', 'COMPLETED'])[1 + g % 5]
                from generate_series(1, ?) g""", leads, departments.size(), parkIds, year, year, PROJECTS);
        jdbc.update("""
                insert into project_month (project_id, year, month, planned, completed)
                select p.id, ?, m, round(p.total_investment / 24, 2),
                       case when m <= ? then round(p.total_investment / 24 * (0.4 + (p.id % 7) / 10.0), 2) end
                from project p cross join generate_series(1, 12) m where p.code like 'BM-%'""", year, through);
        jdbc.update("""
                insert into project_year (project_id, year, planned, completed)
                select pm.project_id, pm.year, sum(pm.planned), coalesce(sum(pm.completed), 0)
                from project_month pm join project p on p.id = pm.project_id
                where pm.year = ? and p.code like 'BM-%' group by pm.project_id, pm.year""", year);
        context.getBean(cn.luoshi.project.internal.ProjectLights.class).refreshStale();
    }

    // ---- appeals: three years of them across the province's units, dispatched by each city's first department

    private void appeals() {
        String units = "{" + String.join(",", departments.stream().map(String::valueOf).toList()) + "}";
        jdbc.update("""
                insert into appeal (code, credit_code, enterprise_name, contact_name, contact_phone, category_id,
                    title, content, channel, status, dispatch_unit_id, responsible_unit_id, submitted_at,
                    dispatched_at, accept_due_at, accepted_at, answer_due_at, answered_at, answer, closed_at,
                    close_reason, rating, rated_at, follow_token_hash, created_by, updated_at)
                select 'BC' || lpad(g::text, 8, '0'), '91980100MA' || lpad((g % 5000)::text, 7, '0') || 'X',
                       '基准企业' || (g % 5000), '联系人', '13800000000', c.id, '基准诉求' || g, '基准诉求内容' || g,
                       'PUBLIC_FORM',
                       case when g % 20 = 0 then 'ACCEPTED' when g % 37 = 0 then 'ANSWERED'
                            when g % 41 = 0 then 'DISPATCHED' else 'CLOSED' end,
                       u.id, u.id, t.submitted, t.submitted + interval '1 hour', t.submitted + interval '3 hours',
                       case when g % 41 = 0 then null else t.submitted + (g % 5) * interval '50 minutes' end,
                       t.submitted + interval '10 days',
                       case when g % 20 = 0 or g % 41 = 0 then null else t.submitted + (g % 13) * interval '1 day' end,
                       case when g % 20 = 0 or g % 41 = 0 then null else '已办理' end,
                       case when g % 20 = 0 or g % 37 = 0 or g % 41 = 0 then null
                            else t.submitted + (g % 13 + 1) * interval '1 day' end,
                       case when g % 20 = 0 or g % 37 = 0 or g % 41 = 0 then null when g % 9 = 0 then 'NO_RATING'
                            else 'RATED' end,
                       case when g % 20 = 0 or g % 37 = 0 or g % 41 = 0 or g % 9 = 0 then null
                            when g % 17 = 0 then 'UNSATISFIED' when g % 5 = 0 then 'BASICALLY_SATISFIED'
                            else 'SATISFIED' end,
                       case when g % 20 = 0 or g % 37 = 0 or g % 41 = 0 or g % 9 = 0 then null
                            else t.submitted + (g % 13 + 1) * interval '1 day' end,
                       md5(g::text) || md5((g + 1)::text), 'bench', t.submitted
                from generate_series(1, ?) g
                cross join lateral (select now() - (g % 1095) * interval '1 day' - (g % 480) * interval '1 minute'
                                    as submitted) t
                join lateral (select id from appeal_category order by id offset (g % 8) limit 1) c on true
                cross join lateral (select (cast(? as bigint[]))[1 + g % 3000] as id) u""", APPEALS, units);
    }

    // ---- the panels in the service, and their main queries straight in SQL

    private void panels(LuoshiUser leader) {
        YearMonth month = YearMonth.now().minusMonths(1);
        OrgUnit root = context.getBean(OrgUnits.class).get(leader.scope().rootUnitId());
        List<Long> race = context.getBean(OrgUnits.class).children(root.id()).stream().map(OrgUnit::id).toList();
        Indicators indicators = context.getBean(Indicators.class);
        List<Indicator> six = List.of("GDP", "INDUSTRY_VA", "FAI", "RETAIL", "FISCAL_GENERAL", "FOREIGN_TRADE")
                .stream().map(indicators::get).toList();
        time(leader, "Cockpit.picture (the whole cockpit, no HTTP)",
                () -> context.getBean(Cockpit.class).picture(leader, null));
        time(leader, "tasks: TaskOverview.standing", () -> context.getBean(TaskOverview.class).standing(leader, race,
                month.atDay(1), month.atEndOfMonth()));
        time(leader, "indicators: RankHistory.growthRanks (6 indicators, 12 months)", () ->
                context.getBean(RankHistory.class).growthRanks(six, root.id(), month.getYear(), month.getMonthValue(),
                        leader));
        time(leader, "projects: ProjectOverview.standing", () -> context.getBean(ProjectOverview.class)
                .standing(leader, month.getYear(), month.getMonthValue()));
        time(leader, "appeals: AppealStatistics.stats (January to the month's end)", () -> context.getBean(
                AppealStatistics.class).stats(leader, null, null, month.atDay(1).withDayOfYear(1), month.atEndOfMonth()));
        time(leader, "appeals: overdue list (first 10 and count)", () -> context.getBean(Appeals.class).list(
                new AppealQuery(null, null, null, true, null, null, null, null, null, null), leader, new Paging(0, 10)));
    }

    private void sql(LuoshiUser leader) {
        String path = context.getBean(OrgUnits.class).get(leader.scope().rootUnitId()).path();
        String ids = "(select id from org_unit where path like '" + path + "%')";
        String scope = "(t.lead_unit_id in " + ids + " or t.co_unit_ids && array" + ids + ")";
        time(leader, "SQL: tasks by status and light", () -> jdbc.queryForList("select t.status, case when"
                + " t.red_from <= current_date then 0 when t.yellow_from <= current_date then 1 when t.blue_from"
                + " <= current_date then 2 else 3 end, count(*) from task t where " + scope + " group by 1, 2"));
        time(leader, "SQL: completion by unit", () -> jdbc.queryForList("""
                with hits as (select distinct r.id as race_id, t.id, t.status from org_unit r
                              join org_unit m on m.path like r.path || '%'
                              join task_unit tu on tu.unit_id = m.id join task t on t.id = tu.task_id
                              where r.parent_id = ? and t.status not in ('DRAFT', 'CANCELLED'))
                select race_id, count(*), count(*) filter (where status = 'COMPLETED') from hits group by 1""",
                leader.scope().rootUnitId()));
        time(leader, "SQL: projects by programme", () -> jdbc.queryForList("select p.programme, count(*),"
                + " sum(py.planned) from project p left join project_year py on py.project_id = p.id and py.year = "
                + thisYear() + " where p.lead_unit_id in " + ids + " or p.park_id in " + ids
                + " group by grouping sets ((p.programme), ())"));
        time(leader, "SQL: project months by programme", () -> jdbc.queryForList("select p.programme, pm.month,"
                + " sum(pm.planned), sum(pm.completed) from project_month pm join project p on p.id = pm.project_id"
                + " where pm.year = " + thisYear() + " and (p.lead_unit_id in " + ids
                + " or p.park_id in " + ids + ") group by grouping sets ((p.programme, pm.month), (pm.month))"));
        time(leader, "SQL: appeals of the year, all groups (live count over the appeal table)", () -> jdbc.queryForList(
                "select count(*), count(*) filter (where a.accepted_at <= a.accept_due_at),"
                        + " count(*) filter (where a.answered_at <= a.answer_due_at) from appeal a"
                        + " where a.submitted_at >= date_trunc('year', now()) and (a.dispatch_unit_id in " + ids
                        + " or a.responsible_unit_id in " + ids + ")"));
    }

    private final List<String> results = new ArrayList<>();

    private void time(LuoshiUser who, String what, Supplier<?> call) {
        for (int i = 0; i < 5; i++) {
            call.get();
        }
        long[] nanos = new long[30];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - t;
        }
        note(String.format(Locale.ROOT, "%-14s %-70s %s", who.getUsername(), what, percentiles(nanos)));
    }

    private static String get(HttpClient http, int port, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/cockpit")).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, max %.1f ms", sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private void note(String line) {
        System.out.println("[benchmark] " + line);
        results.add(line);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
