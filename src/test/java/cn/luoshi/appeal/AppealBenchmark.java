package cn.luoshi.appeal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import cn.luoshi.LuoshiApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load driver (not a unit test; run by hand): starts Luoshi on a fresh embedded database, measures the public
 * intake over HTTP with several concurrent clients (appeals/s), grows the appeal table to 500,000 rows, and times
 * the statistics and list endpoints (p50/p95 over repeated calls) for a city-wide and a district reader.
 *
 * <pre>./mvnw -q test-compile && java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *   cn.luoshi.appeal.AppealBenchmark [intakeCount] [threads] [targetRows]</pre>
 */
public final class AppealBenchmark {

    private static final String PASSWORD = "Bench2026x";
    private static final String DEMO_PASSWORD = "Bench2026demo";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AppealBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int intakeCount = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int targetRows = args.length > 2 ? Integer.parseInt(args[2]) : 500_000;
        boolean reuse = args.length > 3 && args[3].equals("reuse");
        Path data = Path.of("target", "bench-data");
        if (!reuse) {
            deleteTree(data);
        }
        ConfigurableApplicationContext app = SpringApplication.run(LuoshiApplication.class,
                "--luoshi.data-dir=" + data, "--luoshi.admin-password=" + PASSWORD,
                "--luoshi.demo-password=" + DEMO_PASSWORD, "--luoshi.demo=true",
                "--server.port=0", "--luoshi.appeals.public-limit=100000000", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String base = "http://localhost:" + port;
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

            JdbcClient jdbc = app.getBean(JdbcClient.class);
            if (!reuse) {
                measureIntakeAndLoad(client, base, jdbc, intakeCount, threads, targetRows);
            }
            // As autovacuum would after a bulk load: statistics and the visibility map for index-only scans.
            jdbc.sql("vacuum (analyze) appeal").update();
            time(client, base, "duchashi", "/api/v1/appeals/stats", 40);
            time(client, base, "duchashi", "/api/v1/appeals/stats?from=2024-01-01&to=2026-12-31", 20);
            time(client, base, "cgq", "/api/v1/appeals/stats", 40);
            time(client, base, "admin", "/api/v1/appeals/stats", 40);
            time(client, base, "duchashi", "/api/v1/appeals?size=20", 40);
            time(client, base, "duchashi", "/api/v1/appeals?overdue=true&size=20", 40);
            time(client, base, "gxj", "/api/v1/appeals?status=ACCEPTED&size=20", 40);
        } finally {
            app.close();
        }
    }

    private static void measureIntakeAndLoad(HttpClient client, String base, JdbcClient jdbc, int intakeCount,
                                             int threads, int targetRows) throws Exception {
        {
            // Warm-up, then the measured intake.
            intake(client, base, 200, threads);
            long start = System.nanoTime();
            int ok = intake(client, base, intakeCount, threads);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("intake: %d appeals in %.1f s with %d clients = %.0f appeals/s%n", ok, seconds, threads,
                    ok / seconds);

            long rows = jdbc.sql("select count(*) from appeal").query(Long.class).single();
            long loadStart = System.nanoTime();
            bulkLoad(jdbc, targetRows - rows);
            System.out.printf("bulk load to %d appeals in %.1f s%n",
                    jdbc.sql("select count(*) from appeal").query(Long.class).single(),
                    (System.nanoTime() - loadStart) / 1e9);
        }
    }

    private static int intake(HttpClient client, String base, int count, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        String[] categories = {"LAND", "FUNDING", "POWER", "PERMIT", "RECRUITMENT", "POLICY", "LOGISTICS", "OTHER"};
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        Map<String, Object> body = AppealSupport.publicAppeal(categories[i % categories.length],
                                "压测" + i);
                        // Many enterprises, as in a city: each has only a few open appeals to compare against.
                        body.put("creditCode", cn.luoshi.common.CreditCode.complete(
                                String.format("91990100MA%07d", i % 20_000)).value());
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/appeals"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 201) {
                            ok.incrementAndGet();
                        } else if (ok.get() == 0) {
                            System.out.println("intake refused: " + response.statusCode() + " " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return ok.get();
    }

    /** Set-based: a year-spread mix of states over the city's and districts' units, like the demo but larger. */
    private static void bulkLoad(JdbcClient jdbc, long rows) {
        if (rows <= 0) {
            return;
        }
        jdbc.sql("""
                insert into appeal (code, credit_code, enterprise_name, contact_name, contact_phone, category_id,
                    title, content, channel, status, dispatch_unit_id, responsible_unit_id, submitted_at,
                    dispatched_at, accept_due_at, accepted_at, answer_due_at, answered_at, answer, closed_at,
                    close_reason, rating, rated_at, follow_token_hash, created_by, updated_at)
                select 'BM' || lpad(g::text, 8, '0'),
                       '91990100MA' || lpad((g % 5000)::text, 7, '0') || 'X',
                       '压测企业' || (g % 5000), '联系人', '13800000000',
                       c.id, '压测诉求' || g, '压测诉求内容，编号' || g, 'PUBLIC_FORM',
                       case when g % 20 = 0 then 'ACCEPTED' when g % 37 = 0 then 'ANSWERED' else 'CLOSED' end,
                       (select id from org_unit where code = '990100-YSJ'), u.id,
                       t.submitted, t.submitted + interval '1 hour', t.submitted + interval '2 hours',
                       t.submitted + (g % 5) * interval '50 minutes',
                       t.submitted + interval '10 days',
                       case when g % 20 = 0 then null else t.submitted + (g % 13) * interval '1 day' end,
                       case when g % 20 = 0 then null else '已办理' end,
                       case when g % 20 = 0 or g % 37 = 0 then null else t.submitted + (g % 13 + 1) * interval '1 day' end,
                       case when g % 20 = 0 or g % 37 = 0 then null when g % 9 = 0 then 'NO_RATING' else 'RATED' end,
                       case when g % 20 = 0 or g % 37 = 0 or g % 9 = 0 then null
                            when g % 17 = 0 then 'UNSATISFIED' when g % 5 = 0 then 'BASICALLY_SATISFIED'
                            else 'SATISFIED' end,
                       case when g % 20 = 0 or g % 37 = 0 or g % 9 = 0 then null
                            else t.submitted + (g % 13 + 1) * interval '1 day' end,
                       md5(g::text) || md5((g + 1)::text), 'bench', t.submitted
                from generate_series(1, :rows) g
                cross join lateral (select now() - (g % 1095) * interval '1 day' - (g % 480) * interval '1 minute'
                                    as submitted) t
                join lateral (select id from appeal_category order by id offset (g % 8) limit 1) c on true
                join lateral (select id from org_unit where kind in ('DEPARTMENT', 'REGION', 'PARK') and depth >= 1
                              order by id offset (g % 30) limit 1) u on true""")
                .param("rows", rows).update();
    }

    private static void time(HttpClient client, String base, String user, String path, int runs) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + ("admin".equals(user) ? PASSWORD : DEMO_PASSWORD))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).GET()
                .build();
        for (int i = 0; i < 3; i++) {
            client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        List<Double> millis = new ArrayList<>();
        int status = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            status = client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
            millis.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("%-10s %-55s status %d  p50 %6.1f ms  p95 %6.1f ms%n", user, path, status,
                millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
