package cn.luoshi.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import cn.luoshi.LuoshiApplication;
import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.DataScope;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnitKind;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures the portfolio summary (and the light-filtered list) at province scale: 30,000 projects led by 3,000
 * departments across the province, each with a year plan and twelve month rows. Reports p50/p95 over repeated calls
 * for the whole province, one city and one category, and the time to recompute all lights (the daily job). Not a
 * unit test: run it as a main class.
 */
public final class ProjectSummaryBenchmark {

    private ProjectSummaryBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int projects = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path data = Path.of("target", "bench-projects");
        wipe(data);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LuoshiApplication.class)
                .run("--luoshi.data-dir=" + data, "--luoshi.demo=true", "--luoshi.admin-password=Bench2026pass",
                        "--server.port=0", "--logging.level.root=WARN", "--logging.level.cn.luoshi=INFO",
                        "--spring.main.banner-mode=off")) {
            OrgUnits units = context.getBean(OrgUnits.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            Projects service = context.getBean(Projects.class);
            cn.luoshi.project.internal.ProjectLights lights =
                    context.getBean(cn.luoshi.project.internal.ProjectLights.class);

            // 3,000 departments spread over the province's cities and districts
            List<OrgUnit> regions = units.visible(DataScope.everything(), false).stream()
                    .filter(u -> u.kind() == OrgUnitKind.REGION && u.depth() >= 1).toList();
            long started = System.nanoTime();
            for (int i = 0; i < 3_000; i++) {
                OrgUnit parent = regions.get(i % regions.size());
                long id = jdbc.sql("select nextval(pg_get_serial_sequence('org_unit', 'id'))").query(Long.class)
                        .single();
                jdbc.sql("""
                                insert into org_unit (id, parent_id, name, kind, path, depth, sort_order)
                                values (?, ?, ?, 'DEPARTMENT', ?, ?, 0)""")
                        .params(id, parent.id(), "压测部门" + i, parent.path() + id + "/", parent.depth() + 1).update();
            }
            List<Long> departments = jdbc.sql("select id from org_unit where name like '压测部门%' order by id")
                    .query(Long.class).list();
            String[] categories = {"TECH_RENOVATION", "INFRASTRUCTURE", "INDUSTRY", "LIVELIHOOD",
                    "INVESTMENT_PROMOTION"};
            String[] stages = {"PREPARATION", "STARTED", "CONSTRUCTION", "CONSTRUCTION", "COMPLETED"};
            jdbc.sql("""
                            insert into project (code, name, category, programme, lead_unit_id, location_unit_id,
                                                 total_investment, start_year, end_year, stage)
                            select 'BM-' || lpad(g::text, 6, '0'), '压测项目' || g, (cast(:categories as text[]))[1 + g % 5],
                                   case when g % 3 = 0 then '122' else null end,
                                   (cast(:departments as bigint[]))[1 + g % :d], null,
                                   1000 + (g * 7919) % 90000, 2025 + g % 2, 2026 + g % 3,
                                   (cast(:stages as text[]))[1 + g % 5]
                            from generate_series(1, :n) g""")
                    .param("categories", "{" + String.join(",", categories) + "}")
                    .param("stages", "{" + String.join(",", stages) + "}")
                    .param("departments", departments.toString().replace('[', '{').replace(']', '}'))
                    .param("d", departments.size()).param("n", projects).update();
            jdbc.sql("""
                            insert into project_month (project_id, year, month, planned, completed)
                            select p.id, 2026, m, round(p.total_investment / 24, 2),
                                   case when m < 7 then round(p.total_investment / 24 * (0.4 + random()::numeric), 2) end
                            from project p cross join generate_series(1, 12) m where p.code like 'BM-%'""").update();
            jdbc.sql("""
                            insert into project_year (project_id, year, planned, completed)
                            select project_id, year, sum(planned), coalesce(sum(completed), 0) from project_month
                            where year = 2026 group by project_id, year
                            on conflict (project_id, year) do update set planned = excluded.planned,
                                completed = excluded.completed""").update();
            jdbc.sql("""
                            insert into project_milestone (project_id, name, planned_date, reached_date)
                            select p.id, '节点' || k, date '2026-01-01' + (k * 60 + p.id % 30)::int,
                                   case when k < 3 and p.id % 7 <> 0 then date '2026-01-01' + (k * 60)::int end
                            from project p cross join generate_series(1, 5) k where p.code like 'BM-%'""").update();
            jdbc.sql("analyze").update();
            System.out.printf("generated %,d projects (%,d month rows, %,d milestones) in %.1f s%n", projects,
                    projects * 12, projects * 5, (System.nanoTime() - started) / 1e9);

            long refresh = System.nanoTime();
            int refreshed = lights.refreshStale();
            System.out.printf("lights of %,d projects computed in %.2f s%n", refreshed,
                    (System.nanoTime() - refresh) / 1e9);

            LuoshiUser province = user(DataScope.everything());
            OrgUnit city = units.findByCode(DemoCity.CITY).orElseThrow();
            LuoshiUser cityOffice = user(DataScope.subtree(city));
            measure("summary, whole province", calls, () -> service.summary(ProjectFilter.none(), 2026, province));
            measure("summary, one city", calls, () -> service.summary(ProjectFilter.none(), 2026, cityOffice));
            measure("summary, province, category 技改", calls, () -> service.summary(new ProjectFilter(null,
                    ProjectCategory.TECH_RENOVATION, null, null, null, null, null), 2026, province));
            measure("summary, province, unit filter (a city)", calls, () -> service.summary(new ProjectFilter(null,
                    null, null, null, city.id(), null, null), 2026, province));
            measure("list, province, red only, page 1", calls, () -> service.list(new ProjectFilter(null, null, null,
                    null, null, null, StatusLight.RED), Paging.of(0, 20), province));
        }
    }

    private static LuoshiUser user(DataScope scope) {
        return new LuoshiUser(0, "bench", "压测", null, null, Set.of(Role.SUPERVISOR), scope, true, null);
    }

    private static void measure(String what, int calls, Supplier<?> call) {
        for (int i = 0; i < 5; i++) {
            call.get();
        }
        List<Double> millis = new ArrayList<>();
        Object last = null;
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            last = call.get();
            millis.add((System.nanoTime() - started) / 1e6);
        }
        millis.sort(Comparator.naturalOrder());
        System.out.printf("%-45s p50 %6.1f ms  p95 %6.1f ms  (%d calls)%s%n", what, millis.get(calls / 2),
                millis.get((int) Math.ceil(calls * 0.95) - 1), calls,
                last instanceof ProjectSummary s ? "  projects=" + s.projects() : "");
    }

    static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
