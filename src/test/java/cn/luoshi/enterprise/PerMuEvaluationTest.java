package cn.luoshi.enterprise;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.luoshi.common.CreditCode;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.NewUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnitKind;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.org.UserAccounts;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small park of four enterprises with figures chosen so every score can be checked by hand: two indicators, tax per
 * mu (weight 60, benchmark 10) and value added per mu (weight 40, benchmark 50), both capped at 1.5×.
 */
@LuoshiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerMuEvaluationTest {

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    @Autowired
    UserAccounts accounts;

    Api tjj;
    OrgUnit park;
    Map<String, Long> ids = new HashMap<>();
    Map<String, String> codes = new HashMap<>();

    @BeforeAll
    void smallPark() {
        tjj = Api.as(port, "tjj");
        long city = units.findByCode(DemoCity.CITY).orElseThrow().id();
        park = units.createSystem(city, "990100-TEST-PMU", "亩均测试园", OrgUnitKind.PARK, 90);
        long region = units.findByCode(DemoCity.LINJIANG).orElseThrow().id();
        // name, land, tax, value added: E1 130 (A), E2 92 (B), E3 23 (D), E4 without land
        Object[][] rows = {{"E1", 10, 200, 500}, {"E2", 10, 100, 400}, {"E3", 20, 50, 200}, {"E4", null, 80, 300}};
        int serial = 1;
        for (Object[] row : rows) {
            String code = CreditCode.complete(String.format("91990121MA80000%02d", serial++)).value();
            Map<String, Object> body = new HashMap<>();
            body.put("creditCode", code);
            body.put("name", "亩均测试" + row[0] + "有限公司");
            body.put("regionId", region);
            body.put("parkId", park.id());
            body.put("landMu", row[1]);
            var created = tjj.post("/api/v1/enterprises", body);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long id = created.json().path("id").asLong();
            tjj.put("/api/v1/enterprises/" + id + "/figures/2025", Map.of("revenue", 3000, "tax", row[2],
                    "valueAdded", row[3]));
            ids.put((String) row[0], id);
            codes.put((String) row[0], code);
        }
        accounts.createSystem(new NewUser("pmu-e3", "亩均测试E3", Api.PASSWORD, null, null, Set.of(Role.ENTERPRISE),
                codes.get("E3"), null));
    }

    long rule(String grading, double a, double b, double c) {
        var rule = tjj.post("/api/v1/per-mu/rules", Map.of("regionId", park.id(), "year", 2025,
                "name", "测试规则" + grading, "grading", grading, "cutA", a, "cutB", b, "cutC", c,
                "indicators", List.of(
                        Map.of("indicator", "TAX_PER_MU", "weight", 60, "benchmark", 10, "cap", 1.5),
                        Map.of("indicator", "VALUE_ADDED_PER_MU", "weight", 40, "benchmark", 50, "cap", 1.5))));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        return rule.json().path("id").asLong();
    }

    JsonNode result(JsonNode results, String name) {
        for (JsonNode r : results.path("content")) {
            if (r.path("name").asString().equals("亩均测试" + name + "有限公司")) {
                return r;
            }
        }
        throw new AssertionError("no result for " + name);
    }

    @Test
    void aRunScoresRanksGradesAndExplainsEachEnterpriseAndIsFrozenOncePublished() {
        long ruleId = rule("SCORE", 100, 80, 60);
        var started = tjj.post("/api/v1/per-mu/runs", Map.of("region", park.id(), "year", 2025, "rule", ruleId));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode run = started.json();
        assertThat(run.path("enterpriseCount").asInt()).isEqualTo(4);
        assertThat(run.path("ratedCount").asInt()).isEqualTo(3);
        long runId = run.path("id").asLong();

        JsonNode results = tjj.get("/api/v1/per-mu/runs/" + runId + "/results").json();
        JsonNode e1 = result(results, "E1");
        assertThat(e1.path("score").decimalValue()).isEqualByComparingTo("130");
        assertThat(e1.path("grade").asString()).isEqualTo("A");
        assertThat(e1.path("rankInRegion").asInt()).isEqualTo(1);
        assertThat(e1.path("rankInPark").asInt()).isEqualTo(1);
        JsonNode taxLine = e1.path("explanation").get(0);
        assertThat(taxLine.path("indicator").asString()).isEqualTo("TAX_PER_MU");
        assertThat(taxLine.path("raw").asDouble()).isEqualTo(20.0);
        assertThat(taxLine.path("benchmark").asDouble()).isEqualTo(10.0);
        assertThat(taxLine.path("normalised").asDouble()).isEqualTo(1.5);
        assertThat(taxLine.path("capped").asBoolean()).isTrue();
        assertThat(taxLine.path("contribution").asDouble()).isEqualTo(90.0);
        assertThat(result(results, "E2").path("score").decimalValue()).isEqualByComparingTo("92");
        assertThat(result(results, "E2").path("grade").asString()).isEqualTo("B");
        assertThat(result(results, "E3").path("grade").asString()).isEqualTo("D");
        assertThat(result(results, "E3").path("rankInRegion").asInt()).isEqualTo(3);
        assertThat(result(results, "E4").path("notRated").asString()).isEqualTo("NO_LAND");
        assertThat(result(results, "E4").path("grade").isNull()).as(result(results, "E4").toString()).isTrue();
        assertThat(tjj.get("/api/v1/per-mu/runs/" + runId + "/grades").json().path("A").asLong()).isEqualTo(1);

        // Before publication the enterprise sees nothing; a district outside the park never does.
        Api e3 = Api.as(port, "pmu-e3");
        assertThat(e3.get("/api/v1/per-mu/runs/" + runId + "/results").status()).isEqualTo(404);
        assertThat(Api.as(port, "cgq").get("/api/v1/per-mu/runs/" + runId).status()).isEqualTo(404);

        int version = tjj.get("/api/v1/per-mu/runs/" + runId).json().path("version").asInt();
        var published = tjj.post("/api/v1/per-mu/runs/" + runId + "/publish", Map.of("version", version));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(tjj.post("/api/v1/per-mu/runs/" + runId + "/recompute", "{}").status()).isEqualTo(409);
        assertThat(tjj.delete("/api/v1/per-mu/runs/" + runId).status()).isEqualTo(409);
        assertThat(tjj.post("/api/v1/per-mu/runs/" + runId + "/publish", Map.of("version", version + 1)).status())
                .isEqualTo(409);

        // Published: the enterprise sees its own row only, with the explanation, and objects to it.
        JsonNode own = e3.get("/api/v1/per-mu/runs/" + runId + "/results").json();
        assertThat(own.path("totalElements").asLong()).isEqualTo(1);
        assertThat(own.path("content").get(0).path("creditCode").asString()).isEqualTo(codes.get("E3"));
        assertThat(Api.as(port, "qiye1").get("/api/v1/per-mu/runs/" + runId).status()).isEqualTo(404);
        assertThat(tjj.post("/api/v1/per-mu/runs/" + runId + "/objections", Map.of("reason", "office objecting"))
                .status()).isEqualTo(403);
        var objection = e3.post("/api/v1/per-mu/runs/" + runId + "/objections", Map.of("reason",
                "税收数据漏计了第四季度入库税款", "corrections", Map.of("tax", 400)));
        assertThat(objection.status()).as(objection.body()).isEqualTo(201);
        assertThat(e3.post("/api/v1/per-mu/runs/" + runId + "/objections", Map.of("reason", "再次提出")).status())
                .isEqualTo(409);
        long objectionId = objection.json().path("id").asLong();

        // The office re-scores: tax 400 on 20 mu is 20/mu → capped 90, plus 8 → 98 → B under the same rule.
        var rescored = tjj.post("/api/v1/per-mu/objections/" + objectionId + "/rescore", Map.of("note",
                "经税务部门核实，更正税收", "version", objection.json().path("version").asInt()));
        assertThat(rescored.status()).as(rescored.body()).isEqualTo(200);
        assertThat(rescored.json().path("score").decimalValue()).isEqualByComparingTo("98");
        assertThat(rescored.json().path("grade").asString()).isEqualTo("B");
        JsonNode after = result(tjj.get("/api/v1/per-mu/runs/" + runId + "/results").json(), "E3");
        // The published snapshot stays as it was; the re-scored grade stands beside it.
        assertThat(after.path("score").decimalValue()).isEqualByComparingTo("23");
        assertThat(after.path("grade").asString()).isEqualTo("D");
        assertThat(after.path("rescoredGrade").asString()).isEqualTo("B");
        assertThat(after.path("finalGrade").asString()).isEqualTo("B");
        assertThat(Api.as(port, "duchashi").get("/api/v1/audit/events?entityType=PerMuObjection").body())
                .contains("复核企业「亩均测试E3有限公司」");
    }

    @Test
    void percentileGradingGoesByRankShare() {
        long ruleId = rule("PERCENTILE", 0.34, 0.67, 0.99);
        long runId = tjj.post("/api/v1/per-mu/runs", Map.of("regionId", park.id(), "ruleId", ruleId)).json()
                .path("id").asLong();
        JsonNode results = tjj.get("/api/v1/per-mu/runs/" + runId + "/results").json();
        assertThat(result(results, "E1").path("grade").asString()).isEqualTo("A");
        assertThat(result(results, "E2").path("grade").asString()).isEqualTo("B");
        assertThat(result(results, "E3").path("grade").asString()).isEqualTo("D");
        JsonNode run = tjj.get("/api/v1/per-mu/runs/" + runId).json();
        assertThat(run.path("gradeAMin").decimalValue()).isEqualByComparingTo("130");
        assertThat(tjj.delete("/api/v1/per-mu/runs/" + runId).status()).isEqualTo(204);
        assertThat(tjj.get("/api/v1/per-mu/runs/" + runId).status()).isEqualTo(404);
    }

    @Test
    void aRuleIsCheckedAndVersioned() {
        var bad = tjj.post("/api/v1/per-mu/rules", Map.of("regionId", park.id(), "year", 2025, "name", "权重不对",
                "grading", "SCORE", "cutA", 90, "cutB", 80, "cutC", 60, "indicators", List.of(
                        Map.of("indicator", "TAX_PER_MU", "weight", 70, "benchmark", 10, "cap", 1.5))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("message").asString()).contains("合计须为 100");
        long first = rule("SCORE", 100, 80, 60);
        long second = rule("SCORE", 100, 80, 60);
        int v1 = tjj.get("/api/v1/per-mu/rules/" + first).json().path("version").asInt();
        int v2 = tjj.get("/api/v1/per-mu/rules/" + second).json().path("version").asInt();
        assertThat(v2).isGreaterThan(v1);
        // A district handler may not compute for a park outside its scope.
        assertThat(Api.as(port, "cgq").post("/api/v1/per-mu/runs", Map.of("regionId", park.id(), "ruleId", first))
                .status()).isEqualTo(404);
    }
}
