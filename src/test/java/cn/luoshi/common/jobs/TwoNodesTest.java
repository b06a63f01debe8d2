package cn.luoshi.common.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;


import cn.luoshi.org.DemoCity;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiNode;
import cn.luoshi.testsupport.MutableClock;
import cn.luoshi.testsupport.SeparateDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Luoshi nodes (two Spring contexts in this JVM, each with its own web server, pool, data folder and movable
 * clock) on one PostgreSQL started by the test from the embedded binaries. Every scheduled job is triggered on both
 * nodes at the same instant: each job runs once and each message is filed once. A node that dies holding the day's
 * round leaves it to the other node's next run.
 */
class TwoNodesTest {

    private static final ZonedDateTime FILED = ZonedDateTime.of(2026, 9, 30, 16, 30, 0, 0,
            MutableClock.START.getZone());
    /** Thursday 8 October 2026, 10:00: the first working hour after the National Day holiday. */
    private static final ZonedDateTime ROUND = ZonedDateTime.of(2026, 10, 8, 10, 0, 0, 0,
            MutableClock.START.getZone());
    private static final List<String> JOBS = List.of("AuditCheckpointJob.onSchedule", "InterruptedImports.regularly",
            "ProjectLights.daily", "ReminderJob.onSchedule", "SlaEscalation.hourly");

    /** Two unrelated appeals (similar ones would be refused as possible duplicates). */
    private static final String[][] TOPICS = {
            {"新增生产线用电增容申请排队", "新增生产线用电增容申请已排队两个月，影响十月投产。"},
            {"出口退税办理周期较长", "上季度出口退税至今未到账，流动资金紧张，请协调税务部门加快办理。"}};

