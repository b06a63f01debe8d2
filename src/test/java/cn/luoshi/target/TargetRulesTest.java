package cn.luoshi.target;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Targets as the statistics offices state them: a growth target judged by the reported growth in points, progress as
 * of a day from the last complete month, decompositions that refuse what cannot be checked or would count twice.
 * Every test works on towns of its own under 青河县, with figures it records itself.
 */
@LuoshiTest
class TargetRulesTest {

    private static final AtomicInteger TOWNS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    @Test
    void aGrowthTargetIsJudgedByItsReportedGrowthAgainstTheRateNotByANominalAmountPath() {
        Api tjj = Api.as(port, "tjj");
        long town = town(null, "增长目标测试镇");
        record(tjj, "INDUSTRY_VA", town, "2024", "VALUE", "100");
        record(tjj, "INDUSTRY_VA", town, "2025-10", "YTD", "87.5");
        record(tjj, "INDUSTRY_VA", town, "2025-10", "GROWTH", "5.1");
        long id = create(tjj, target("INDUSTRY_VA", town, 2025, "GROWTH", "25"));

        JsonNode progress = tjj.get("/api/v1/targets/" + id + "/progress?asOf=2025-11-15").json();
        // The nominal path would ask 100 × 1.25 = 125 by December; 87.5 / 125 = 70% against a time-progress of
        // 10/12 = 83.3% is 13.3 points behind: yellow. The offices judge the rate: 25 − 5.1 = 19.9 points behind,
        // more than the 2 points of the default rule: red, and the text says the same.
        assertThat(progress.path("light").asString()).isEqualTo("RED");
        assertThat(progress.path("summary").asString()).isEqualTo("2025年1-10月增长5.1%，目标25%，落后19.9个百分点");
        assertThat(progress.path("summaryEn").asString())
                .isEqualTo("Jan-Oct 2025: growth 5.1% against a target of 25%, 19.9 percentage points behind");
        assertThat(progress.path("dataPeriod").asString()).isEqualTo("2025-10");
        assertThat(progress.path("growth").decimalValue()).isEqualByComparingTo("5.1");
        assertThat(progress.path("milestone").decimalValue()).isEqualByComparingTo("25");
        assertThat(progress.path("attainment").isNull()).isTrue();
        assertThat(progress.path("timeProgress").isNull()).isTrue();
    }

