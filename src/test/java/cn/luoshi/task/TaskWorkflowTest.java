package cn.luoshi.task;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every step of the supervision workflow through the API, by the role that may take it, and the refusals. */
@LuoshiTest
class TaskWorkflowTest {

    static final LocalDate START = MutableClock.START.toLocalDate();

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    TaskFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new TaskFixtures(port, units);
    }

    @Test
    void aTaskGoesFromRegistrationToReviewAndEveryoneConcernedHearsOfIt() {
        Api gxj = fx.as("gxj");
        long leader = fx.as("leader").get("/api/v1/me").json().path("id").asLong();
        long id = fx.draft("推进技改项目设备更新（流程测试）", DemoCity.GXJ, START.minusDays(10), START.plusDays(90),
                Map.of("coUnitIds", List.of(fx.unit(DemoCity.FGW)), "leaderId", leader,
                        "reportCycle", "WEEKLY", "priority", "HIGH", "tags", List.of("流程测试")));

        JsonNode draft = fx.get(id);
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("light").asString()).isEqualTo("GREEN");
        assertThat(draft.path("progress").asDouble()).isZero();
        assertThat(draft.path("timeProgress").asDouble()).isEqualTo(10.0);
        assertThat(draft.path("children").isArray()).isTrue();
        assertThat(draft.path("version").isInt()).isTrue();
        assertThat(draft.path("leadUnit").path("name").asString()).isEqualTo("市工业和信息化局");
        assertThat(draft.path("coUnits").findValuesAsString("name")).containsExactly("市发展和改革委员会");
        assertThat(draft.path("leader").path("name").asString()).isEqualTo("周市长");
        assertThat(draft.path("allowedActions").valueStream().map(JsonNode::asString))
                .contains("ASSIGN", "CANCEL").doesNotContain("ACCEPT");

        TaskFixtures.ok(fx.step(fx.supervisor, id, "ASSIGN", null));
        assertThat(fx.get(id).path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(gxj.get("/api/v1/notifications").body()).contains("新督办任务：推进技改项目设备更新（流程测试）");
        assertThat(fx.as("fgw").get("/api/v1/notifications").body()).contains("请配合办理：推进技改项目设备更新（流程测试）");
        assertThat(fx.get(gxj, id).path("allowedActions").valueStream().map(JsonNode::asString))
                .contains("ACCEPT", "REQUEST_EXTENSION").doesNotContain("ASSIGN", "REPORT_PROGRESS");

        TaskFixtures.ok(fx.step(gxj, id, "ACCEPT", null));
        assertThat(fx.get(id).path("status").asString()).isEqualTo("ACCEPTED");

        Api.Response reported = fx.report(gxj, id, 40, "已完成设备招标");
        assertThat(reported.status()).isEqualTo(201);
        JsonNode afterReport = reported.json();
        assertThat(afterReport.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(afterReport.path("progress").asDouble()).isEqualTo(40.0);

        TaskFixtures.ok(EvidenceUploads.report(gxj, id, 100, "设备已安装调试完毕", "验收报告.pdf",
                EvidenceUploads.PDF));
        TaskFixtures.ok(fx.step(gxj, id, "REQUEST_COMPLETION", "已全部完成"));
        assertThat(fx.get(id).path("status").asString()).isEqualTo("COMPLETION_REQUESTED");
        assertThat(fx.supervisor.get("/api/v1/notifications").body()).contains("申请办结：推进技改项目设备更新（流程测试）");

        Api.Response returned = fx.step(fx.supervisor, id, "RETURN", "请补充设备验收单");
        TaskFixtures.ok(returned);
        assertThat(returned.json().path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(returned.json().path("returnCount").asInt()).isEqualTo(1);
        assertThat(gxj.get("/api/v1/notifications").body()).contains("请补充设备验收单");

        TaskFixtures.ok(fx.step(gxj, id, "REQUEST_COMPLETION", "已补充验收单"));
        Api.Response approved = fx.step(fx.supervisor, id, "APPROVE_COMPLETION", "同意销号");
        TaskFixtures.ok(approved);
        assertThat(approved.json().path("status").asString()).isEqualTo("COMPLETED");
        assertThat(approved.json().path("progress").asDouble()).isEqualTo(100.0);
        assertThat(approved.json().path("light").asString()).isEqualTo("GREEN");

        JsonNode timeline = fx.supervisor.get("/api/v1/tasks/" + id + "/timeline").json();
        assertThat(timeline.findValuesAsString("kind")).containsSubsequence("COMPLETED", "COMPLETION_REQUESTED",
                "RETURNED", "COMPLETION_REQUESTED", "PROGRESS_REPORTED", "PROGRESS_REPORTED", "ACCEPTED",
                "ASSIGNED", "CREATED");
        assertThat(timeline.toString()).contains("请补充设备验收单", "验收报告.pdf");

        JsonNode audit = Api.as(port, "admin").get("/api/v1/audit/events?entityType=Task&entityId=" + id).json();
        assertThat(audit.path("content").findValuesAsString("action")).contains("task.created", "task.assign",
                "task.accept", "task.request_completion", "task.return", "task.approve_completion");
    }

    @Test
    void anInvalidStepIsAConflictThatNamesStatusAndActionAndChangesNothing() {
        long id = fx.draft("无效操作测试任务", DemoCity.GXJ, START, START.plusDays(60));
        int version = fx.get(id).path("version").asInt();

        fx.step(fx.supervisor, id, "ASSIGN", null);
        Api.Response approve = fx.step(fx.supervisor, id, "APPROVE_COMPLETION", "想直接销号");
        assertThat(approve.status()).isEqualTo(409);
        assertThat(approve.contentType()).startsWith("application/problem+json");
        assertThat(approve.json().path("detail").asString()).isEqualTo("任务当前状态为「已下发」，不能执行「审核销号」");
        assertThat(approve.json().path("detailEn").asString()).contains("Assigned", "Approve completion");
        JsonNode after = fx.get(id);
        assertThat(after.path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(after.path("version").asInt()).isEqualTo(version + 1);

        Api.Response report = fx.report(fx.as("gxj"), id, 10, "未签收先反馈");
        assertThat(report.status()).isEqualTo(409);
        assertThat(report.json().path("detail").asString()).contains("已下发", "进展反馈");
        assertThat(fx.get(id).path("progress").asDouble()).isZero();
    }

    @Test
    void aStepWithoutTheVersionIsRefused() {
        long id = fx.draft("缺少版本号测试任务", DemoCity.GXJ, START, START.plusDays(60));
        Api.Response missing = fx.supervisor.post("/api/v1/tasks/" + id + "/transitions", Map.of("action", "ASSIGN"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().path("detail").asString())
                .isEqualTo("请提供任务的版本号（version，读取任务时得到），以免覆盖他人刚做的修改");
        assertThat(missing.json().path("errors").get(0).path("field").asString()).isEqualTo("version");
        assertThat(fx.get(id).path("status").asString()).isEqualTo("DRAFT");
        // With the version read from the task the same step goes through.
        TaskFixtures.ok(fx.step(fx.supervisor, id, "ASSIGN", null));
        assertThat(fx.get(id).path("status").asString()).isEqualTo("ASSIGNED");
    }

    @Test
    void aStaleVersionIsRefused() {
        long id = fx.draft("并发修改测试任务", DemoCity.GXJ, START, START.plusDays(60));
        int version = fx.get(id).path("version").asInt();
        TaskFixtures.ok(fx.supervisor.post("/api/v1/tasks/" + id + "/transitions",
                Map.of("action", "ASSIGN", "version", version)));
        Api.Response stale = fx.as("gxj").post("/api/v1/tasks/" + id + "/transitions",
                Map.of("action", "ACCEPT", "version", version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("code").asString()).isEqualTo("error.staleVersion");
        assertThat(fx.get(id).path("status").asString()).isEqualTo("ASSIGNED");
    }

    @Test
    void eachStepBelongsToItsRole() {
        Api gxj = fx.as("gxj");
        Api fgw = fx.as("fgw");
        long id = fx.draft("角色规则测试任务", DemoCity.GXJ, START, START.plusDays(60),
                Map.of("coUnitIds", List.of(fx.unit(DemoCity.FGW))));

        assertThat(fx.step(gxj, id, "ASSIGN", null).status()).isEqualTo(403);
        assertThat(gxj.post("/api/v1/tasks", Map.of("title", "经办人登记", "leadUnitId", fx.unit(DemoCity.GXJ),
                "dueDate", START.plusDays(30).toString())).status()).isEqualTo(403);
        TaskFixtures.ok(fx.step(fx.supervisor, id, "ASSIGN", null));
        Api.Response supervisorAccepts = fx.step(fx.supervisor, id, "ACCEPT", null);
        assertThat(supervisorAccepts.status()).isEqualTo(403);
        assertThat(supervisorAccepts.json().path("detail").asString()).isEqualTo("只有牵头单位可以执行「签收」");
        assertThat(fx.step(fgw, id, "ACCEPT", null).status()).isEqualTo(403);
        TaskFixtures.ok(fx.step(gxj, id, "ACCEPT", null));

        // A co-unit reports on its part: recorded, but the lead unit's figure is the task's progress.
        assertThat(fx.report(fgw, id, 80, "配合单位完成资金测算").status()).isEqualTo(201);
        assertThat(fx.get(id).path("progress").asDouble()).isZero();
        TaskFixtures.ok(fx.report(gxj, id, 30, "牵头推进中"));
        assertThat(fx.get(id).path("progress").asDouble()).isEqualTo(30.0);
        TaskFixtures.ok(EvidenceUploads.report(gxj, id, 100, "完成", "结果.png", EvidenceUploads.PNG));
        assertThat(fx.step(fgw, id, "REQUEST_COMPLETION", null).status()).isEqualTo(403);

        assertThat(gxj.post("/api/v1/tasks/" + id + "/instructions", Map.of("text", "经办人不能批示")).status())
                .isEqualTo(403);
        assertThat(fx.as("leader").post("/api/v1/tasks/" + id + "/instructions",
                Map.of("text", "要抓紧，确保年底前见效")).status()).isEqualTo(201);
        assertThat(gxj.get("/api/v1/notifications").body()).contains("领导批示：角色规则测试任务", "要抓紧，确保年底前见效");
        assertThat(fx.supervisor.get("/api/v1/tasks/" + id + "/timeline").body()).contains("要抓紧，确保年底前见效");

        assertThat(gxj.post("/api/v1/tasks/" + id + "/reminders", Map.of("comment", "x")).status()).isEqualTo(403);
        assertThat(fx.step(gxj, id, "CANCEL", "不想做了").status()).isEqualTo(403);
        Api.Response noReason = fx.step(fx.supervisor, id, "CANCEL", null);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("errors").get(0).path("message").asString()).isEqualTo("请填写理由");
        Api.Response cancelled = fx.step(fx.supervisor, id, "CANCEL", "任务调整");
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(fx.step(fx.supervisor, id, "CANCEL", "再撤一次").status()).isEqualTo(409);
    }

    @Test
    void completionNeedsEvidenceAndClosedSubTasks() {
        Api gxj = fx.as("gxj");
        long id = fx.accepted("佐证材料测试任务", DemoCity.GXJ, "gxj", START, START.plusDays(60), Map.of());
        TaskFixtures.ok(fx.report(gxj, id, 100, "已完成，但未附材料"));
        Api.Response refused = fx.step(gxj, id, "REQUEST_COMPLETION", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asString()).contains("佐证材料");

        long sub = TaskFixtures.ok(fx.supervisor.post("/api/v1/tasks/" + id + "/subtasks", Map.of(
                "title", "佐证材料测试子任务", "leadUnitId", fx.unit(DemoCity.GXJ),
                "dueDate", START.plusDays(30).toString()))).json().path("id").asLong();
        assertThat(fx.get(sub).path("status").asString()).isEqualTo("ASSIGNED");
        TaskFixtures.ok(EvidenceUploads.report(gxj, id, 100, "附材料", "总结.docx", EvidenceUploads.DOCX));
        Api.Response open = fx.step(gxj, id, "REQUEST_COMPLETION", null);
        assertThat(open.status()).isEqualTo(409);
        assertThat(open.json().path("detail").asString()).isEqualTo("尚有 1 项子任务未办结，不能申请办结");

        TaskFixtures.ok(fx.step(fx.supervisor, sub, "CANCEL", "合并办理"));
        TaskFixtures.ok(fx.step(gxj, id, "REQUEST_COMPLETION", null));
    }

    @Test
    void anExtensionIsRequestedOnceAndDecidedByTheSupervisionOffice() {
        Api gxj = fx.as("gxj");
        long id = fx.accepted("延期申请测试任务", DemoCity.GXJ, "gxj", START, START.plusDays(20), Map.of());
        LocalDate later = START.plusDays(50);
        Api.Response earlier = gxj.post("/api/v1/tasks/" + id + "/extension-requests",
                Map.of("newDueDate", START.plusDays(10).toString(), "reason", "提前"));
        assertThat(earlier.status()).isEqualTo(400);
        Api.Response requested = gxj.post("/api/v1/tasks/" + id + "/extension-requests",
                Map.of("newDueDate", later.toString(), "reason", "设备到货延迟"));
        assertThat(requested.status()).isEqualTo(201);
        long extensionId = requested.json().path("pendingExtension").path("id").asLong();
        assertThat(gxj.post("/api/v1/tasks/" + id + "/extension-requests",
                Map.of("newDueDate", later.toString(), "reason", "再申请")).status()).isEqualTo(409);
        assertThat(fx.supervisor.get("/api/v1/notifications").body()).contains("延期申请：延期申请测试任务");

        String decision = "/api/v1/tasks/" + id + "/extension-requests/" + extensionId + "/decision";
        assertThat(gxj.post(decision, Map.of("approve", true)).status()).isEqualTo(403);
        JsonNode decided = TaskFixtures.ok(fx.supervisor.post(decision, Map.of("approve", true, "comment", "同意")))
                .json();
        assertThat(decided.path("dueDate").asString()).isEqualTo(later.toString());
        assertThat(decided.path("pendingExtension").isNull()).isTrue();
        assertThat(fx.supervisor.post(decision, Map.of("approve", false, "comment", "晚了")).status())
                .isEqualTo(409);

        long second = gxj.post("/api/v1/tasks/" + id + "/extension-requests",
                Map.of("newDueDate", later.plusDays(30).toString(), "reason", "还要延"))
                .json().path("pendingExtension").path("id").asLong();
        String refuse = "/api/v1/tasks/" + id + "/extension-requests/" + second + "/decision";
        assertThat(fx.supervisor.post(refuse, Map.of("approve", false)).status()).isEqualTo(400);
        JsonNode refused = TaskFixtures.ok(fx.supervisor.post(refuse, Map.of("approve", false,
                "comment", "不同意再延期"))).json();
        assertThat(refused.path("dueDate").asString()).isEqualTo(later.toString());
        assertThat(gxj.get("/api/v1/notifications").body()).contains("延期未同意：延期申请测试任务");
    }

    @Test
    void aHandlersReportWaitsForTheUnitHeadWhenTheTaskSaysSo() {
        Api fgw = fx.as("fgw");
        long id = fx.accepted("负责人审核测试任务", DemoCity.FGW, "fgw", START, START.plusDays(60),
                Map.of("requiresHeadApproval", true));
        Api.Response filed = fx.report(fgw, id, 35, "经办人报送：完成方案初稿");
        assertThat(filed.status()).isEqualTo(201);
        assertThat(fx.get(id).path("progress").asDouble()).isZero();
        assertThat(fx.supervisor.get("/api/v1/tasks/" + id + "/timeline").body()).doesNotContain("完成方案初稿");
        assertThat(fgw.get("/api/v1/tasks/" + id + "/timeline").body()).contains("完成方案初稿", "PENDING");

        Api head = fx.as("fgwfzr");
        assertThat(head.get("/api/v1/notifications").body()).contains("待审核进展：负责人审核测试任务");
        JsonNode timeline = head.get("/api/v1/tasks/" + id + "/timeline").json();
        long reportId = timeline.findValues("report").stream().filter(r -> !r.isNull()).findFirst().orElseThrow()
                .path("id").asLong();
        String decision = "/api/v1/tasks/" + id + "/progress/" + reportId + "/decision";
        assertThat(fgw.post(decision, Map.of("approve", true)).status()).isEqualTo(403);
        assertThat(fx.supervisor.post(decision, Map.of("approve", true)).status()).isEqualTo(404);
        JsonNode approved = TaskFixtures.ok(head.post(decision, Map.of("approve", true))).json();
        assertThat(approved.path("progress").asDouble()).isEqualTo(35.0);
        assertThat(approved.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(fx.supervisor.get("/api/v1/tasks/" + id + "/timeline").body()).contains("完成方案初稿");
        assertThat(head.post(decision, Map.of("approve", false, "comment", "重复")).status()).isEqualTo(409);

        // The head's own report needs nobody's approval.
        TaskFixtures.ok(fx.report(head, id, 50, "负责人直接报送"));
        assertThat(fx.get(id).path("progress").asDouble()).isEqualTo(50.0);
    }
}
