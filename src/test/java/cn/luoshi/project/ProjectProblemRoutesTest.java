package cn.luoshi.project;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.task.EvidenceUploads;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A project problem sent on as a supervised task or an enterprise appeal stays linked and is solved with it. */
@LuoshiTest
class ProjectProblemRoutesTest {

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    private long project(Api fgw, String code, String creditCode) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("code", code, "name", "问题测试项目" + code,
                "category", "INDUSTRY", "leadUnitId", units.findByCode(DemoCity.FGW).orElseThrow().id(),
                "totalInvestment", 5000, "startYear", 2026, "endYear", 2027, "stage", "CONSTRUCTION"));
        if (creditCode != null) {
            body.put("enterpriseCreditCode", creditCode);
        }
        Api.Response created = fgw.post("/api/v1/projects", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private Api.Response raise(Api api, long project, Map<String, Object> body) {
        return api.post("/api/v1/projects/" + project + "/problems", body);
    }

    private JsonNode problems(Api api, long project) {
        return api.get("/api/v1/projects/" + project).json().path("problems");
    }

    @Test
    void aProblemSentAsATaskIsIssuedToTheLeadUnitAndSolvedWhenTheTaskIsCompleted() {
        Api fgw = Api.as(port, "fgw");
        long project = project(fgw, "WT-T1", null);
        Api.Response raised = raise(fgw, project, Map.of("text", "项目用电增容审批进度慢，影响设备调试", "route", "TASK",
                "dueDate", "2026-08-15"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        long taskId = raised.json().path("taskId").asLong();
        assertThat(taskId).isPositive();

        JsonNode task = fgw.get("/api/v1/tasks/" + taskId).json();
        assertThat(task.path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(task.path("dueDate").asString()).isEqualTo("2026-08-15");
        assertThat(task.path("title").asString()).contains("问题测试项目WT-T1").contains("用电增容");
        assertThat(task.path("leadUnit").path("name").asString()).isEqualTo("市发展和改革委员会");

        Api supervisor = Api.as(port, "duchashi");
        step(fgw, taskId, "ACCEPT");
        Api.Response report = EvidenceUploads.report(fgw, taskId, 100, "已协调供电公司完成增容", "增容批复.pdf",
                EvidenceUploads.PDF);
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        step(fgw, taskId, "REQUEST_COMPLETION");
        assertThat(problems(fgw, project).get(0).path("status").asString()).isEqualTo("OPEN");
        step(supervisor, taskId, "APPROVE_COMPLETION");

        JsonNode problem = problems(fgw, project).get(0);
        assertThat(problem.path("status").asString()).isEqualTo("RESOLVED");
        assertThat(problem.path("resolutionNote").asString()).contains("#" + taskId);
    }

    @Test
    void aProblemSentAsAnAppealIsDispatchedToTheLeadUnitAndSolvedWhenTheEnterpriseIsSatisfied() {
        Api fgw = Api.as(port, "fgw");
        long project = project(fgw, "WT-A1", DemoCity.QIYE1_CREDIT_CODE);

        Api.Response noPhone = raise(fgw, project, Map.of("text", "新增用地指标迟迟未落实", "route", "APPEAL"));
        assertThat(noPhone.status()).isEqualTo(400);
        assertThat(noPhone.contentType()).startsWith("application/problem+json");
        assertThat(problems(fgw, project).size()).as("a refused appeal raises no problem").isZero();

        Api.Response raised = raise(fgw, project, Map.of("text", "新增用地指标迟迟未落实", "route", "APPEAL",
                "contactName", "张经理", "contactPhone", "13800001111"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        long appealId = raised.json().path("appealId").asLong();
        assertThat(appealId).isPositive();

        JsonNode appeal = fgw.get("/api/v1/appeals/" + appealId).json();
        assertThat(appeal.path("channel").asString()).isEqualTo("PROJECT_PROBLEM");
        assertThat(appeal.path("status").asString()).isEqualTo("DISPATCHED");
        assertThat(appeal.path("projectId").asLong()).isEqualTo(project);

        int v = appeal.path("version").asInt();
        v = appealStep(fgw, appealId, Map.of("action", "ACCEPT", "version", v)).path("version").asInt();
        appealStep(fgw, appealId, Map.of("action", "ANSWER", "version", v, "answer", "已调剂用地指标。"));
        assertThat(problems(fgw, project).get(0).path("status").asString()).isEqualTo("OPEN");
        Api.Response rated = Api.as(port, "qiye1").post("/api/v1/appeals/" + appealId + "/rating",
                Map.of("rating", "SATISFIED"));
        assertThat(rated.status()).as(rated.body()).isEqualTo(200);

        assertThat(problems(fgw, project).get(0).path("status").asString()).isEqualTo("RESOLVED");
    }

    @Test
    void aProjectWithoutEnterpriseCannotSendAProblemAsAnAppealAndEnterprisesCannotRouteProblems() {
        Api fgw = Api.as(port, "fgw");
        long project = project(fgw, "WT-N1", null);
        Api.Response refused = raise(fgw, project, Map.of("text", "征迁协调难", "route", "APPEAL",
                "contactPhone", "13800001111"));
        // The project cannot offer the route at all: refused by the rules, as the page does not offer it.
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asString()).contains("没有关联企业");
        assertThat(fgw.get("/api/v1/projects/" + project).json().path("problemActions").valueStream()
                .map(JsonNode::asString)).containsExactly("RAISE", "ROUTE_TASK");
        assertThat(problems(fgw, project).size()).isZero();

        long own = project(fgw, "WT-N2", DemoCity.QIYE1_CREDIT_CODE);
        Api.Response byEnterprise = raise(Api.as(port, "qiye1"), own, Map.of("text", "希望协调用工", "route", "TASK"));
        assertThat(byEnterprise.status()).isEqualTo(403);
    }

    private void step(Api api, long taskId, String action) {
        int version = api.get("/api/v1/tasks/" + taskId).json().path("version").asInt();
        Api.Response r = api.post("/api/v1/tasks/" + taskId + "/transitions", Map.of("action", action,
                "comment", "问题处理", "version", version));
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
    }

    private JsonNode appealStep(Api api, long id, Map<String, Object> body) {
        Api.Response r = api.post("/api/v1/appeals/" + id + "/transitions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
