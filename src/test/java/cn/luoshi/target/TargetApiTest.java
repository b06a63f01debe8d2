package cn.luoshi.target;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.indicator.Indicators;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Targets as the statistics bureau sets them and the leader reads them: attainment against time-progress with the
 * same lights as tasks, decomposition that must add up, registration from speeches that never duplicates.
 * The test clock stands at 2026-07-15, so the latest data are those of June (二季度 for GDP).
 */
@LuoshiTest
class TargetApiTest {

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    @Autowired
    Targets targets;

    @Autowired
    Indicators indicators;

    @Autowired
    UserDetailsService users;

    @Test
    void theCityTargetsCarryLightsAgainstTimeProgress() {
        JsonNode progress = Api.as(port, "leader").get("/api/v1/targets/progress?unit=990100&year=2026&asOf=2026-07-15")
                .json();
        JsonNode gdp = find(progress, "到2026年地区生产总值突破2300亿元", "2026年地区生产总值突破2300亿元");
        assertThat(gdp.path("dataPeriod").asString()).isEqualTo("2026Q2");
        assertThat(gdp.path("dataLabel").asString()).isEqualTo("2026年上半年");
        assertThat(gdp.path("seasonal").asBoolean()).isTrue();
        assertThat(gdp.path("timeProgress").asDouble()).isCloseTo(0.465, org.assertj.core.data.Offset.offset(0.001));
        assertThat(gdp.path("light").asString()).isEqualTo("GREEN");
        assertThat(gdp.path("summary").asString()).contains("按上年季节规律", "序时进度46.5%");
        assertThat(gdp.path("children")).hasSize(6);

        JsonNode top = find(progress, "到2026年地区生产总值进入全省前四名", null);
        assertThat(top.path("rank").asInt()).isEqualTo(5);
        assertThat(top.path("light").asString()).isEqualTo("YELLOW");
        assertThat(top.path("summary").asString()).contains("居全省第五", "前四");

        JsonNode average = find(progress, "2026年地区生产总值增速高于全省平均水平", null);
        assertThat(average.path("light").asString()).isEqualTo("GREEN");
        assertThat(average.path("summary").asString()).contains("高于全省平均水平");

        // A growth target is judged by the reported cumulative growth against its rate, not by a nominal amount path:
        // the demo city's official 1-6月 growth of industry is 9.1 + the demo's June wobble (−0.39) = 8.7%.
        JsonNode industry = find(progress, "2026年规模以上工业增加值增长8%", null);
        assertThat(industry.path("milestone").decimalValue()).isEqualByComparingTo("8");
        assertThat(industry.path("growth").decimalValue()).isEqualByComparingTo("8.7");
        assertThat(industry.path("light").asString()).isEqualTo("GREEN");
        assertThat(industry.path("summary").asString()).isEqualTo("2026年1-6月增长8.7%，目标8%，高出0.7个百分点");

        JsonNode placeholder = find(progress, "到2026年地区生产总值突破X亿元", null);
        assertThat(placeholder.path("light").isNull()).isTrue();
        assertThat(placeholder.path("summary").asString()).contains("目标值待定");
    }

    @Test
    void lastYearsMissedTargetIsRedAndACountyFarBelowItsGrowthTargetIsRed() {
        Api leader = Api.as(port, "leader");
        JsonNode lastYear = leader.get("/api/v1/targets/progress?unit=990100&year=2025&asOf=2026-07-15").json();
        JsonNode missed = find(lastYear, "2025年地区生产总值突破2200亿元", null);
        assertThat(missed.path("light").asString()).isEqualTo("RED");
        assertThat(missed.path("dataLabel").asString()).isEqualTo("2025年");
        JsonNode county = leader.get("/api/v1/targets/progress?unit=990121&year=2026&asOf=2026-07-15").json();
        // 临江县's official 1-6月 investment growth: the city's 5.6, its offset −0.8 and the June wobble −0.38 = 4.4%,
        // 25 − 4.4 = 20.6 points short: red (on the nominal amount path it used to look merely yellow).
        JsonNode investment = find(county, "2026年固定资产投资增长25%", null);
        assertThat(investment.path("light").asString()).isEqualTo("RED");
        assertThat(investment.path("summary").asString()).isEqualTo("2026年1-6月增长4.4%，目标25%，落后20.6个百分点");
    }

    @Test
    void aTargetFarBehindTimeProgressIsRedAndOneBehindIsYellow() {
        Api tjj = Api.as(port, "tjj");
        long qinghe = unit(DemoCity.QINGHE);
        JsonNode red = tjj.post("/api/v1/targets", target("GDP", qinghe, 2026, "REACH", "1000")).json();
        JsonNode yellow = tjj.post("/api/v1/targets", target("GDP", qinghe, 2026, "REACH", "330")).json();
        JsonNode green = tjj.post("/api/v1/targets", target("GDP", qinghe, 2026, "REACH", "250")).json();
        assertThat(light(tjj, red)).isEqualTo("RED");
        assertThat(light(tjj, yellow)).isEqualTo("YELLOW");
        assertThat(light(tjj, green)).isEqualTo("GREEN");
        // Seen from the last days of the year, a target not yet reached turns blue ("due soon") at best.
        JsonNode lateYear = tjj.get("/api/v1/targets/" + green.path("id").asLong() + "/progress?asOf=2026-12-28")
                .json();
        assertThat(lateYear.path("light").asString()).isIn("BLUE", "YELLOW", "RED");
    }

