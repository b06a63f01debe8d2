package cn.luoshi.project;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@LuoshiTest
class ProjectApiTest {

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long unit(String code) {
        return units.findByCode(code).orElseThrow().id();
    }

    /** A fresh project led by 发改委 with a 2026 plan of 1200 万元, 100 a month. */
    long newProject(Api fgw, String code) {
        var created = fgw.post("/api/v1/projects", Map.of("code", code, "name", "测试项目" + code,
                "category", "INFRASTRUCTURE", "programme", "十大重点基础工程", "leadUnitId", unit(DemoCity.FGW),
                "locationUnitId", unit(DemoCity.CHENGGUAN), "totalInvestment", 3600, "startYear", 2026,
                "endYear", 2028, "stage", "CONSTRUCTION"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        var plan = fgw.put("/api/v1/projects/" + id + "/plans/2026", Map.of("planned", 1200));
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        return id;
    }

    @Test
    void theProjectOfficeFilesAMonthAndTheLightAndSummaryFollow() {
        Api fgw = Api.as(port, "fgw");
        long id = newProject(fgw, "T-API-1");
        // Mid-July: six full months are due (600 of 1200), nothing reported yet → far behind → red.
        JsonNode before = fgw.get("/api/v1/projects/" + id).json();
        assertThat(before.path("project").path("light").asString()).isEqualTo("RED");
        assertThat(before.path("project").path("timeProgress").decimalValue()).isEqualByComparingTo("0.5");
        JsonNode summaryBefore = fgw.get("/api/v1/projects/summary?year=2026").json();

        var filed = fgw.post("/api/v1/projects/" + id + "/progress", Map.of("year", 2026, "month", 6,
                "completedYtd", 560, "physicalProgress", "主体结构完成 50%"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        assertThat(filed.json().path("completed").decimalValue()).isEqualByComparingTo("560");

        JsonNode after = fgw.get("/api/v1/projects/" + id).json();
        assertThat(after.path("project").path("light").asString()).isEqualTo("GREEN");
        assertThat(after.path("months").get(5).path("completedToDate").decimalValue()).isEqualByComparingTo("560");
        assertThat(after.path("months").get(5).path("physicalProgress").asString()).isEqualTo("主体结构完成 50%");
        JsonNode summaryAfter = fgw.get("/api/v1/projects/summary?year=2026").json();
        assertThat(summaryAfter.path("completed").decimalValue().subtract(summaryBefore.path("completed").decimalValue()))
                .isEqualByComparingTo("560");
        assertThat(fgw.get("/api/v1/projects?light=RED&q=T-API-1").json().path("totalElements").asLong()).isZero();
        assertThat(fgw.get("/api/v1/projects?light=GREEN&q=T-API-1").json().path("totalElements").asLong())
                .isEqualTo(1);
    }

    @Test
    void aMilestonePastItsDateTurnsTheProjectRedAsTheClockMoves() {
        Api fgw = Api.as(port, "fgw");
        long id = newProject(fgw, "T-API-2");
        fgw.post("/api/v1/projects/" + id + "/progress", Map.of("year", 2026, "month", 6, "completed", 600));
        var milestone = fgw.post("/api/v1/projects/" + id + "/milestones", Map.of("name", "主体封顶",
                "plannedDate", "2026-07-31"));
        assertThat(milestone.status()).isEqualTo(201);
        assertThat(fgw.get("/api/v1/projects?q=T-API-2").json().path("content").get(0).path("light").asString())
                .isEqualTo("GREEN");

        clock.set(ZonedDateTime.of(2026, 8, 3, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
        // The list filter is right for the new day without anyone touching the project.
        assertThat(fgw.get("/api/v1/projects?light=RED&q=T-API-2").json().path("totalElements").asLong())
                .isEqualTo(1);

        var reached = fgw.post("/api/v1/projects/" + id + "/progress", Map.of("year", 2026, "month", 7,
                "completed", 100, "milestonesReached", List.of(Map.of("milestoneId",
                        milestone.json().path("id").asLong(), "date", "2026-08-02"))));
        assertThat(reached.status()).as(reached.body()).isEqualTo(200);
        JsonNode details = fgw.get("/api/v1/projects/" + id).json();
        assertThat(details.path("milestones").get(0).path("reachedDate").asString()).isEqualTo("2026-08-02");
        assertThat(details.path("project").path("light").asString()).isNotEqualTo("RED");
    }

    @Test
    void progressIsCheckedAndOnlyTheRightUnitsMayFileIt() {
        Api fgw = Api.as(port, "fgw");
        long id = newProject(fgw, "T-API-3");
        var future = fgw.post("/api/v1/projects/" + id + "/progress", Map.of("year", 2026, "month", 9,
                "completed", 10));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().path("errors").get(0).path("field").asString()).isEqualTo("month");
        var nothing = fgw.post("/api/v1/projects/" + id + "/progress", Map.of("year", 2026, "month", 5));
        assertThat(nothing.status()).isEqualTo(400);

        // 城关区 sees the project (it is built there) and may report; 江南区 does not even see it.
        assertThat(Api.as(port, "cgq").get("/api/v1/projects/" + id).status()).isEqualTo(200);
        assertThat(Api.as(port, "cgq").post("/api/v1/projects/" + id + "/progress", Map.of("year", 2026,
                "month", 5, "completed", 50)).status()).isEqualTo(200);
        assertThat(Api.as(port, "jnq").get("/api/v1/projects/" + id).status()).isEqualTo(404);
        assertThat(Api.as(port, "jnq").post("/api/v1/projects/" + id + "/progress", Map.of("year", 2026,
                "month", 5, "completed", 50)).status()).isEqualTo(404);
        // 城关区 may report but not change the plan, which is the lead unit's.
        assertThat(Api.as(port, "cgq").put("/api/v1/projects/" + id + "/plans/2026", Map.of("planned", 1))
                .status()).isEqualTo(403);
        // The leader reads, but files nothing.
        assertThat(Api.as(port, "leader").get("/api/v1/projects/" + id).status()).isEqualTo(200);
        assertThat(Api.as(port, "leader").post("/api/v1/projects/" + id + "/progress", Map.of("year", 2026,
                "month", 5, "completed", 50)).status()).isEqualTo(403);
    }

    @Test
    void theDemoPortfolioIsThereByProgrammeAndEnterprisesSeeOnlyTheirOwnProjects() {
        Api gxj = Api.as(port, "gxj");
        long park = unit(DemoCity.PARK);
        // The demo loads twenty "122" technical renovations, all in the industrial park (other tests add their
        // projects elsewhere).
        JsonNode programme = gxj.get("/api/v1/projects?programme=122&park=" + park + "&size=50").json();
        assertThat(programme.path("totalElements").asLong()).isEqualTo(20);
        assertThat(programme.path("content").findValuesAsString("code"))
                .allSatisfy(code -> assertThat(code).matches("122-\\d{4}-0(0[1-9]|1\\d|20)"));
        JsonNode summary = Api.as(port, "duchashi")
                .get("/api/v1/projects/summary?category=TECH_RENOVATION&park=" + park).json();
        assertThat(summary.path("projects").asLong()).isEqualTo(20);
        assertThat(summary.path("months")).hasSize(12);

        // An enterprise sees exactly the projects the city's office sees under its credit code, and no other.
        JsonNode all = Api.as(port, "duchashi").get("/api/v1/projects?size=100").json();
        assertThat(all.path("totalElements").asLong()).isLessThanOrEqualTo(100);
        List<Long> ofQiye1 = new java.util.ArrayList<>();
        List<Long> ofOthers = new java.util.ArrayList<>();
        all.path("content").forEach(p -> (DemoCity.QIYE1_CREDIT_CODE.equals(p.path("enterpriseCreditCode").asString())
                ? ofQiye1 : ofOthers).add(p.path("id").asLong()));
        assertThat(ofQiye1).isNotEmpty();
        JsonNode own = Api.as(port, "qiye1").get("/api/v1/projects?size=100").json();
        assertThat(own.path("content").valueStream().map(p -> p.path("id").asLong()).toList())
                .containsExactlyInAnyOrderElementsOf(ofQiye1);
        assertThat(Api.as(port, "qiye1").get("/api/v1/projects/" + ofOthers.getFirst()).status()).isEqualTo(404);
        assertThat(Api.as(port, "qiye1").get("/api/v1/projects/" + ofQiye1.getFirst()).status()).isEqualTo(200);
    }

    @Test
    void aRaisedProblemIsPublishedAndCanBeLinkedAndResolved(@Autowired ProjectProblems problems) {
        Api fgw = Api.as(port, "fgw");
        long id = newProject(fgw, "T-API-4");
        var raised = fgw.post("/api/v1/projects/" + id + "/problems", Map.of("text", "电力增容审批慢"));
        assertThat(raised.status()).isEqualTo(201);
        long problemId = raised.json().path("id").asLong();
        problems.linkTask(problemId, 4711L);
        problems.linkAppeal(problemId, 815L);
        JsonNode shown = fgw.get("/api/v1/projects/" + id).json().path("problems").get(0);
        assertThat(shown.path("taskId").asLong()).isEqualTo(4711L);
        assertThat(shown.path("appealId").asLong()).isEqualTo(815L);
        assertThat(fgw.post("/api/v1/projects/problems/" + problemId + "/resolve", Map.of("note", "已协调供电公司"))
                .status()).isEqualTo(200);
        assertThat(fgw.post("/api/v1/projects/problems/" + problemId + "/resolve", Map.of("note", "again"))
                .status()).isEqualTo(409);
    }

    @Test
    void registeringTheSameSpeechItemTwiceGivesOneProject(@Autowired Projects projects) {
        Api duchashi = Api.as(port, "duchashi");
        Map<String, Object> body = Map.of("name", "城北综合管廊工程", "category", "INFRASTRUCTURE",
                "leadUnitId", unit(DemoCity.ZJJ), "totalInvestment", 0, "startYear", 2026, "endYear", 2026,
                "sourceMeetingId", 9001, "sourceKey", "speech-004#p12");
        long first = duchashi.post("/api/v1/projects", body).json().path("id").asLong();
        long second = duchashi.post("/api/v1/projects", body).json().path("id").asLong();
        assertThat(second).isEqualTo(first);
        assertThat(projects.findBySource(new ProjectSource(9001, "speech-004#p12"))).isPresent();
    }
}
