package cn.luoshi.task;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.task.internal.ReminderJob;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily reminder and escalation round: once per day across nodes, nothing sent twice, escalation recorded on
 * the task; and the supervision office's reminders by hand.
 */
@LuoshiTest
class ReminderJobTest {

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    @Autowired
    MutableClock clock;

    @Autowired
    ReminderJob job;

    TaskFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new TaskFixtures(port, units);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void at(LocalDate day) {
        clock.set(ZonedDateTime.of(day.atTime(8, 30), ZoneId.of("Asia/Shanghai")));
    }

    static long messages(Api user, String title) {
        JsonNode page = user.get("/api/v1/notifications?size=200").json();
        return page.path("content").findValuesAsString("title").stream().filter(title::equals).count();
    }

    /** Two application nodes triggering the round at the same moment. */
    List<ReminderJob.Outcome> runOnTwoNodes() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ReminderJob.Outcome>> runs = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                runs.add(nodes.submit(() -> {
                    go.await();
                    return job.runToday();
                }));
            }
            go.countDown();
            List<ReminderJob.Outcome> outcomes = new ArrayList<>();
            for (Future<ReminderJob.Outcome> run : runs) {
                outcomes.add(run.get());
            }
            return outcomes;
        } finally {
            nodes.shutdown();
        }
    }

    @Test
    void aTaskFallingBehindIsRemindedThenSupervisedOnceEachHoweverOftenTheJobRuns() throws Exception {
        long leader = fx.as("leader").get("/api/v1/me").json().path("id").asLong();
        long id = fx.accepted("督办升级测试任务", DemoCity.SWJ, "swj", LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 12, 31), Map.of("leaderId", leader));
        Api swj = fx.as("swj");
        assertThat(fx.get(id).path("light").asString()).isEqualTo("GREEN");

        at(LocalDate.of(2026, 8, 3));
        assertThat(fx.get(id).path("light").asString()).isEqualTo("YELLOW");
        List<ReminderJob.Outcome> outcomes = runOnTwoNodes();
        assertThat(outcomes.stream().filter(ReminderJob.Outcome::ran).count()).isLessThanOrEqualTo(1);
        assertThat(messages(swj, "【催办】督办升级测试任务")).isEqualTo(1);
        // The ladder's rungs: 1 提醒, 2 催办, 3 督办.
        assertThat(fx.get(id).path("escalationLevel").asInt()).isEqualTo(2);

        assertThat(job.runToday().ran()).isFalse();
        at(LocalDate.of(2026, 8, 4));
        job.runToday();
        assertThat(messages(swj, "【催办】督办升级测试任务")).isEqualTo(1);

        at(LocalDate.of(2026, 10, 1));
        assertThat(fx.get(id).path("light").asString()).isEqualTo("RED");
        runOnTwoNodes();
        job.runToday();
        assertThat(fx.get(id).path("escalationLevel").asInt()).isEqualTo(3);
        assertThat(messages(swj, "【督办】督办升级测试任务")).isEqualTo(1);
        assertThat(messages(fx.supervisor, "【督办】督办升级测试任务")).isEqualTo(1);
        assertThat(messages(fx.as("leader"), "【督办】督办升级测试任务")).isEqualTo(1);
        assertThat(messages(fx.as("zjj"), "【督办】督办升级测试任务")).isZero();

        JsonNode timeline = fx.supervisor.get("/api/v1/tasks/" + id + "/timeline").json();
        List<Integer> levels = new ArrayList<>();
        for (JsonNode entry : timeline) {
            if ("ESCALATED".equals(entry.path("kind").asString())) {
                levels.add(entry.path("level").asInt());
            }
        }
        assertThat(levels).containsExactly(3, 2);
        assertThat(timeline.toString()).contains("亮黄灯，转入催办", "亮红灯，转入督办");

        // Looser thresholds for the city: the next round lifts 督办 and the task is back at 催办 (one message only).
        long city = fx.unit(DemoCity.CITY);
        TaskFixtures.ok(fx.supervisor.put("/api/v1/light-rules/" + city,
                Map.of("blueWithinDays", 7, "yellowGap", 0.1, "redGap", 1.0)));
        at(LocalDate.of(2026, 10, 2));
        assertThat(fx.get(id).path("light").asString()).isEqualTo("YELLOW");
        job.runToday();
        assertThat(fx.get(id).path("escalationLevel").asInt()).isEqualTo(2);
        assertThat(messages(swj, "【催办】督办升级测试任务")).isEqualTo(1);
        TaskFixtures.ok(fx.supervisor.delete("/api/v1/light-rules/" + city));

        // Catching up lifts the supervision; the history stays.
        TaskFixtures.ok(fx.report(swj, id, 60, "已追上序时进度"));
        JsonNode after = fx.get(id);
        assertThat(after.path("escalationLevel").asInt()).isZero();
        assertThat(fx.supervisor.get("/api/v1/tasks?escalation=2&q=督办升级测试").json().path("totalElements")
                .asLong()).isZero();
        assertThat(fx.supervisor.get("/api/v1/tasks/" + id + "/timeline").body()).contains("DEESCALATED");
    }

    @Test
    void unitsHearOfReportsFallingDueOnceAndOfMissedReportsOnce() {
        long id = fx.accepted("报送提醒测试任务", DemoCity.YSJ, "ysj", LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 12, 31), Map.of("reportCycle", "WEEKLY"));
        Api ysj = fx.as("ysj");
        assertThat(fx.get(id).path("nextReportDue").asString()).isEqualTo("2026-07-17");

        at(LocalDate.of(2026, 7, 16));
        job.runToday();
        at(LocalDate.of(2026, 7, 17));
        job.runToday();
        assertThat(messages(ysj, "请按期报送进展：报送提醒测试任务")).isEqualTo(1);
        assertThat(messages(ysj, "进展逾期未报：报送提醒测试任务")).isZero();

        at(LocalDate.of(2026, 7, 18));
        job.runToday();
        at(LocalDate.of(2026, 7, 19));
        job.runToday();
        assertThat(messages(ysj, "进展逾期未报：报送提醒测试任务")).isEqualTo(1);
        String timeline = fx.supervisor.get("/api/v1/tasks/" + id + "/timeline").body();
        assertThat(timeline.split("REPORT_OVERDUE", -1)).hasSize(2);

        TaskFixtures.ok(fx.report(ysj, id, 10, "补报本周进展"));
        assertThat(fx.get(id).path("nextReportDue").asString()).isEqualTo("2026-07-31");
    }

    @Test
    void theSupervisionOfficeRemindsOneTaskOrASelection() {
        long first = fx.accepted("手动催办测试一", DemoCity.SWJ, "swj", LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 12, 31), Map.of());
        long second = fx.accepted("手动催办测试二", DemoCity.SWJ, "swj", LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 12, 31), Map.of());
        long draft = fx.draft("手动催办测试草稿", DemoCity.SWJ, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31));
        Api swj = fx.as("swj");

        Api.Response reminded = fx.supervisor.post("/api/v1/tasks/" + first + "/reminders",
                Map.of("comment", "请本周五前报送招商引资进展"));
        assertThat(reminded.status()).isEqualTo(201);
        assertThat(messages(swj, "催办：手动催办测试一")).isEqualTo(1);
        assertThat(fx.supervisor.get("/api/v1/tasks/" + first + "/timeline").body())
                .contains("REMINDER", "请本周五前报送招商引资进展");

        JsonNode bulk = TaskFixtures.ok(fx.supervisor.post("/api/v1/tasks/bulk-reminders",
                Map.of("ids", List.of(first, second, draft), "comment", "集中催办"))).json();
        assertThat(bulk.path("succeeded").valueStream().map(JsonNode::asLong)).containsExactly(first, second);
        assertThat(bulk.path("failed").get(0).path("id").asLong()).isEqualTo(draft);
        assertThat(bulk.path("failed").get(0).path("status").asInt()).isEqualTo(409);
        assertThat(messages(swj, "催办：手动催办测试一")).isEqualTo(2);
        assertThat(messages(swj, "催办：手动催办测试二")).isEqualTo(1);
        assertThat(fx.as("swj").post("/api/v1/tasks/bulk-reminders", Map.of("ids", List.of(first))).status())
                .isEqualTo(403);
    }
}
