package cn.luoshi.cockpit;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
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
import cn.luoshi.task.EvidenceUploads;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.MutableClock;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A region of its own for the cockpit's exact figures, so the demo city's data never moves them: 测试市 (under
 * 友邻市) with three districts 甲区, 乙区, 丙区; 甲区 has two departments and a park, a leader, a supervision office
 * and handlers. Built once per test run through the HTTP API as the offices would, at fixed times in June 2026, and
 * the clock is put back to the tests' start (2026-07-15 09:00) afterwards.
 *
 * <p>What 甲区's leader should see on 2026-07-15 (worked out by hand below each part):
 * tasks T1 (D1, due 06-30, accepted: red, 15 days overdue), T2 (D2 with D1 as co-unit, 07-01 → 12-31, issued:
 * green), T3 (D1, 07-15 → 07-20, issued: blue, due in 5 days), T4 (D2, completed), T5 (D1, 04-01 → 12-31, 10%
 * reported: time-progress 105/274 = 38.3%, 28.3 points behind: yellow), T6 (D2, draft). Instructions on 06-20 on
 * T1 (never answered) and T5 (answered by D1's report of 06-25).
 */
final class CockpitFixture {

    private static CockpitFixture instance;

    final String tag;
    final String cityName;
    final String r1Name;
    final long city;
    final long r1;
    final long r2;
    final long r3;
    final long d1;
    final long d2;
    final long park;
    final String leader;
    final String supervisor;
    final String handler1;
    final String head1;
    final String handler2;
    final Map<String, Long> tasks = new LinkedHashMap<>();
    final Map<String, Long> projects = new LinkedHashMap<>();
    final Map<String, Long> appeals = new LinkedHashMap<>();
    final int port;

    static synchronized CockpitFixture get(int port, OrgUnits units, UserAccounts accounts, MutableClock clock) {
        if (instance == null) {
            instance = new CockpitFixture(port, units, accounts, clock);
        }
        return instance;
    }

    private CockpitFixture(int port, OrgUnits units, UserAccounts accounts, MutableClock clock) {
        this.port = port;
        this.tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        OrgUnit peer = units.findByCode(DemoCity.PEER_CITY).orElseThrow();
        cityName = "测试" + tag + "市";
        r1Name = "甲" + tag + "区";
        city = units.createSystem(peer.id(), null, cityName, OrgUnitKind.REGION, 90).id();
        r1 = units.createSystem(city, null, r1Name, OrgUnitKind.REGION, 1).id();
        r2 = units.createSystem(city, null, "乙" + tag + "区", OrgUnitKind.REGION, 2).id();
        r3 = units.createSystem(city, null, "丙" + tag + "区", OrgUnitKind.REGION, 3).id();
        d1 = units.createSystem(r1, null, "甲区工信局" + tag, OrgUnitKind.DEPARTMENT, 10).id();
        d2 = units.createSystem(r1, null, "甲区发改局" + tag, OrgUnitKind.DEPARTMENT, 11).id();
        long office = units.createSystem(r1, null, "甲区督查室" + tag, OrgUnitKind.DEPARTMENT, 12).id();
        park = units.createSystem(r1, null, "甲区园区" + tag, OrgUnitKind.PARK, 20).id();
        leader = user(accounts, "ld", "甲区 区长", r1, null, Role.LEADER);
        supervisor = user(accounts, "dc", "甲区 督查室", office, r1, Role.SUPERVISOR);
        handler1 = user(accounts, "h1", "甲区工信局 经办", d1, null, Role.UNIT_HANDLER);
        head1 = user(accounts, "hd1", "甲区工信局 局长", d1, null, Role.UNIT_HEAD);
        handler2 = user(accounts, "h2", "甲区发改局 经办", d2, null, Role.UNIT_HANDLER);
        try {
            tasks(clock);
            appeals(clock);
        } finally {
            clock.reset();
        }
        projects();
        statistics();
    }

    private String user(UserAccounts accounts, String prefix, String name, long unit, Long scope, Role role) {
        String username = "ck" + tag + prefix;
        accounts.createSystem(new NewUser(username, name + tag, Api.PASSWORD, unit, scope, Set.of(role), null, null));
        return username;
    }

    Api as(String username) {
        return Api.as(port, username);
    }

    static ZonedDateTime at(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, ZoneId.of("Asia/Shanghai"));
    }

    // ---- tasks

    private void tasks(MutableClock clock) {
        clock.set(at(6, 10, 9, 0));
        tasks.put("T1", task("逾期任务", d1, null, "2026-01-01", "2026-06-30", true));
        step(handler1, tasks.get("T1"), "ACCEPT");
        tasks.put("T2", task("配合任务", d2, d1, "2026-07-01", "2026-12-31", true));
        tasks.put("T3", task("临期任务", d1, null, "2026-07-15", "2026-07-20", true));
        tasks.put("T4", task("办结任务", d2, null, "2026-01-01", "2026-12-31", true));
        step(handler2, tasks.get("T4"), "ACCEPT");
        ok(EvidenceUploads.report(as(handler2), tasks.get("T4"), 100, "全部完成", "验收报告.pdf",
                EvidenceUploads.PDF));
        step(handler2, tasks.get("T4"), "REQUEST_COMPLETION");
        step(supervisor, tasks.get("T4"), "APPROVE_COMPLETION");
        tasks.put("T5", task("落后任务", d1, null, "2026-04-01", "2026-12-31", true));
        step(handler1, tasks.get("T5"), "ACCEPT");
        tasks.put("T6", task("草稿任务", d2, null, "2026-07-01", "2026-12-31", false));

        clock.set(at(6, 20, 10, 0));
        ok(as(leader).post("/api/v1/tasks/" + tasks.get("T1") + "/instructions", Map.of("text", "务必限期完成")));
        ok(as(leader).post("/api/v1/tasks/" + tasks.get("T5") + "/instructions", Map.of("text", "加快进度")));
        clock.set(at(6, 25, 10, 0));
        ok(as(handler1).post("/api/v1/tasks/" + tasks.get("T5") + "/progress", Map.of("percent", 10,
                "text", "已按批示部署")));
    }

    private long task(String title, long lead, Long co, String start, String due, boolean assign) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title + tag);
        body.put("leadUnitId", lead);
        if (co != null) {
            body.put("coUnitIds", List.of(co));
        }
        body.put("startDate", start);
        body.put("dueDate", due);
        body.put("assign", assign);
        Api.Response created = as(supervisor).post("/api/v1/tasks", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private void step(String user, long task, String action) {
        int version = as(user).get("/api/v1/tasks/" + task).json().path("version").asInt();
        ok(as(user).post("/api/v1/tasks/" + task + "/transitions", Map.of("action", action, "version", version)));
    }

    // ---- appeals: A1 (水电气, D1) signed for, answered and rated satisfied in June; A2 (融资, D2) never signed for

    private void appeals(MutableClock clock) {
        clock.set(at(6, 10, 10, 0));
        long a1 = appeal("POWER", "二期厂房用电增容", d1);
        clock.set(at(6, 10, 10, 30));
        int v = as(handler1).get("/api/v1/appeals/" + a1).json().path("version").asInt();
        v = ok(as(handler1).post("/api/v1/appeals/" + a1 + "/transitions", Map.of("action", "ACCEPT", "version", v)))
                .json().path("version").asInt();
        clock.set(at(6, 11, 10, 0));
        v = ok(as(handler1).post("/api/v1/appeals/" + a1 + "/transitions", Map.of("action", "ANSWER", "version", v,
                "answer", "已协调供电公司增容"))).json().path("version").asInt();
        clock.set(at(6, 12, 10, 0));
        ok(as("qiye1").post("/api/v1/appeals/" + a1 + "/rating", Map.of("rating", "SATISFIED", "version", v)));
        appeals.put("A1", a1);
        clock.set(at(6, 15, 10, 0));
        appeals.put("A2", appeal("FUNDING", "流动资金贷款续贷", d2));
    }

    private long appeal(String category, String title, long unit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("creditCode", DemoCity.QIYE1_CREDIT_CODE);
        body.put("enterpriseName", "示例重工机械有限公司");
        body.put("contactName", "王经理");
        body.put("contactPhone", "0714-6200999");
        body.put("categoryCode", category);
        body.put("title", title + tag);
        body.put("content", title + "，编号" + tag + category);
        body.put("channel", "STAFF_VISIT");
        body.put("responsibleUnitId", unit);
        body.put("confirmDuplicate", true);
        Api.Response filed = as(supervisor).post("/api/v1/appeals", body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().path("id").asLong();
    }

    // ---- projects (万元), 2026, plans spread evenly over the months:
    // P1 "122", D1, 2026-2027, 开工, plan 1200, 20 completed in each of Jan-Jun (120: 10% against 50%: red);
    // P2 "122", D2, 2025-2026, 竣工, plan 600 (finished: green); P3 no programme, D1, 2026-2026, 前期, plan 240,
    // nothing completed (red).

    private void projects() {
        projects.put("P1", project("甲区技改项目", "122", d1, 2026, 2027, "STARTED", 1200, 20));
        projects.put("P2", project("甲区竣工项目", "122", d2, 2025, 2026, "COMPLETED", 600, 0));
        projects.put("P3", project("甲区前期项目", null, d1, 2026, 2026, "PREPARATION", 240, 0));
    }

    private long project(String name, String programme, long lead, int start, int end, String stage, int plan,
                         int monthly) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name + tag);
        body.put("category", "TECH_RENOVATION");
        body.put("programme", programme);
        body.put("leadUnitId", lead);
        body.put("totalInvestment", plan * 2);
        body.put("startYear", start);
        body.put("endYear", end);
        body.put("stage", stage);
        Api.Response created = as(supervisor).post("/api/v1/projects", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        ok(as(supervisor).put("/api/v1/projects/" + id + "/plans/2026", Map.of("planned", plan)));
        for (int m = 1; m <= 6 && monthly > 0; m++) {
            ok(as(supervisor).post("/api/v1/projects/" + id + "/progress", Map.of("year", 2026, "month", m,
                    "completed", monthly, "physicalProgress", "按计划推进")));
        }
        return id;
    }

    // ---- statistics: 规上工业增加值 of the three districts, 2026, 1-N月累计 and official growth (%)

    static final double[][] GROWTH = {
            {5.0, 6.0, 7.0, 8.0, 8.5, 9.0},   // 甲区
            {6.0, 6.5, 6.8, 7.5, 8.7, 8.0},   // 乙区
            {7.0, 5.0, 6.0, 7.9, 8.6, 9.5}};  // 丙区

    private void statistics() {
        Api admin = as("admin");
        long[] districts = {r1, r2, r3};
        for (int d = 0; d < 3; d++) {
            for (int m = 1; m <= 6; m++) {
                String period = "2026-0" + m;
                ok(admin.put("/api/v1/observations", Map.of("indicator", "INDUSTRY_VA", "unitId", districts[d],
                        "period", period, "kind", "YTD", "value", 10 * m * (d + 1))));
                ok(admin.put("/api/v1/observations", Map.of("indicator", "INDUSTRY_VA", "unitId", districts[d],
                        "period", period, "kind", "GROWTH", "value", GROWTH[d][m - 1])));
            }
        }
        // 甲区's target: 200 亿元 in 2026; 1-6月 60 is 30% of it against a time-progress of 50%: yellow
        ok(admin.post("/api/v1/targets", Map.of("indicator", "INDUSTRY_VA", "unitId", r1, "year", 2026,
                "comparator", "REACH", "value", 200, "publish", true)));
        ok(admin.put("/api/v1/cockpit/indicators/" + r1, Map.of("indicators", List.of("INDUSTRY_VA", "GDP"))));
    }

    static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        return response;
    }

    JsonNode cockpit(String asOf) {
        return ok(as(leader).get("/api/v1/cockpit" + (asOf == null ? "" : "?asOf=" + asOf))).json();
    }
}