    @Test
    void theYellowAndRedLinesOfGrowthTargetsArePointsBelowTheRateSetPerRegion() {
        Api tjj = Api.as(port, "tjj");
        Api office = Api.as(port, "duchashi");
        long town = town(null, "增长亮灯测试镇");
        long village = town(town, "增长亮灯测试村");
        // Four targets of 8% as of 15 November 2025, with the reported growth of 1-10月:
        long yellow = growthTarget(tjj, town, "RETAIL", "7.2");          // 0.8 points behind
        long green = growthTarget(tjj, town, "FAI", "7.6");              // 0.4 points behind
        long red = growthTarget(tjj, town, "FOREIGN_TRADE", "5.9");      // 2.1 points behind
        long ahead = growthTarget(tjj, town, "INDUSTRY_OUTPUT", "9.3");  // 1.3 points ahead

        // The default rule: yellow beyond 0.5 points, red beyond 2.
        assertThat(light(tjj, yellow)).isEqualTo("YELLOW");
        assertThat(summary(tjj, yellow)).isEqualTo("2025年1-10月增长7.2%，目标8%，落后0.8个百分点");
        assertThat(light(tjj, green)).isEqualTo("GREEN");
        assertThat(light(tjj, red)).isEqualTo("RED");
        assertThat(light(tjj, ahead)).isEqualTo("GREEN");
        assertThat(summary(tjj, ahead)).isEqualTo("2025年1-10月增长9.3%，目标8%，高出1.3个百分点");

        assertThat(tjj.put("/api/v1/growth-light-rules/" + town, rule("1", "3")).status()).isEqualTo(403);
        assertThat(office.put("/api/v1/growth-light-rules/" + town, rule("3", "1")).status()).isEqualTo(400);
        JsonNode set = office.put("/api/v1/growth-light-rules/" + town, rule("1", "3")).json();
        assertThat(set.path("own").path("yellowPoints").decimalValue()).isEqualByComparingTo("1");
        assertThat(set.path("effective").path("redPoints").decimalValue()).isEqualByComparingTo("3");
        // With yellow beyond 1 point and red beyond 3: 0.8 behind is green, 2.1 behind yellow.
        assertThat(light(tjj, yellow)).isEqualTo("GREEN");
        assertThat(light(tjj, red)).isEqualTo("YELLOW");
        JsonNode below = office.get("/api/v1/growth-light-rules/" + village).json();
        assertThat(below.path("own").isNull()).isTrue();
        assertThat(below.path("inheritedFrom").path("id").asLong()).isEqualTo(town);
        assertThat(office.get("/targets?unit=" + town + "&year=2025&asOf=2025-11-15").body())
                .contains("低于目标超过 1 个百分点为黄灯，超过 3 个百分点为红灯", "本单位规则");
        JsonNode audit = Api.as(port, "leader").get("/api/v1/audit/events?entityType=GrowthLightRule&entityId="
                + town).json();
        assertThat(audit.path("content").findValuesAsString("action")).containsExactly("target.growthRule.set");

        JsonNode cleared = office.delete("/api/v1/growth-light-rules/" + town).json();
        assertThat(cleared.path("own").isNull()).isTrue();
        assertThat(cleared.path("effective").path("yellowPoints").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(light(tjj, yellow)).isEqualTo("YELLOW");
    }

    @Test
    void progressAsOfADayUsesTheLastCompleteMonthBeforeIt() {
        Api tjj = Api.as(port, "tjj");
        long town = town(null, "序时截至测试镇");
        record(tjj, "INDUSTRY_VA", town, "2026-06", "YTD", "50");
        // July's figure is already in (the test clock stands at 2026-07-15), but July is not over on 1 July.
        record(tjj, "INDUSTRY_VA", town, "2026-07", "YTD", "58");
        long id = create(tjj, target("INDUSTRY_VA", town, 2026, "REACH", "100"));

        // 50 / 100 = 50% against 6/12 = 50%.
        JsonNode first = tjj.get("/api/v1/targets/" + id + "/progress?asOf=2026-07-01").json();
        assertThat(first.path("dataPeriod").asString()).isEqualTo("2026-06");
        assertThat(first.path("dataLabel").asString()).isEqualTo("2026年1-6月");
        assertThat(first.path("summary").asString())
                .isEqualTo("2026年1-6月完成50亿元，为2026年目标100亿元的50%，序时进度50%，与序时进度持平");
        assertThat(tjj.get("/api/v1/targets/" + id + "/progress?asOf=2026-07-31").json().path("dataPeriod")
                .asString()).isEqualTo("2026-06");
        JsonNode list = tjj.get("/api/v1/targets/progress?unit=" + town + "&year=2026&asOf=2026-07-01").json();
        assertThat(list.get(0).path("dataLabel").asString()).isEqualTo("2026年1-6月");
        assertThat(tjj.get("/targets?unit=" + town + "&year=2026&asOf=2026-07-01").body())
                .contains("2026年1-6月完成50亿元");

        // From 1 August July is complete: 58 / 100 = 58% against 7/12 = 58.3%, 0.3 points behind.
        JsonNode august = tjj.get("/api/v1/targets/" + id + "/progress?asOf=2026-08-01").json();
        assertThat(august.path("dataLabel").asString()).isEqualTo("2026年1-7月");
        assertThat(august.path("summary").asString())
                .isEqualTo("2026年1-7月完成58亿元，为2026年目标100亿元的58%，序时进度58.3%，落后序时进度0.3个百分点");
    }

    @Test
    void aGrowthDecompositionIsRefusedNamingTheUnitWithoutABaseFigure() {
        Api tjj = Api.as(port, "tjj");
        long area = town(null, "分解基期测试片区");
        long east = town(area, "分解基期东镇");
        long west = town(area, "分解基期西镇");
        record(tjj, "INDUSTRY_VA", area, "2025", "VALUE", "100");
        record(tjj, "INDUSTRY_VA", east, "2025", "VALUE", "60");
        long id = create(tjj, target("INDUSTRY_VA", area, 2026, "GROWTH", "8"));
        List<Map<String, Object>> shares = List.of(share(east, "8"), share(west, "8"));

        Api.Response refused = tjj.post("/api/v1/targets/" + id + "/decompose", Map.of("shares", shares));
        assertThat(refused.status()).isEqualTo(422);
        String westName = units.get(west).name();
        assertThat(refused.json().path("detail").asString()).isEqualTo("「" + westName
                + "」没有2025年（基期）的规模以上工业增加值数据，无法核算分解合计：请先录入该单位的基期数据");
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("shares[1].unitId");
        assertThat(tjj.get("/api/v1/targets/" + id + "/children").json()).isEmpty();

        // With 西镇's base the shares add up: 60 × 1.08 + 40 × 1.08 = 108 = 100 × 1.08.
        record(tjj, "INDUSTRY_VA", west, "2025", "VALUE", "40");
        JsonNode accepted = tjj.post("/api/v1/targets/" + id + "/decompose", Map.of("shares", shares)).json();
        assertThat(accepted.path("sum").decimalValue()).isEqualByComparingTo("108");
        assertThat(accepted.path("gap").decimalValue()).isEqualByComparingTo("0");
        assertThat(accepted.path("children")).hasSize(2);
    }

    @Test
    void aShareCannotSitInsideAnotherSharesUnit() {
        Api tjj = Api.as(port, "tjj");
        long area = town(null, "分解包含测试片区");
        long town = town(area, "分解包含测试镇");
        long village = town(town, "分解包含测试村");
        long id = create(tjj, target("INDUSTRY_VA", area, 2026, "REACH", "100"));

        // 60 + 40 = 100 adds up, but the village's 40 is already part of its town's 60.
        Api.Response refused = tjj.post("/api/v1/targets/" + id + "/decompose", Map.of("shares",
                List.of(share(town, "60"), share(village, "40"))));
        assertThat(refused.status()).isEqualTo(400);
        JsonNode error = refused.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("shares[1].unitId");
        assertThat(error.path("message").asString()).isEqualTo("「" + units.get(village).name() + "」在「"
                + units.get(town).name() + "」之内，不能同时承担分解任务：一个单位的份额已包含其下级单位");
        assertThat(tjj.get("/api/v1/targets/" + id + "/children").json()).isEmpty();
    }

    @Test
    void aDoublingNeedsItsBaseYear() {
        Api tjj = Api.as(port, "tjj");
        long town = town(null, "翻番基期测试镇");
        Api.Response refused = tjj.post("/api/v1/targets", target("INDUSTRY_OUTPUT", town, 2028, "DOUBLE", null));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("baseYear");
        assertThat(tjj.get("/api/v1/targets?unit=" + town).json().path("totalElements").asLong()).isZero();
    }

    // ---- helpers ----

    private long growthTarget(Api tjj, long town, String indicator, String growth) {
        record(tjj, indicator, town, "2025-10", "GROWTH", growth);
        return create(tjj, target(indicator, town, 2025, "GROWTH", "8"));
    }

    private static String light(Api api, long id) {
        return api.get("/api/v1/targets/" + id + "/progress?asOf=2025-11-15").json().path("light").asString();
    }

    private static String summary(Api api, long id) {
        return api.get("/api/v1/targets/" + id + "/progress?asOf=2025-11-15").json().path("summary").asString();
    }

    private static Map<String, Object> rule(String yellow, String red) {
        return Map.of("yellowPoints", new BigDecimal(yellow), "redPoints", new BigDecimal(red));
    }

    /** A region of the test's own under 青河县 (or under another of its own), numbered so names never repeat. */
    private long town(Long parent, String name) {
        long parentId = parent != null ? parent : units.findByCode(DemoCity.QINGHE).orElseThrow().id();
        Map<String, Object> body = new HashMap<>(Map.of("parentId", parentId, "name",
                name + TOWNS.incrementAndGet(), "kind", "REGION"));
        Api.Response created = Api.as(port, "admin").post("/api/v1/org-units", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private static void record(Api tjj, String indicator, long unit, String period, String kind, String value) {
        Api.Response saved = tjj.put("/api/v1/observations", Map.of("indicator", indicator, "unitId", unit,
                "period", period, "kind", kind, "value", new BigDecimal(value)));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private static long create(Api tjj, Map<String, Object> target) {
        Api.Response created = tjj.post("/api/v1/targets", target);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private static Map<String, Object> target(String indicator, long unitId, int year, String comparator,
                                              String value) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("indicator", indicator);
        target.put("unitId", unitId);
        target.put("year", year);
        target.put("comparator", comparator);
        target.put("value", value == null ? null : new BigDecimal(value));
        return target;
    }

    private static Map<String, Object> share(long unitId, String value) {
        return Map.of("unitId", unitId, "value", new BigDecimal(value));
    }
}
