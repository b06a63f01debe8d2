package cn.luoshi.task;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.luoshi.common.progress.LightThresholds;
import cn.luoshi.task.internal.LightSchedule;
import cn.luoshi.testsupport.Api;

/**
 * Load driver for the task list (not a unit test; excluded from the build's test run). Against a running Luoshi
 * on the embedded database it adds 100,000 tasks with 1.2 million progress reports to the demo city, then times
 * {@code GET /api/v1/tasks} with typical filters as the city's supervision office, a department and a district.
 *
 * <pre>
 * LUOSHI_DATA_DIR=/tmp/bench LUOSHI_ADMIN_PASSWORD=TestAdmin2026 LUOSHI_DEMO_PASSWORD=TestDemo2026 PORT=8093 java -jar target/luoshi-*.jar
 * java -cp target/test-classes:target/classes:$(cat cp.txt) cn.luoshi.task.TaskListBenchmark 8093 /tmp/bench
 * </pre>
 */
public final class TaskListBenchmark {

    static final int TASKS = 100_000;
    static final int REPORTS_PER_TASK = 12;
    static final int ROUNDS = 100;
    static final String[] TOPICS = {"\u201c122\u201d技改项目", "工业集中区整合提升", "政企沟通机制", "招商引资签约项目",
            "营商环境优化", "老旧小区改造", "交通枢纽建设", "人才服务体系", "中小企业数字化转型", "流域综合治理",
            "新材料产业集群", "临空产业区建设", "民生实事", "高新技术企业倍增", "城市更新试点"};
    static final String[] ACTIONS = {"推进", "落实", "完成", "加快", "组织开展", "督促"};
    static final String[] STATUSES = {"DRAFT", "ASSIGNED", "ACCEPTED", "IN_PROGRESS", "COMPLETION_REQUESTED",
            "COMPLETED", "CANCELLED"};
    static final int[] STATUS_WEIGHTS = {3, 7, 10, 50, 5, 22, 3};

    private TaskListBenchmark() {
    }