    @Test
    void aDecompositionThatDoesNotAddUpIsRefusedUnlessTheGapIsAccepted() {
        Api tjj = Api.as(port, "tjj");
        long city = unit(DemoCity.CITY);
        JsonNode parent = tjj.post("/api/v1/targets", target("TECH_CONTRACTS", city, 2027, "REACH", "150")).json();
        long id = parent.path("id").asLong();
        List<Map<String, Object>> shares = List.of(share(DemoCity.CHENGGUAN, "60"), share(DemoCity.GAOXIN, "70"),
                share(DemoCity.JIANGNAN, "10"));
        Api.Response refused = tjj.post("/api/v1/targets/" + id + "/decompose", Map.of("shares", shares));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("detail").asString()).contains("分解合计 140", "目标 150", "少 10亿元");
        assertThat(tjj.get("/api/v1/targets/" + id + "/children").json()).isEmpty();

        JsonNode accepted = tjj.post("/api/v1/targets/" + id + "/decompose",
                Map.of("shares", shares, "acceptGap", true)).json();
        assertThat(accepted.path("gap").decimalValue()).isEqualByComparingTo("10");
        assertThat(accepted.path("warning").asString()).isEqualTo("分解合计140亿元，比目标150亿元少10亿元");
        assertThat(accepted.path("parent").path("acceptedGap").decimalValue()).isEqualByComparingTo("10");
        assertThat(accepted.path("children")).hasSize(3);

        JsonNode exact = tjj.post("/api/v1/targets/" + id + "/decompose", Map.of("shares", List.of(
                share(DemoCity.CHENGGUAN, "60"), share(DemoCity.GAOXIN, "90")))).json();
        assertThat(exact.path("gap").decimalValue()).isEqualByComparingTo("0");
        assertThat(exact.path("parent").path("acceptedGap").isNull()).isTrue();
        assertThat(tjj.get("/api/v1/targets/" + id + "/children").json()).hasSize(2);

