package cn.luoshi.cockpit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.UserAccounts;
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
 * {@code GET /api/v1/cockpit} on a region of its own ({@link CockpitFixture}), with every figure worked out by hand,
 * and the lists its links open giving the same counts.
 */
@LuoshiTest
class CockpitApiTest {

    private static final Pattern TOTAL = Pattern.compile("共 (\\d+) 条");

    @LocalServerPort
    int port;
    @Autowired
    OrgUnits units;
    @Autowired
    UserAccounts accounts;
    @Autowired
    MutableClock clock;

    CockpitFixture f;

    @BeforeEach
    void fixture() {
        f = CockpitFixture.get(port, units, accounts, clock);
        clock.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void keyTasksOfTheRegionToday() {
        JsonNode v = f.cockpit(null);
        assertThat(v.path("asOf").asString()).isEqualTo("2026-06");
        assertThat(v.path("latest").asString()).isEqualTo("2026-06");
        assertThat(v.path("monthEnd").asString()).isEqualTo("2026-06-30");
        assertThat(v.path("region").path("name").asString()).isEqualTo(f.r1Name);
        JsonNode t = v.path("tasks");
        assertThat(t.path("total").path("value").asLong()).isEqualTo(6);
        // T6 draft; T2, T3 issued; T1 signed for; T5 reported on; T4 completed
        assertThat(counts(t.path("byStatus"), "DRAFT", "ASSIGNED", "ACCEPTED", "IN_PROGRESS",
                "COMPLETION_REQUESTED", "COMPLETED", "CANCELLED")).containsExactly(1L, 2L, 1L, 1L, 0L, 1L, 0L);
        // the open ones T1 red, T5 yellow, T3 blue, T2 green
        assertThat(counts(t.path("openByLight"), "RED", "YELLOW", "BLUE", "GREEN"))
                .containsExactly(1L, 1L, 1L, 1L);
        assertThat(t.path("urgent")).hasSize(1);
        JsonNode urgent = t.path("urgent").get(0);
        assertThat(urgent.path("id").asLong()).isEqualTo(f.tasks.get("T1"));
        assertThat(urgent.path("overdueDays").asLong()).isEqualTo(15);
        assertThat(urgent.path("leadUnit").asString()).isEqualTo("甲区工信局" + f.tag);
        // 督办 (level 3) and above come from the daily round, which may or may not have run today, and from the office:
        // the figure is what the tasks say
        long supervised = f.tasks.values().stream()
                .filter(id -> f.as(f.supervisor).get("/api/v1/tasks/" + id).json().path("escalationLevel").asInt() >= 3)
                .count();
        assertThat(t.path("supervised").path("value").asLong()).isEqualTo(supervised);

        // 赛马: D2 leads T2 and T4 (one completed, the draft T6 left out): 50%; D1 leads T1, T3, T5 and co-operates
        // on T2, none completed: 0%; the park has no task and is not listed
        JsonNode race = t.path("race");
        assertThat(race).hasSize(2);
        assertThat(race.get(0).path("unitId").asLong()).isEqualTo(f.d2);
        assertThat(race.get(0).path("tasks").path("value").asLong()).isEqualTo(2);
        assertThat(race.get(0).path("completed").path("value").asLong()).isEqualTo(1);
        assertThat(race.get(0).path("rate").asDouble()).isEqualTo(50.0);
        assertThat(race.get(1).path("unitId").asLong()).isEqualTo(f.d1);
        assertThat(race.get(1).path("tasks").path("value").asLong()).isEqualTo(4);
        assertThat(race.get(1).path("rate").asDouble()).isEqualTo(0.0);

        // June's instructions: T5's was answered by D1's report of 06-25, T1's not; the later one is listed first
        JsonNode instructions = t.path("instructions");
        assertThat(instructions.path("total").path("value").asLong()).isEqualTo(2);
        assertThat(instructions.path("answered").path("value").asLong()).isEqualTo(1);
        assertThat(instructions.path("items").get(0).path("taskId").asLong()).isEqualTo(f.tasks.get("T5"));
        assertThat(instructions.path("items").get(0).path("answered").asBoolean()).isTrue();
        assertThat(instructions.path("items").get(0).path("answeredAt").asString()).startsWith("2026-06-25T10:00");
        assertThat(instructions.path("items").get(1).path("taskId").asLong()).isEqualTo(f.tasks.get("T1"));
        assertThat(instructions.path("items").get(1).path("answered").asBoolean()).isFalse();
        // in May there were none
        assertThat(f.cockpit("2026-05").path("tasks").path("instructions").path("total").path("value").asLong())
                .isZero();
    }

    @Test
    void taskLinksListTheSameTasks() {
        JsonNode t = f.cockpit(null).path("tasks");
        List<JsonNode> counts = new ArrayList<>();
        t.path("byStatus").forEach(counts::add);
        t.path("openByLight").forEach(counts::add);
        counts.add(t.path("supervised"));
        counts.add(t.path("total"));
        t.path("race").forEach(r -> {
            counts.add(r.path("tasks"));
            counts.add(r.path("completed"));
        });
        for (JsonNode count : counts) {
            String link = count.path("link").asString();
            assertThat(link).startsWith("/tasks");
            // the board's API takes the board's filters; the page shows the same total
            long listed = f.as(f.leader).get("/api/v1" + link + (link.contains("?") ? "&" : "?") + "size=1").json()
                    .path("totalElements").asLong();
            assertThat(listed).as(link).isEqualTo(count.path("value").asLong());
            assertThat(pageTotal(f.leader, link)).as(link).isEqualTo(count.path("value").asLong());
        }
    }

    @Test
    void mainIndicatorsWithOfficialGrowthTargetAndRank() {
        JsonNode ind = f.cockpit(null).path("indicators");
        assertThat(ind.path("period").asString()).isEqualTo("2026-06");
        assertThat(ind.path("area").asString()).isEqualTo("全市");
        assertThat(ind.path("setSource").asString()).isEqualTo("本地区设定");
        assertThat(ind.path("lines")).hasSize(2);
        JsonNode va = ind.path("lines").get(0);
        assertThat(va.path("code").asString()).isEqualTo("INDUSTRY_VA");
        assertThat(va.path("value").decimalValue()).isEqualByComparingTo("60");
        assertThat(va.path("valuePeriod").asString()).isEqualTo("2026年1-6月");
        assertThat(va.path("growth").decimalValue()).isEqualByComparingTo("9.0");
        assertThat(va.path("currentPriceGrowth").isNull()).isTrue();
        // 60 of 200 is 30% against half the year: more than 10 points behind, so yellow
        assertThat(va.path("target").path("attainment").asDouble()).isEqualTo(0.3);
        assertThat(va.path("target").path("timeProgress").asDouble()).isEqualTo(0.5);
        assertThat(va.path("target").path("light").asString()).isEqualTo("YELLOW");
        // June: 丙区 9.5, 甲区 9.0, 乙区 8.0 → second; May: 乙区 8.7, 丙区 8.6, 甲区 8.5 → third: up one
        assertThat(va.path("rank").asInt()).isEqualTo(2);
        assertThat(va.path("ranked").asInt()).isEqualTo(3);
        assertThat(va.path("rankPhrase").asString()).isEqualTo("增速居全市第二");
        assertThat(va.path("previousRank").asInt()).isEqualTo(3);
        assertThat(va.path("previousPeriod").asString()).isEqualTo("2026年1-5月");
        assertThat(va.path("rankChange").asInt()).isEqualTo(1);
        // January 丙区 7.0 > 乙区 6.0 > 甲区 5.0; February 乙区 6.5 > 甲区 6.0; March and April 甲区 first
        assertThat(ints(va.path("ranks"))).containsExactly(3, 2, 1, 1, 3, 2);
        JsonNode gdp = ind.path("lines").get(1);
        assertThat(gdp.path("code").asString()).isEqualTo("GDP");
        assertThat(gdp.path("value").isNull()).isTrue();
        assertThat(gdp.path("rank").isNull()).isTrue();
        assertThat(gdp.path("target").isNull()).isTrue();

        // as of May: 50 of 200 is 25% against 5/12; third after first in April: down two
        JsonNode may = f.cockpit("2026-05").path("indicators").path("lines").get(0);
        assertThat(may.path("value").decimalValue()).isEqualByComparingTo("50");
        assertThat(may.path("rank").asInt()).isEqualTo(3);
        assertThat(may.path("rankChange").asInt()).isEqualTo(-2);
        assertThat(may.path("previousPeriod").asString()).isEqualTo("2026年1-4月");
        assertThat(ints(may.path("ranks"))).containsExactly(3, 2, 1, 1, 3);

        // the rankings page the rank links to says the same
        String rankings = page(f.leader, va.path("rankLink").asString());
        assertThat(rankings).contains("增速居全市第二");
    }

    @Test
    void keyProjectsByProgramme() {
        JsonNode p = f.cockpit(null).path("projects");
        assertThat(p.path("year").asInt()).isEqualTo(2026);
        assertThat(p.path("throughMonth").asInt()).isEqualTo(6);
        JsonNode total = p.path("total");
        // P1 and P3 start in 2026 (P1 has started), P2 and P3 end in 2026 (P2 has); P1 and P3 are red
        assertThat(values(total, "projects", "red", "starts", "started", "ends", "ended"))
                .containsExactly(3L, 2L, 2L, 1L, 2L, 1L);
        // plans 1200 + 600 + 240; evenly spread, 170 a month, 1020 through June; P1 completed 6 × 20
        assertThat(total.path("planned").decimalValue()).isEqualByComparingTo("2040");
        assertThat(total.path("plannedToDate").decimalValue()).isEqualByComparingTo("1020");
        assertThat(total.path("completed").decimalValue()).isEqualByComparingTo("120");
        assertThat(total.path("rate").asDouble()).isEqualTo(5.9);
        assertThat(total.path("months").get(5).path("completedToDate").decimalValue()).isEqualByComparingTo("120");
        assertThat(total.path("months").get(6).path("completedToDate").isNull()).isTrue();
        assertThat(p.path("programmes")).hasSize(1);
        JsonNode p122 = p.path("programmes").get(0);
        assertThat(p122.path("programme").asString()).isEqualTo("122");
        assertThat(values(p122, "projects", "red", "starts", "started", "ends", "ended"))
                .containsExactly(2L, 1L, 1L, 1L, 1L, 1L);
        assertThat(p122.path("planned").decimalValue()).isEqualByComparingTo("1800");
        assertThat(p122.path("rate").asDouble()).isEqualTo(6.7);
        assertThat(p.path("red").findValuesAsString("name")).containsExactly("甲区技改项目" + f.tag,
                "甲区前期项目" + f.tag);

        for (JsonNode g : List.of(total, p122)) {
            for (String k : List.of("projects", "red", "starts", "started", "ends", "ended")) {
                String link = g.path(k).path("link").asString();
                assertThat(pageTotal(f.leader, link)).as(link).isEqualTo(g.path(k).path("value").asLong());
            }
        }
    }

    @Test
    void appealsOfTheYearAndOverdueToday() {
        JsonNode a = f.cockpit(null).path("appeals");
        assertThat(a.path("from").asString()).isEqualTo("2026-01-01");
        assertThat(a.path("to").asString()).isEqualTo("2026-06-30");
        assertThat(a.path("received").path("value").asLong()).isEqualTo(2);
        // A1 signed for and answered in time and rated satisfied; A2 past both deadlines without either
        assertThat(a.path("responseRate").asDouble()).isEqualTo(50.0);
        assertThat(a.path("onTimeRate").asDouble()).isEqualTo(50.0);
        assertThat(a.path("resolutionRate").asDouble()).isEqualTo(50.0);
        assertThat(a.path("satisfactionRate").asDouble()).isEqualTo(100.0);
        assertThat(a.path("topCategories").findValuesAsString("code")).containsExactly("FUNDING", "POWER");
        assertThat(a.path("overdue").path("value").asLong()).isEqualTo(1);
        assertThat(a.path("overdueList").get(0).path("id").asLong()).isEqualTo(f.appeals.get("A2"));

        // the statistics page behind "received" counts the same period the same way
        String received = a.path("received").path("link").asString();
        JsonNode stats = f.as(f.leader).get(received.replace("/appeals/dashboard", "/api/v1/appeals/stats"))
                .json().path("overall");
        assertThat(stats.path("total").asLong()).isEqualTo(2);
        assertThat(stats.path("onTimeRate").asDouble()).isEqualTo(50.0);
        String overdue = a.path("overdue").path("link").asString();
        assertThat(pageTotal(f.leader, overdue)).isEqualTo(1);
        assertThat(f.as(f.leader).get("/api/v1" + overdue).json().path("totalElements").asLong()).isEqualTo(1);
        assertThat(a.path("topCategories").get(0).path("received").path("link").asString())
                .isEqualTo("/appeals/dashboard?category=FUNDING&from=2026-01-01&to=2026-06-30");
        // no per-mu evaluation was published in this region
        assertThat(f.cockpit(null).path("perMu").isNull()).isTrue();
    }

    @Test
    void demoCityPerMuGradesLinkToTheRunsResults() {
        JsonNode pm = Api.as(port, "duchashi").get("/api/v1/cockpit").json().path("perMu");
        assertThat(pm.isNull()).isFalse();
        long sum = 0;
        for (String grade : List.of("A", "B", "C", "D")) {
            JsonNode count = pm.path("grades").path(grade);
            assertThat(pageTotal("duchashi", count.path("link").asString())).as(grade)
                    .isEqualTo(count.path("value").asLong());
            sum += count.path("value").asLong();
        }
        JsonNode park = pm.path("parks").get(0);
        long parkSum = 0;
        for (String grade : List.of("A", "B", "C", "D")) {
            JsonNode count = park.path("grades").path(grade);
            assertThat(pageTotal("duchashi", count.path("link").asString())).as(grade)
                    .isEqualTo(count.path("value").asLong());
            parkSum += count.path("value").asLong();
        }
        assertThat(parkSum).isLessThanOrEqualTo(sum);
        assertThat(pm.path("rated").asLong()).isEqualTo(sum);
    }

    @Test
    void aMonthThatCannotBeReadIsRefused() {
        for (String bad : List.of("2026-07", "2026-13", "2026-6", "junk", "1999-12", "2026-06-01")) {
            Api.Response r = f.as(f.leader).get("/api/v1/cockpit?asOf=" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("detail").asString()).contains("2026-06");
        }
        assertThat(Api.as(port, "qiye1").get("/api/v1/cockpit").status()).isEqualTo(403);
    }

    @Test
    void indicatorSetsAreChosenByStatisticiansAndInherited() {
        // 乙区 has no set of its own and 测试市 none either: the default set
        JsonNode inherited = f.as("admin").get("/api/v1/cockpit/indicators?region=" + f.r2).json();
        assertThat(inherited.path("source").asString()).isEqualTo("DEFAULT");
        assertThat(inherited.path("indicators").findValuesAsString("code")).containsExactly("GDP", "INDUSTRY_VA",
                "FAI", "RETAIL", "FISCAL_GENERAL", "FOREIGN_TRADE");
        JsonNode own = f.as(f.leader).get("/api/v1/cockpit/indicators").json();
        assertThat(own.path("regionId").asLong()).isEqualTo(f.r1);
        assertThat(own.path("source").asString()).isEqualTo("OWN");
        assertThat(own.path("indicators").findValuesAsString("code")).containsExactly("INDUSTRY_VA", "GDP");
        // a leader may not choose, an unknown code or an empty set is refused and changes nothing
        assertThat(f.as(f.leader).put("/api/v1/cockpit/indicators/" + f.r1,
                java.util.Map.of("indicators", List.of("GDP"))).status()).isEqualTo(403);
        Api.Response unknown = f.as("admin").put("/api/v1/cockpit/indicators/" + f.r1,
                java.util.Map.of("indicators", List.of("GDP", "NO_SUCH")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").toString()).contains("NO_SUCH");
        assertThat(f.as("admin").put("/api/v1/cockpit/indicators/" + f.r1,
                java.util.Map.of("indicators", List.of())).status()).isEqualTo(400);
        // tjj's scope is 示例市: 测试市's districts are not found for it
        assertThat(Api.as(port, "tjj").put("/api/v1/cockpit/indicators/" + f.r2,
                java.util.Map.of("indicators", List.of("GDP"))).status()).isEqualTo(404);
        assertThat(f.as(f.leader).get("/api/v1/cockpit/indicators").json().path("indicators")
                .findValuesAsString("code")).containsExactly("INDUSTRY_VA", "GDP");
        // a set for 测试市 is what 乙区 shows until it has its own
        try {
            f.as("admin").put("/api/v1/cockpit/indicators/" + f.city,
                    java.util.Map.of("indicators", List.of("FISCAL_GENERAL", "RETAIL")));
            JsonNode now = f.as("admin").get("/api/v1/cockpit/indicators?region=" + f.r2).json();
            assertThat(now.path("source").asString()).isEqualTo("INHERITED");
            assertThat(now.path("inheritedFrom").asString()).isEqualTo(f.cityName);
            assertThat(now.path("indicators").findValuesAsString("code")).containsExactly("FISCAL_GENERAL", "RETAIL");
            JsonNode audit = f.as("admin").get("/api/v1/audit/events?action=cockpit.indicators.chosen&entityId=" + f.city).json();
            assertThat(audit.toString()).contains("设定" + f.cityName + "驾驶舱主要经济指标：一般公共预算收入、社会消费品零售总额");
        } finally {
            f.as("admin").delete("/api/v1/cockpit/indicators/" + f.city);
        }
        assertThat(f.as("admin").get("/api/v1/cockpit/indicators?region=" + f.r2).json().path("source").asString())
                .isEqualTo("DEFAULT");
    }

    // ---- helpers

    /** The count a list page shows in its pager ("共 N 条"); no pager means an empty list. */
    long pageTotal(String user, String link) {
        String html = page(user, link);
        Matcher m = TOTAL.matcher(html);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    String page(String user, String link) {
        Api api = Api.as(port, user);
        Api.Response r = api.send(api.builder(link).setHeader("Accept", "text/html"));
        assertThat(r.status()).as(link).isEqualTo(200);
        return r.body();
    }

    static List<Long> counts(JsonNode map, String... keys) {
        List<Long> values = new ArrayList<>();
        for (String k : keys) {
            values.add(map.path(k).path("value").asLong());
        }
        return values;
    }

    static List<Long> values(JsonNode node, String... keys) {
        return counts(node, keys);
    }

    static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(n -> values.add(n.isNull() ? null : n.asInt()));
        return values;
    }
}
