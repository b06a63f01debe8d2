package cn.luoshi.enterprise;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import cn.luoshi.LuoshiApplication;
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
 * Measures a per-mu run over many generated enterprises (default 200,000 in ten parks of one region): the whole
 * {@code PerMuEvaluations.start} — keyset reads, scoring, COPY of the results, ranking and grading with window
 * functions — and then a results page. Not a unit test: run it as a main class (see the developer guide).
 * <pre>
 *   ./mvnw -q test-compile &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *       cn.luoshi.enterprise.PerMuRunBenchmark 200000
 * </pre>
 */
public final class PerMuRunBenchmark {

    private PerMuRunBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int enterprises = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path data = Path.of("target", "bench-per-mu");
        wipe(data);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LuoshiApplication.class)
                .run("--luoshi.data-dir=" + data, "--luoshi.demo=true", "--luoshi.admin-password=Bench2026pass",
                        "--server.port=0", "--logging.level.root=WARN", "--logging.level.cn.luoshi=INFO", "--logging.level.cn.luoshi.enterprise.internal=DEBUG",
                        "--spring.main.banner-mode=off")) {
            OrgUnits units = context.getBean(OrgUnits.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            PerMuEvaluations evaluations = context.getBean(PerMuEvaluations.class);

            OrgUnit province = units.findByCode(DemoCity.PROVINCE).orElseThrow();
            OrgUnit region = units.createSystem(province.id(), "998800", "压测市", OrgUnitKind.REGION, 99);
            List<Long> parks = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                parks.add(units.createSystem(region.id(), "998800-P" + i, "压测园区" + i, OrgUnitKind.PARK, i).id());
            }
            long generated = System.nanoTime();
            jdbc.sql("""
                            insert into enterprise (credit_code, name, industry_code, region_id, park_id, above_scale,
                                                    land_mu)
                            select 'B' || lpad(g::text, 17, '0'), '压测企业' || g, 'C3421', :region,
                                   (cast(:parks as bigint[]))[1 + g % 10], true,
                                   case when g % 1000 = 0 then null else 5 + (g * 7919) % 600 end
                            from generate_series(1, :n) g""")
                    .param("region", region.id()).param("n", enterprises)
                    .param("parks", parks.toString().replace('[', '{').replace(']', '}'))
                    .update();
            jdbc.sql("""
                            insert into enterprise_year (enterprise_id, year, revenue, tax, value_added, energy_tce,
                                                         rd_spending, employees, emissions_t)
                            select e.id, 2025, r.va * 4, r.va * (0.1 + random() * 0.3), r.va, r.va / (0.8 + random() * 3),
                                   r.va * 4 * (0.002 + random() * 0.05), greatest(8, (r.va / (12 + random() * 40))::int),
                                   r.va * (0.001 + random() * 0.02)
                            from enterprise e
                            cross join lateral (select coalesce(e.land_mu, 50) * exp(ln(55) + 0.6 * (random() * 2 - 1)) as va) r
                            where e.region_id = :region""")
                    .param("region", region.id()).update();
            jdbc.sql("analyze enterprise").update();
            jdbc.sql("analyze enterprise_year").update();
            System.out.printf("generated %,d enterprises with figures in %.1f s%n", enterprises,
                    (System.nanoTime() - generated) / 1e9);

            LuoshiUser office = new LuoshiUser(0, "bench", "压测", region.id(), region.name(),
                    Set.of(Role.STATISTICIAN, Role.SUPERVISOR), DataScope.everything(), true, null);
            PerMuRule rule = evaluations.writeRule(new PerMuRuleDraft(region.id(), 2025, "压测规则",
                    PerMuGrading.PERCENTILE, new BigDecimal("0.2"), new BigDecimal("0.7"), new BigDecimal("0.9"),
                    List.of(weighting(PerMuIndicator.TAX_PER_MU, 30, "15"),
                            weighting(PerMuIndicator.VALUE_ADDED_PER_MU, 20, "60"),
                            weighting(PerMuIndicator.OUTPUT_PER_ENERGY, 20, "2.5"),
                            weighting(PerMuIndicator.RD_RATIO, 10, "2.5"),
                            weighting(PerMuIndicator.LABOUR_PRODUCTIVITY, 10, "30"),
                            weighting(PerMuIndicator.EMISSIONS_PER_VALUE_ADDED, 10, "0.008"))), office);

            List<Double> seconds = new ArrayList<>();
            PerMuRun run = null;
            for (int i = 0; i < repeats; i++) {
                long started = System.nanoTime();
                run = i == 0 ? evaluations.start(region.id(), 2025, rule.id(), office)
                        : evaluations.recompute(run.id(), office);
                double s = (System.nanoTime() - started) / 1e9;
                seconds.add(s);
                System.out.printf("run %d: %,d enterprises (%,d rated) in %.2f s = %,.0f enterprises/s%n", i + 1,
                        run.enterpriseCount(), run.ratedCount(), s, run.enterpriseCount() / s);
            }
            seconds.sort(Comparator.naturalOrder());
            System.out.printf("per-mu run over %,d enterprises: best %.2f s, median %.2f s%n", enterprises,
                    seconds.getFirst(), seconds.get(seconds.size() / 2));

            run = evaluations.publish(run.id(), run.version(), office);
            List<Long> pages = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                long started = System.nanoTime();
                evaluations.results(run.id(), i % 2 == 0 ? null : parks.get(i % 10), null, null,
                        Paging.of(i * 37 % 500, 20), office);
                pages.add((System.nanoTime() - started) / 1_000_000);
            }
            pages.sort(Comparator.naturalOrder());
            System.out.printf("results page (20 with explanations): p50 %d ms, p95 %d ms%n", pages.get(15),
                    pages.get(28));
        }
    }

    private static PerMuRule.Weighting weighting(PerMuIndicator indicator, int weight, String benchmark) {
        return new PerMuRule.Weighting(indicator, BigDecimal.valueOf(weight), new BigDecimal(benchmark),
                new BigDecimal("1.5"));
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