    @TempDir
    static Path work;
    static SeparateDatabase database;
    static LuoshiNode a;
    static LuoshiNode b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        database = SeparateDatabase.startIn(work.resolve("postgres")).withDemoOrgChartOnly();
        // Both start at once: Flyway's lock and the demo loader's lock let one of them do each part.
        CompletableFuture<LuoshiNode> first = CompletableFuture.supplyAsync(
                () -> LuoshiNode.start("node-a", work.resolve("a"), database));
        CompletableFuture<LuoshiNode> second = CompletableFuture.supplyAsync(
                () -> LuoshiNode.start("node-b", work.resolve("b"), database));
        a = first.get(5, TimeUnit.MINUTES);
        b = second.get(5, TimeUnit.MINUTES);
    }

    @AfterAll
    static void stop() {
        for (LuoshiNode node : new LuoshiNode[] {a, b}) {
            if (node != null && node.isRunning()) {
                node.close();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    private static void setClocks(ZonedDateTime time) {
        a.clock().set(time);
        b.clock().set(time);
    }

    @Test
    void everyJobRunsOnceAndEveryMessageIsFiledOnceAndADeadNodesRoundIsLeftToTheOther() throws Exception {
        assertThat(a.clock()).isNotSameAs(b.clock());
        assertThat(a.jobs()).isEqualTo(JOBS);
        assertThat(b.jobs()).isEqualTo(JOBS);
        // One org chart (the demo city's units and users), no task, appeal or project but the test's own.
        assertThat(database.count("select count(*) from demo_load where contributor = 'org'")).isOne();
        assertThat(database.count("select count(*) from task") + database.count("select count(*) from appeal")
                + database.count("select count(*) from project")).isZero();

        // Three tasks of 市商务局, from 1 July to 31 December, accepted and never reported on.
        setClocks(MutableClock.START);
        Api office = a.as("duchashi");
        List<Long> tasks = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            tasks.add(acceptedTask(office, b.as("swj"), "双节点督办任务" + i, LocalDate.of(2026, 7, 1),
                    LocalDate.of(2026, 12, 31)));
        }
        // Two appeals to 市商务局 by phone, filed on 30 September at 16:30: signing for them is due on 8 October at
        // 09:30 (one office hour that day, the second after the holiday).
        setClocks(FILED);
        List<Long> appeals = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            appeals.add(fileAppeal(i % 2 == 0 ? a : b, TOPICS[i - 1]));
        }
        for (long appeal : appeals) {
            assertThat(office.get("/api/v1/appeals/" + appeal).json().path("acceptDueAt").asString())
                    .isEqualTo("2026-10-08T09:30:00+08:00");
        }
        for (long task : tasks) {
            JsonNode t = office.get("/api/v1/tasks/" + task).json();
            // The first monthly report fell due at the end of July; on 8 October the task is red.
            assertThat(t.path("nextReportDue").asString()).isEqualTo("2026-07-31");
        }
        long swj = userId("swj");
        long duchashi = userId("duchashi");
        long before = database.count("select count(*) from notification");
        long lastBefore = lastMessage();

        // 8 October 10:00 on both nodes: every job on both at the same moment.
        setClocks(ROUND);
        runEverywhereAtOnce(JOBS);

        Map<String, String> claims = claims();
        assertThat(claims.keySet()).containsExactlyInAnyOrder("task-reminders/2026-10-08",
                "appeal-sla/2026-10-08T10", "project-lights/2026-10-08", "audit-checkpoint/2026-10-08T10");
        assertThat(claims.values()).allMatch(node -> node.equals("node-a") || node.equals("node-b"));
        // Per task: 督办 to the unit's handler (swj) and to the supervision office (duchashi), and the overdue report
        // of 31 July to the handler; per appeal: 签收超时 to the unit's handler.
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("APPEAL_OVERDUE " + swj, 2L);
        expected.put("TASK_REPORT_OVERDUE " + swj, 3L);
        expected.put("TASK_SUPERVISION " + duchashi, 3L);
        expected.put("TASK_SUPERVISION " + swj, 3L);
        assertThat(messagesSince(lastBefore)).isEqualTo(expected);
        assertThat(database.count("select count(*) from notification")).isEqualTo(before + 11);
        assertThat(database.count("""
                select count(*) from (select user_id, dedup_key from notification group by user_id, dedup_key
                                      having count(*) > 1) twice""")).isZero();
        for (long task : tasks) {
            assertThat(database.count("select count(*) from task_escalation where task_id = ?", task)).isOne();
            assertThat(database.count("select count(*) from task_event where task_id = ? and kind = 'ESCALATED'",
                    task)).isOne();
            assertThat(database.count("select count(*) from task_event where task_id = ? and kind = 'REPORT_OVERDUE'",
                    task)).isOne();
            assertThat(office.get("/api/v1/tasks/" + task).json().path("escalationLevel").asInt()).isEqualTo(3);
        }
        for (long appeal : appeals) {
            assertThat(database.count("select count(*) from appeal_event where appeal_id = ? and action = 'ESCALATE'",
                    appeal)).isOne();
            assertThat(database.count("""
                    select count(*) from audit_event where action = 'appeal.escalated' and entity_id = ?""",
                    String.valueOf(appeal))).isOne();
        }
        // The hour's audit checkpoint is written once, by the node that claimed it, beside each node's own at start.
        assertThat(checkpointLines("2026-10-08T10:00:00+08:00")).isOne();
        assertThat(checkpointLines("2026-07-15T09:00:00+08:00")).isEqualTo(2);

        // Five minutes later the scheduler triggers them again on both nodes: nothing runs, nothing is sent.
        setClocks(ROUND.plusMinutes(5));
        runEverywhereAtOnce(JOBS);
        assertThat(claims()).isEqualTo(claims);
        assertThat(database.count("select count(*) from notification")).isEqualTo(before + 11);

        // A fourth task, from 1 September to 31 October, is red on Friday 9 October: the round will raise it.
        setClocks(ROUND.plusMinutes(30));
        long late = acceptedTask(office, a.as("swj"), "双节点接管任务", LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 10, 31));
        System.out.println("[two-nodes] fourth task: " + office.get("/api/v1/tasks/" + late).json()
                .path("nextReportDue").asString());
        ZonedDateTime nextDay = ROUND.plusDays(1);
        setClocks(nextDay);
        long beforeNextDay = database.count("select count(*) from notification");
        long lastBeforeNextDay = lastMessage();

        // Node A takes the day and dies before it finishes: it is held on the messages (the test locks the table
        // they are filed in) and its context is closed, which aborts its connections.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> dying;
            try (var blocking = new TableLock(database, "notification")) {
                dying = threads.submit(() -> a.runJob("ReminderJob.onSchedule"));
                await().atMost(Duration.ofSeconds(60)).until(() -> database.count("""
                        select count(*) from pg_stat_activity where application_name = 'node-a'
                          and wait_event_type = 'Lock'""") == 1);
                // Meanwhile node B's trigger finds the day taken and returns at once, without waiting for node A.
                threads.submit(() -> b.runJob("ReminderJob.onSchedule")).get(30, TimeUnit.SECONDS);
                assertThat(database.count("select count(*) from job_claim where run_key = '2026-10-09'")).isZero();
                a.close();
            }
            // Node A's server process sees the connection gone once it gets the lock, and rolls its work back.
            await().atMost(Duration.ofSeconds(60)).until(() -> database.count(
                    "select count(*) from pg_stat_activity where application_name = 'node-a'") == 0);
            try {
                dying.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException died) {
                // the dying node's round ends in an error: its connection was taken away
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(database.count("select count(*) from job_claim where run_key = '2026-10-09'")).isZero();
        assertThat(database.count("select count(*) from notification")).isEqualTo(beforeNextDay);
        assertThat(database.count("select count(*) from task_escalation where task_id = ?", late)).isZero();

        // Node B's next trigger (an hour later) does the day: 督办 of the fourth task, to the handler and the office.
        b.clock().set(nextDay.plusHours(1));
        b.runJob("ReminderJob.onSchedule");
        assertThat(claims()).containsEntry("task-reminders/2026-10-09", "node-b");
        Map<String, Long> nextDayMessages = messagesSince(lastBeforeNextDay);
        assertThat(nextDayMessages).isEqualTo(Map.of("TASK_SUPERVISION " + swj, 1L,
                "TASK_SUPERVISION " + duchashi, 1L));
        assertThat(database.count("select count(*) from task_escalation where task_id = ?", late)).isOne();
        assertThat(database.count("select count(*) from task_event where task_id = ? and kind = 'ESCALATED'", late))
                .isOne();

        JsonNode chain = b.as("admin").get("/api/v1/audit/verify").json();
        assertThat(chain.path("intact").asBoolean()).as(chain.toString()).isTrue();
    }

    /** Runs each job on both nodes, all released at the same moment. */
    private static void runEverywhereAtOnce(List<String> jobs) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(jobs.size() * 2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (String job : jobs) {
                for (LuoshiNode node : List.of(a, b)) {
                    runs.add(threads.submit(() -> {
                        go.await();
                        node.runJob(job);
                        return null;
                    }));
                }
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static Map<String, String> claims() {
        Map<String, String> claims = new HashMap<>();
        database.jdbc().sql("select job, run_key, node from job_claim").query(rs -> {
            claims.put(rs.getString(1) + "/" + rs.getString(2), rs.getString(3));
        });
        return claims;
    }

    /** New messages by kind and recipient. */
    private static Map<String, Long> messagesSince(long lastIdBefore) {
        Map<String, Long> counts = new LinkedHashMap<>();
        database.jdbc().sql("""
                        select kind || ' ' || user_id, count(*) from notification where id > ?
                        group by 1 order by 1""")
                .param(lastIdBefore)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private static long checkpointLines(String at) throws IOException {
        long lines = 0;
        for (String node : List.of("a", "b")) {
            Path log = work.resolve(node).resolve("audit-checkpoints").resolve("checkpoints.log");
            lines += Files.readAllLines(log).stream().filter(l -> l.startsWith("v1 " + at + " ")).count();
        }
        return lines;
    }

    private static long lastMessage() {
        return database.count("select coalesce(max(id), 0) from notification");
    }

    private static long userId(String username) {
        return database.count("select id from app_user where username = ?", username);
    }

    private static long acceptedTask(Api office, Api handler, String title, LocalDate start, LocalDate due) {
        long unit = database.count("select id from org_unit where code = ?", DemoCity.SWJ);
        Api.Response created = office.post("/api/v1/tasks", Map.of("title", title, "leadUnitId", unit,
                "startDate", start.toString(), "dueDate", due.toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        step(office, id, "ASSIGN");
        step(handler, id, "ACCEPT");
        return id;
    }

    private static void step(Api api, long task, String action) {
        int version = api.get("/api/v1/tasks/" + task).json().path("version").asInt();
        Api.Response done = api.post("/api/v1/tasks/" + task + "/transitions",
                Map.of("action", action, "version", version));
        assertThat(done.status()).as(done.body()).isBetween(200, 299);
    }

    private static long fileAppeal(LuoshiNode node, String[] title) {
        long unit = database.count("select id from org_unit where code = ?", DemoCity.SWJ);
        Map<String, Object> body = new HashMap<>();
        body.put("creditCode", DemoCity.QIYE1_CREDIT_CODE);
        body.put("enterpriseName", "示例重工机械有限公司");
        body.put("contactName", "王经理");
        body.put("contactPhone", "0714-6200001");
        body.put("categoryCode", "POWER");
        body.put("title", title[0]);
        body.put("content", title[1]);
        body.put("responsibleUnitId", unit);
        body.put("channel", "STAFF_PHONE");
        Api.Response filed = node.as("ysj").post("/api/v1/appeals", body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().path("id").asLong();
    }

    /** A table locked by another session of the test until closed: writers into it wait. */
    private static final class TableLock implements AutoCloseable {
        private final java.sql.Connection connection;

        TableLock(SeparateDatabase database, String table) throws java.sql.SQLException {
            connection = java.sql.DriverManager.getConnection(database.url(), database.username(),
                    database.password());
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("lock table " + table + " in exclusive mode");
            }
        }

        @Override
        public void close() throws java.sql.SQLException {
            connection.commit();
            connection.close();
        }
    }
}