        Api.Response outside = tjj.post("/api/v1/targets/" + id + "/decompose", Map.of("shares",
                List.of(share(DemoCity.PEER_CITY, "150"))));
        assertThat(outside.status()).isEqualTo(400);
    }

    @Test
    void aDistrictSeesOnlyItsOwnTargetsAndIsToldOfTheOnesItReceives() {
        Api cgq = Api.as(port, "cgq");
        JsonNode list = cgq.get("/api/v1/targets?size=200").json();
        // The district's list is the city's list of the district's own targets, nothing more and nothing less.
        JsonNode seenFromCity = Api.as(port, "leader").get("/api/v1/targets?size=200&unit="
                + units.findByCode(DemoCity.CHENGGUAN).orElseThrow().id()).json();
        assertThat(list.path("content").valueStream().map(t -> t.path("id").asLong()).toList())
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(seenFromCity.path("content").valueStream()
                        .map(t -> t.path("id").asLong()).toList());
        assertThat(list.toString()).doesNotContain("江南区").doesNotContain("示例市：");
        list.path("content").forEach(t -> assertThat(t.path("unitName").asString()).isEqualTo("城关区"));
        JsonNode cityTarget = Api.as(port, "leader").get("/api/v1/targets?unit=990100&year=2026").json()
                .path("content").get(0);
        assertThat(cgq.get("/api/v1/targets/" + cityTarget.path("id").asLong()).status()).isEqualTo(404);
        assertThat(cgq.get("/api/v1/notifications?q=下达目标").body()).contains("下达目标");
        assertThat(cgq.post("/api/v1/targets", target("GDP", unit(DemoCity.CHENGGUAN), 2026, "REACH", "700"))
                .status()).isEqualTo(403);
    }

    @Test
    void publishingAndEditingAreAudited() {
        Api tjj = Api.as(port, "tjj");
        JsonNode created = tjj.post("/api/v1/targets", target("RETAIL", unit(DemoCity.LINJIANG), 2027, "GROWTH", "6"))
                .json();
        long id = created.path("id").asLong();
        assertThat(created.path("status").asString()).isEqualTo("DRAFT");
        JsonNode published = tjj.post("/api/v1/targets/" + id + "/publish", Map.of("version", 0)).json();
        assertThat(published.path("status").asString()).isEqualTo("PUBLISHED");
        Map<String, Object> changed = target("RETAIL", unit(DemoCity.LINJIANG), 2027, "GROWTH", "7");
        JsonNode edited = tjj.put("/api/v1/targets/" + id, Map.of("target", changed, "version",
                published.path("version").asInt())).json();
        assertThat(edited.path("wording").asString()).isEqualTo("2027年社会消费品零售总额增长7%");
        assertThat(tjj.put("/api/v1/targets/" + id, Map.of("target", changed, "version", 0)).status())
                .isEqualTo(409);
        JsonNode audit = Api.as(port, "leader").get("/api/v1/audit/events?entityType=Target&entityId=" + id).json();
        assertThat(audit.path("content").findValuesAsString("action"))
                .contains("target.created", "target.published", "target.updated");
    }

    @Test
    void aSpeechRegistersATargetOnceAndFindsItsIndicatorByAnyName() {
        assertThat(indicators.findByName("地区生产总值").orElseThrow().code()).isEqualTo("GDP");
        assertThat(indicators.findByName("GDP").orElseThrow().code()).isEqualTo("GDP");
        assertThat(indicators.findByName("gdp").orElseThrow().code()).isEqualTo("GDP");
        assertThat(indicators.findByName("生产总值").orElseThrow().code()).isEqualTo("GDP");
        assertThat(indicators.findByName("工业总产值").orElseThrow().code()).isEqualTo("INDUSTRY_OUTPUT");
        assertThat(indicators.findByName("规模工业增加值").orElseThrow().code()).isEqualTo("INDUSTRY_VA");
        assertThat(indicators.findByName("社会消费品零售总额（亿元）").orElseThrow().code()).isEqualTo("RETAIL");
        assertThat(indicators.findByName("城镇化率").orElseThrow().code()).isEqualTo("URBANIZATION");

        LuoshiUser supervisor = (LuoshiUser) users.loadUserByUsername("duchashi");
        NewTarget fromSpeech = new NewTarget("GDP", unit(DemoCity.CITY), 2028, 2025, TargetComparator.EXCEED, null,
                null, null, null, "力争到2028年，GDP突破X亿元", null, new TargetSource(4242L, "001:3120-3139"), false);
        Target first = targets.register(fromSpeech, supervisor);
        Target again = targets.register(fromSpeech, supervisor);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.wording()).isEqualTo("到2028年地区生产总值突破X亿元");
        assertThat(first.sourceMeetingId()).isEqualTo(4242L);
        long count = targets.list(unit(DemoCity.CITY), 2028, null, supervisor, new cn.luoshi.common.web.Paging(0, 50))
                .content().stream().filter(t -> "001:3120-3139".equals(t.sourceKey())).count();
        assertThat(count).isEqualTo(1);
    }

    @Test
    void aMultiYearDoublingAsksTheCompoundPathOfEachYear() {
        Api tjj = Api.as(port, "tjj");
        Map<String, Object> doubling = target("INDUSTRY_OUTPUT", unit(DemoCity.GAOXIN), 2027, "DOUBLE", null);
        doubling.put("baseYear", 2024);
        JsonNode created = tjj.post("/api/v1/targets", doubling).json();
        assertThat(created.path("wording").asString()).isEqualTo("到2027年规模以上工业总产值比2024年翻一番");
        JsonNode progress = tjj.get("/api/v1/targets/" + created.path("id").asLong() + "/progress?year=2026"
                + "&asOf=2026-07-15").json();
        // Base 2024 × 2^(2/3): two thirds of the way to doubling, in compound terms.
        BigDecimal base2024 = tjj.get("/api/v1/observations?indicator=INDUSTRY_OUTPUT&unit=990103&kind=VALUE"
                + "&from=2024&to=2024").json().path("content").findValues("value").stream()
                .map(JsonNode::decimalValue).reduce((a, b) -> b).orElseThrow();
        assertThat(progress.path("milestone").decimalValue().doubleValue())
                .isCloseTo(base2024.doubleValue() * Math.pow(2, 2.0 / 3), org.assertj.core.data.Offset.offset(0.05));
    }

    private String light(Api api, JsonNode target) {
        return api.get("/api/v1/targets/" + target.path("id").asLong() + "/progress?asOf=2026-07-15").json()
                .path("light").asString();
    }

    private static JsonNode find(JsonNode progress, String wording, String alternative) {
        for (JsonNode p : progress) {
            String w = p.path("target").path("wording").asString();
            if (w.equals(wording) || w.equals(alternative)) {
                return p;
            }
        }
        throw new AssertionError("no target " + wording + " in " + progress);
    }

    private Map<String, Object> target(String indicator, long unitId, int year, String comparator, String value) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("indicator", indicator);
        target.put("unitId", unitId);
        target.put("year", year);
        target.put("comparator", comparator);
        target.put("value", value == null ? null : new BigDecimal(value));
        return target;
    }

    private Map<String, Object> share(String code, String value) {
        return Map.of("unitId", unit(code), "value", new BigDecimal(value));
    }

    private long unit(String code) {
        return units.findByCode(code).orElseThrow().id();
    }
}