    /**
     * The server under test runs apart, on the machine's clock, so the generated deadlines are built around the
     * day it sees; the one place this benchmark reads that clock.
     */
    private static final Clock SERVER_CLOCK = Clock.system(ZoneId.of("Asia/Shanghai"));

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8093;
        Path dataDir = Path.of(args.length > 1 ? args[1] : "/tmp/luoshi-bench");
        String pgPort = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(3).strip();
        Map<String, Long> ids;
        String pgPassword = Files.readString(dataDir.resolve("postgres-password")).strip();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort
                + "/luoshi?user=postgres&reWriteBatchedInserts=true", "postgres", pgPassword)) {
            generate(db);
            ids = lookups(db);
        }
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("first page, default order", "");
        cases.put("status=IN_PROGRESS", "?status=IN_PROGRESS");
        cases.put("light=RED", "?light=RED");
        cases.put("light=YELLOW, sort=light", "?light=YELLOW&sort=light");
        cases.put("sort=light (board)", "?sort=light");
        cases.put("unit=工信局", "?unit=%GXJ%");
        cases.put("meeting", "?meeting=%MEETING%");
        cases.put("due range", "?dueFrom=2027-01-01&dueTo=2027-03-31");
        cases.put("q=技改", "?q=" + URLEncoder.encode("技改", StandardCharsets.UTF_8));
        cases.put("page 200", "?page=200");
        for (String user : List.of("duchashi", "gxj", "cgq")) {
            // A personal API token, as scripts use: Basic authentication would time the password hash instead.
            String token = Api.as(port, user).post("/api/v1/me/tokens", Map.of("name", "benchmark", "validDays", 1))
                    .json().path("token").asString();
            Api api = Api.withToken(port, token);
            System.out.printf("%n== %s (%s tasks visible)%n", user,
                    api.get("/api/v1/tasks?size=1").json().path("totalElements").asLong());
            System.out.printf("%-28s %8s %8s %8s %10s%n", "case", "p50 ms", "p95 ms", "max ms", "total");
            for (var c : cases.entrySet()) {
                String path = "/api/v1/tasks" + c.getValue().replace("%GXJ%", String.valueOf(ids.get("gxj")))
                        .replace("%MEETING%", String.valueOf(ids.get("meeting")));
                measure(api, c.getKey(), path);
            }
        }
    }

    static Map<String, Long> lookups(Connection db) throws SQLException {
        Map<String, Long> ids = new LinkedHashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                select (select id from org_unit where code = '990100-GXJ'),
                       (select min(id) from meeting where created_by = 'bench')""")) {
            rs.next();
            ids.put("gxj", rs.getLong(1));
            ids.put("meeting", rs.getLong(2));
        }
        return ids;
    }

    static void measure(Api api, String name, String path) {
        for (int i = 0; i < 20; i++) {
            check(api.get(path), path);
        }
        long[] millis = new long[ROUNDS];
        long total = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long started = System.nanoTime();
            Api.Response response = api.get(path);
            millis[i] = (System.nanoTime() - started) / 1_000;
            check(response, path);
            total = response.json().path("totalElements").asLong();
        }
        Arrays.sort(millis);
        System.out.printf("%-28s %8.1f %8.1f %8.1f %10d%n", name, millis[ROUNDS / 2] / 1000.0,
                millis[(int) (ROUNDS * 0.95)] / 1000.0, millis[ROUNDS - 1] / 1000.0, total);
    }

    static void check(Api.Response response, String path) {
        if (response.status() != 200) {
            throw new IllegalStateException(path + " answered " + response.status() + ": " + response.body());
        }
    }

    /** Adds the generated tasks once (they carry the tag "bench"), with co-units and reports. */
    static void generate(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "select count(*) from task where tags @> '{bench}'")) {
            rs.next();
            if (rs.getLong(1) >= TASKS) {
                System.out.println("Benchmark tasks already present.");
                return;
            }
        }
        long started = System.nanoTime();
        db.setAutoCommit(false);
        List<Long> units = new ArrayList<>();
        List<String> unitNames = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                select u.id, u.name from org_unit u join org_unit c on c.code = '990100'
                where u.path like c.path || '%' and u.id <> c.id order by u.id""")) {
            while (rs.next()) {
                units.add(rs.getLong(1));
                unitNames.add(rs.getString(2));
            }
        }
        long office;
        long leader;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                """
                select (select id from org_unit where code = '990100-ZFB'),
                       (select id from app_user where username = 'leader')""")) {
            rs.next();
            office = rs.getLong(1);
            leader = rs.getLong(2);
        }
        List<Long> meetings = new ArrayList<>();
        try (PreparedStatement insert = db.prepareStatement("""
                insert into meeting (title, meeting_date, occasion, organiser_unit_id, speaker_role, created_by,
                                     created_at) values (?, ?, '推进会', ?, '市长', 'bench', now()) returning id""")) {
            for (int i = 0; i < 200; i++) {
                insert.setString(1, "基准会议第 " + (i + 1) + " 次推进会");
                insert.setObject(2, LocalDate.now(SERVER_CLOCK).minusDays(i * 3L));
                insert.setLong(3, office);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    meetings.add(rs.getLong(1));
                }
            }
        }
        Random random = new Random(42);
        LocalDate today = LocalDate.now(SERVER_CLOCK);
        try (PreparedStatement task = db.prepareStatement("""
                insert into task (title, description, lead_unit_id, leader_id, start_date, due_date, report_cycle,
                                  priority, tags, co_unit_ids, source_kind, source_id, outline_path, status,
                                  progress,
                                  reported_progress, blue_from, yellow_from, red_from, escalation_level,
                                  next_report_due, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, 'MONTHLY', 'NORMAL', '{bench}', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        'bench', now(), now())""")) {
            for (int i = 0; i < TASKS; i++) {
                int u = random.nextInt(units.size());
                long lead = units.get(u);
                String status = pick(random);
                LocalDate start = today.minusDays(random.nextInt(300));
                LocalDate due = start.plusDays(30 + random.nextInt(370));
                int progress = status.equals("COMPLETED") ? 100 : status.equals("DRAFT")
                        || status.equals("ASSIGNED") ? 0 : random.nextInt(101);
                LightSchedule schedule = status.equals("COMPLETED") || status.equals("CANCELLED")
                        ? LightSchedule.ALWAYS_GREEN
                        : LightSchedule.of(progress / 100.0, start, due, LightThresholds.DEFAULT);
                boolean fromMeeting = random.nextInt(4) != 0;
                task.setString(1, unitNames.get(u) + ACTIONS[random.nextInt(ACTIONS.length)]
                        + TOPICS[random.nextInt(TOPICS.length)] + "第 " + (i + 1) + " 项");
                task.setString(2, "按照会议部署，" + TOPICS[random.nextInt(TOPICS.length)]
                        + "要明确目标任务和时间节点，层层压实责任。");
                task.setLong(3, lead);
                task.setObject(4, random.nextInt(3) == 0 ? leader : null);
                task.setObject(5, start);
                task.setObject(6, due);
                // Half the tasks have one or two co-units.
                List<Long> coUnits = new ArrayList<>();
                for (int c = random.nextInt(2) == 0 ? 0 : 1 + random.nextInt(2); c > 0; c--) {
                    long co = units.get(random.nextInt(units.size()));
                    if (co != lead && !coUnits.contains(co)) {
                        coUnits.add(co);
                    }
                }
                task.setArray(7, db.createArrayOf("bigint", coUnits.toArray()));
                task.setString(8, fromMeeting ? "MEETING" : "MANUAL");
                task.setObject(9, fromMeeting ? meetings.get(random.nextInt(meetings.size())) : null);
                task.setString(10, fromMeeting ? "三、（" + (1 + random.nextInt(6)) + "）" : null);
                task.setString(11, status);
                task.setBigDecimal(12, BigDecimal.valueOf(progress));
                task.setBigDecimal(13, BigDecimal.valueOf(progress));
                task.setObject(14, schedule.blueFrom());
                task.setObject(15, schedule.yellowFrom());
                task.setObject(16, schedule.redFrom());
                task.setInt(17, 0);
                task.setObject(18, today.plusDays(random.nextInt(30)));
                task.addBatch();
                if (i % 5000 == 4999) {
                    task.executeBatch();
                }
            }
            task.executeBatch();
        }
        try (Statement s = db.createStatement()) {
            s.executeUpdate("""
                    insert into task_unit (task_id, unit_id, role)
                    select id, lead_unit_id, 'LEAD' from task where tags @> '{bench}'""");
            s.executeUpdate("""
                    insert into task_unit (task_id, unit_id, role)
                    select id, unnest(co_unit_ids), 'CO' from task where tags @> '{bench}'""");
            s.executeUpdate("""
                    insert into task_report (task_id, unit_id, percent, text, status, reporter_name, reported_at)
                    select t.id, t.lead_unit_id, least(100, g * 8), '第 ' || g || ' 期进展：按计划推进，完成阶段目标。',
                           'APPROVED', '基准测试', now() - ((13 - g) * 15 || ' days')::interval
                    from task t cross join generate_series(1, %d) g
                    where t.tags @> '{bench}'""".formatted(REPORTS_PER_TASK));
            db.commit();
            db.setAutoCommit(true);
            s.execute("vacuum analyze");
        }
        System.out.printf("Generated %,d tasks and %,d reports in %.1f s%n", TASKS, TASKS * REPORTS_PER_TASK,
                (System.nanoTime() - started) / 1e9);
    }

    static String pick(Random random) {
        int roll = random.nextInt(100);
        for (int i = 0; i < STATUSES.length; i++) {
            roll -= STATUS_WEIGHTS[i];
            if (roll < 0) {
                return STATUSES[i];
            }
        }
        return "IN_PROGRESS";
    }
}
