package cn.luoshi.task;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.NewUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnitKind;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.org.UserAccounts;
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
 * The escalation ladder 提醒 → 催办 → 督办 → 约谈 → 问责: rung by rung, a skipped rung only with the office's reason,
 * the unit's answer, the daily round raising the lights' rungs as the clock moves, and the counts per unit. Each
 * test leads its tasks by units of its own (under 高新区), so the counts are exact.
 */
@LuoshiTest
class EscalationLadderTest {

    static final LocalDate START = MutableClock.START.toLocalDate();

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    @Autowired
    UserAccounts accounts;

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

    /** A department of 高新区 for this test alone, with one handler signed in as {@code username}. */
    OrgUnit unitWithHandler(String name, String username) {
        OrgUnit district = units.findByCode(DemoCity.GAOXIN).orElseThrow();
        OrgUnit unit = units.createSystem(district.id(), null, name, OrgUnitKind.DEPARTMENT, 90);
        accounts.createSystem(new NewUser(username, name + " 经办人", Api.PASSWORD, unit.id(), null,
                Set.of(Role.UNIT_HANDLER), null, null));
        return unit;
    }

    long accepted(String title, OrgUnit lead, String handler, LocalDate start, LocalDate due) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("title", title);
        body.put("leadUnitId", lead.id());
        body.put("coUnitIds", List.of(fx.unit(DemoCity.FGW)));
        body.put("startDate", start.toString());
        body.put("dueDate", due.toString());
        body.put("assign", true);
        long id = TaskFixtures.ok(fx.supervisor.post("/api/v1/tasks", body)).json().path("id").asLong();
        TaskFixtures.ok(fx.step(fx.as(handler), id, "ACCEPT", null));
        return id;
    }

    Api.Response raise(long task, String rung, String reason) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("rung", rung);
        if (reason != null) {
            body.put("reason", reason);
        }
        return fx.supervisor.post("/api/v1/tasks/" + task + "/escalations", body);
    }

    JsonNode escalations(long task) {
        return fx.supervisor.get("/api/v1/tasks/" + task + "/escalations").json();
    }

    static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    /** The user's messages with exactly this title (searched for: shared inboxes hold hundreds). */
    static long messages(Api user, String title) {
        return user.get("/api/v1/notifications?size=200&q=" + URLEncoder.encode(title, StandardCharsets.UTF_8))
                .json().path("content").findValuesAsString("title").stream().filter(title::equals).count();
    }

    void at(LocalDate day) {
        clock.set(ZonedDateTime.of(day.atTime(8, 30), ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void theOfficeClimbsTheLadderRungByRungAndTheUnitAnswers() {
        OrgUnit unit = unitWithHandler("督办阶梯测试局", "dbjt.jb");
        Api handler = Api.as(port, "dbjt.jb");
        long id = accepted("督办阶梯测试任务", unit, "dbjt.jb", START.minusDays(10), START.plusDays(60));

        JsonNode alert = TaskFixtures.ok(raise(id, "ALERT", null)).json();
        assertThat(alert.path("escalationLevel").asInt()).isEqualTo(1);
        assertThat(alert.path("openEscalation").path("rung").asString()).isEqualTo("ALERT");
        assertThat(alert.path("openEscalation").path("raisedBy").asString()).isEqualTo("督查室 陈主任");
        assertThat(messages(handler, "【提醒】督办阶梯测试任务")).isEqualTo(1);

        // Only the supervision office raises; only the lead unit answers.
        assertThat(handler.post("/api/v1/tasks/" + id + "/escalations", Map.of("rung", "REMINDER")).status())
                .isEqualTo(403);
        long alertId = alert.path("openEscalation").path("id").asLong();
        String answer = "/api/v1/tasks/" + id + "/escalations/" + alertId + "/response";
        assertThat(fx.as("fgw").post(answer, Map.of("text", "配合单位来回应")).status()).isEqualTo(403);
        JsonNode answered = TaskFixtures.ok(handler.post(answer, Map.of("text", "已制定倒排计划，本月底前完成"))).json();
        assertThat(answered.path("openEscalation").path("response").asString()).isEqualTo("已制定倒排计划，本月底前完成");
        assertThat(answered.path("allowedActions").toString()).doesNotContain("RESPOND_ESCALATION");
        Api.Response twice = handler.post(answer, Map.of("text", "再回应一次"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("detail").asString()).isEqualTo("已回应过这次「提醒」");
        assertThat(messages(fx.supervisor, "单位已回应提醒：督办阶梯测试任务")).isEqualTo(1);

        // Each next rung closes the one below it; the same rung again is refused.
        TaskFixtures.ok(raise(id, "REMINDER", null));
        Api.Response again = raise(id, "REMINDER", "再催一次");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).isEqualTo("任务已处于「催办」，不能再发起「催办」");
        TaskFixtures.ok(raise(id, "SUPERVISION", null));
        TaskFixtures.ok(raise(id, "INTERVIEW", null));
        JsonNode top = TaskFixtures.ok(raise(id, "ACCOUNTABILITY", null)).json();
        assertThat(top.path("escalationLevel").asInt()).isEqualTo(5);
        assertThat(strings(top.path("allowedActions"))).doesNotContain("RAISE_ESCALATION")
                .contains("CLOSE_ESCALATION");
        assertThat(raise(id, "ACCOUNTABILITY", "还要问责").status()).isEqualTo(409);
        assertThat(messages(handler, "【约谈】督办阶梯测试任务")).isEqualTo(1);
        assertThat(messages(handler, "【问责】督办阶梯测试任务")).isEqualTo(1);

        long topId = top.path("openEscalation").path("id").asLong();
        JsonNode closed = TaskFixtures.ok(fx.supervisor.post("/api/v1/tasks/" + id + "/escalations/" + topId
                + "/closure", Map.of("outcome", "CONCLUDED", "note", "已对相关责任人通报批评"))).json();
        assertThat(closed.path("escalationLevel").asInt()).isZero();
        assertThat(closed.path("openEscalation").isNull()).isTrue();
        assertThat(messages(handler, "问责已结束：督办阶梯测试任务")).isEqualTo(1);

        JsonNode history = escalations(id);
        assertThat(history.findValuesAsString("rung")).containsExactly("ACCOUNTABILITY", "INTERVIEW", "SUPERVISION",
                "REMINDER", "ALERT");
        assertThat(history.findValuesAsString("outcome")).containsExactly("CONCLUDED", "ESCALATED", "ESCALATED",
                "ESCALATED", "ESCALATED");
        assertThat(history.get(0).path("outcomeNote").asString()).isEqualTo("已对相关责任人通报批评");
        assertThat(history.get(4).path("response").asString()).isEqualTo("已制定倒排计划，本月底前完成");
        assertThat(history.get(4).path("respondedBy").asString()).isEqualTo("督办阶梯测试局 经办人");

        JsonNode timeline = fx.supervisor.get("/api/v1/tasks/" + id + "/timeline").json();
        List<String> ladder = new ArrayList<>();
        for (JsonNode entry : timeline) {
            String kind = entry.path("kind").asString();
            if (kind.startsWith("ESCALAT")) {
                ladder.add(kind + " " + entry.path("level").asInt());
            }
        }
        assertThat(ladder).containsExactly("ESCALATION_CLOSED 5", "ESCALATED 5", "ESCALATED 4", "ESCALATED 3",
                "ESCALATED 2", "ESCALATION_RESPONDED 1", "ESCALATED 1");

        JsonNode audit = Api.as(port, "admin").get("/api/v1/audit/events?entityType=TaskEscalation&entityId=" + alertId)
                .json();
        assertThat(audit.path("content").findValuesAsString("action")).contains("task.escalation.raised",
                "task.escalation.responded", "task.escalation.closed");
        TaskFixtures.ok(fx.step(fx.supervisor, id, "CANCEL", "测试结束"));
    }

    @Test
    void skippingARungNeedsTheOfficesReasonAndTheOfficeListsOpenRungs() {
        OrgUnit unit = unitWithHandler("越级督办测试局", "yjdb.jb");
        long id = accepted("越级督办测试任务", unit, "yjdb.jb", START.minusDays(10), START.plusDays(60));

        Api.Response refused = raise(id, "INTERVIEW", "  ");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("reason");
        assertThat(refused.json().path("errors").get(0).path("message").asString())
                .isEqualTo("越级发起「约谈」（未经「提醒」）须说明理由");
        assertThat(fx.get(id).path("escalationLevel").asInt()).isZero();
        assertThat(escalations(id).size()).isZero();

        JsonNode raised = TaskFixtures.ok(raise(id, "INTERVIEW", "连续三个月进度为零，直接约谈主要负责人")).json();
        assertThat(raised.path("escalationLevel").asInt()).isEqualTo(4);
        JsonNode record = escalations(id).get(0);
        assertThat(record.path("skipped").asBoolean()).isTrue();
        assertThat(record.path("reason").asString()).isEqualTo("连续三个月进度为零，直接约谈主要负责人");
        assertThat(record.path("unit").path("name").asString()).isEqualTo("越级督办测试局");

        // The office's list: open rungs by rung and unit; another district's handler does not see them.
        JsonNode interviews = fx.supervisor.get("/api/v1/escalations?rung=INTERVIEW&unit=" + unit.id()).json();
        assertThat(interviews.path("totalElements").asLong()).isEqualTo(1);
        assertThat(interviews.path("content").get(0).path("task").path("name").asString()).isEqualTo("越级督办测试任务");
        assertThat(fx.supervisor.get("/api/v1/escalations?rung=ALERT&unit=" + unit.id()).json()
                .path("totalElements").asLong()).isZero();
        assertThat(fx.as("cgq").get("/api/v1/escalations?unit=" + unit.id()).json().path("totalElements").asLong())
                .isZero();
        Api.Response page = fx.supervisor.send(fx.supervisor.builder("/tasks/escalations?unit=" + unit.id())
                .setHeader("Accept", "text/html").GET());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("越级督办测试任务", "连续三个月进度为零，直接约谈主要负责人", "越级");

        // Completing the task ends its open rung; the list keeps it among the closed ones.
        TaskFixtures.ok(fx.step(fx.supervisor, id, "CANCEL", "任务调整"));
        assertThat(fx.supervisor.get("/api/v1/escalations?unit=" + unit.id()).json().path("totalElements").asLong())
                .isZero();
        JsonNode all = fx.supervisor.get("/api/v1/escalations?all=true&unit=" + unit.id()).json();
        assertThat(all.path("content").get(0).path("outcome").asString()).isEqualTo("TASK_FINISHED");
    }

    @Test
    void theDailyRoundRaisesTheLightsRungsAndTheCountsPerUnitAreExact() {
        OrgUnit a = unitWithHandler("督办计数测试甲局", "dbjs.a");
        OrgUnit b = unitWithHandler("督办计数测试乙局", "dbjs.b");
        // March 2026, before the day the shared clock starts on: what the round sends then sorts below every other test's
        // messages, and no other test's round runs on these days.
        at(LocalDate.of(2026, 3, 2));
        // A: 60 days at 0%: yellow from 03-09 (7/60 > 10% behind), red from 03-21 (19/60 > 30% behind).
        long late = accepted("督办计数测试：甲局滞后任务", a, "dbjs.a", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 5, 1));
        // B: 30 days, 90% done at once: never behind, blue from 03-25 (due within 7 days).
        long soon = accepted("督办计数测试：乙局临期任务", b, "dbjs.b", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1));
        TaskFixtures.ok(fx.report(Api.as(port, "dbjs.b"), soon, 90, "已基本完成"));

        at(LocalDate.of(2026, 3, 6));
        assertThat(job.runToday().ran()).isTrue();
        assertThat(escalations(late).size()).isZero();
        assertThat(escalations(soon).size()).isZero();

        at(LocalDate.of(2026, 3, 10));
        assertThat(job.runToday().ran()).isTrue();
        JsonNode reminder = escalations(late).get(0);
        assertThat(reminder.path("rung").asString()).isEqualTo("REMINDER");
        assertThat(reminder.path("raisedBy").asString()).isEqualTo("系统（每日巡检）");
        // 提醒 is passed over: the light says why.
        assertThat(reminder.path("skipped").asBoolean()).isTrue();
        assertThat(reminder.path("reason").asString()).contains("落后于序时进度", "亮黄灯");
        assertThat(messages(Api.as(port, "dbjs.a"), "【催办】督办计数测试：甲局滞后任务")).isEqualTo(1);

        at(LocalDate.of(2026, 3, 22));
        assertThat(job.runToday().ran()).isTrue();
        JsonNode ladder = escalations(late);
        assertThat(ladder.findValuesAsString("rung")).containsExactly("SUPERVISION", "REMINDER");
        assertThat(ladder.get(0).path("skipped").asBoolean()).isFalse();
        assertThat(ladder.get(1).path("outcome").asString()).isEqualTo("ESCALATED");
        assertThat(messages(fx.supervisor, "【督办】督办计数测试：甲局滞后任务")).isEqualTo(1);
        assertThat(escalations(soon).size()).isZero();

        // Catching up (40% against 20/60 = 33% time-progress) lifts the round's 督办 at once.
        TaskFixtures.ok(fx.report(Api.as(port, "dbjs.a"), late, 40, "已追上序时进度"));
        assertThat(fx.get(late).path("escalationLevel").asInt()).isZero();
        assertThat(escalations(late).get(0).path("outcome").asString()).isEqualTo("RECOVERED");

        at(LocalDate.of(2026, 3, 26));
        assertThat(job.runToday().ran()).isTrue();
        assertThat(escalations(soon).findValuesAsString("rung")).containsExactly("ALERT");
        assertThat(escalations(late).size()).isEqualTo(2);
        // The office calls the lagging unit in anyway, over the lower rungs, saying why.
        TaskFixtures.ok(raise(late, "INTERVIEW", "一季度两次亮灯，约谈主要负责人"));

        JsonNode march = fx.supervisor.get("/api/v1/escalations/counts?from=2026-03-01&to=2026-03-31").json();
        assertThat(count(march, a, "REMINDER")).isEqualTo(1);
        assertThat(count(march, a, "SUPERVISION")).isEqualTo(1);
        assertThat(count(march, a, "INTERVIEW")).isEqualTo(1);
        assertThat(count(march, a, "ALERT")).isZero();
        assertThat(unitRow(march, a).path("total").asLong()).isEqualTo(3);
        assertThat(count(march, b, "ALERT")).isEqualTo(1);
        assertThat(unitRow(march, b).path("total").asLong()).isEqualTo(1);
        // The 催办 of 03-10 lies before the period.
        JsonNode later = fx.supervisor.get("/api/v1/escalations/counts?from=2026-03-11&to=2026-03-31").json();
        assertThat(count(later, a, "REMINDER")).isZero();
        assertThat(unitRow(later, a).path("total").asLong()).isEqualTo(2);
        JsonNode before = fx.supervisor.get("/api/v1/escalations/counts?from=2026-03-01&to=2026-03-09").json();
        assertThat(unitRow(before, a).isMissingNode()).isTrue();

        Api.Response backwards = fx.supervisor.get("/api/v1/escalations/counts?from=2026-03-31&to=2026-03-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(Api.as(port, "qiye1").get("/api/v1/escalations/counts").status()).isEqualTo(403);
        // Left behind, the tasks would turn red in the daily rounds other tests run.
        for (long task : List.of(late, soon)) {
            TaskFixtures.ok(fx.step(fx.supervisor, task, "CANCEL", "测试结束"));
        }
    }

    static JsonNode unitRow(JsonNode counts, OrgUnit unit) {
        for (JsonNode row : counts) {
            if (row.path("unitId").asLong() == unit.id()) {
                return row;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    static long count(JsonNode counts, OrgUnit unit, String rung) {
        return unitRow(counts, unit).path("counts").path(rung).asLong();
    }
}
