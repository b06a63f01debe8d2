package cn.luoshi.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static cn.luoshi.project.ProjectImportTest.HEADERS;
import static cn.luoshi.project.ProjectImportTest.upload;
import static cn.luoshi.project.ProjectImportTest.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports preview first: each row new, changed (old → new), unchanged or refused, nothing written; the preview is
 * confirmed once, by its user, within a day, and only while the projects it changes are as it saw them. Every test
 * works on projects of its own (codes T-PV…).
 */
@LuoshiTest
class ProjectImportPreviewTest {

    static final String IMPORT = "/api/v1/projects/import";
    static final String PROGRESS = "/api/v1/projects/progress/import";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    long projects(String codePrefix) {
        return jdbc.sql("select count(*) from project where code like ?").param(codePrefix + "%").query(Long.class)
                .single();
    }

    long allProjects() {
        return jdbc.sql("select count(*) from project").query(Long.class).single();
    }

    long audits(String action, String filename) {
        return jdbc.sql("select count(*) from audit_event where action = ? and summary like ?")
                .params(action, "%「" + filename + "」%").query(Long.class).single();
    }

    int version(String code) {
        return jdbc.sql("select version from project where code = ?").param(code).query(Integer.class).single();
    }

    JsonNode project(Api api, String code) {
        long id = jdbc.sql("select id from project where code = ?").param(code).query(Long.class).single();
        return api.get("/api/v1/projects/" + id).json();
    }

    /** Three projects of the test's own, written directly as an API caller may. */
    void ownProjects(Api fgw, String p) throws IOException {
        Api.Response r = upload(fgw, IMPORT, "起始.xlsx", xlsx(HEADERS, List.of(
                List.of(p + "1", "预览测试道路", "基础设施", "十大重点基础工程", "市发展和改革委员会", "城关区",
                        24000, 2026, 2027, "在建", 12000),
                List.of(p + "2", "预览测试产业园", "产业", "", "市发展和改革委员会", "", 60000, 2025, 2028, "开工",
                        1200),
                List.of(p + "3", "预览测试学校", "民生实事", "", "市发展和改革委员会", "", 8000, 2026, 2026, "前期",
                        ""))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("created").asInt()).isEqualTo(3);
    }

    /** Row 2 as it stands, row 3 and 4 changed, row 5 new. */
    static List<List<?>> edits(String p) {
        return new ArrayList<>(List.of(
                List.of(p + "1", "预览测试道路", "基础设施", "十大重点基础工程", "市发展和改革委员会", "城关区",
                        24000, 2026, 2027, "在建", 12000),
                List.of(p + "2", "预览测试产业园", "产业", "", "市发展和改革委员会", "", 65000, 2025, 2028, "在建",
                        1500),
                List.of(p + "3", "预览测试学校（扩建）", "民生实事", "", "市发展和改革委员会", "城关区", 8000, 2026,
                        2026, "前期", ""),
                List.of(p + "4", "预览测试医院", "民生实事", "", "990100-FGW", "", 30000, 2026, 2028, "", 6000)));
    }

    static List<String> outcomes(JsonNode preview) {
        List<String> outcomes = new ArrayList<>();
        preview.path("lines").forEach(l -> outcomes.add(l.path("row").asInt() + ":" + l.path("outcome").asString()));
        return outcomes;
    }

    static List<String> changes(JsonNode line) {
        List<String> changes = new ArrayList<>();
        line.path("changes").forEach(c -> changes.add(c.path("field").asString() + " " + c.path("oldValue")
                .asString("—") + " → " + c.path("newValue").asString("—")));
        return changes;
    }

    @Test
    void aPreviewCountsEveryRowWritesNothingAndItsConfirmationWritesExactlyThat() throws IOException {
        Api fgw = Api.as(port, "fgw");
        String p = "T-PV1-";
        ownProjects(fgw, p);
        long all = allProjects();
        int version1 = version(p + "1");
        int version2 = version(p + "2");

        // With two refused rows: 6 rows, 1 new, 2 changed, 1 unchanged, 2 refused; nothing kept to confirm.
        List<List<?>> withWrongRows = edits(p);
        withWrongRows.add(List.of(p + "5", "预览测试越界", "产业", "", "江南区发展和改革局", "", 100, 2026, 2026, "",
                ""));
        withWrongRows.add(List.of(p + "6", "预览测试桥梁", "桥梁", "", "市发展和改革委员会", "友邻市", 100, 2026,
                2026, "", ""));
        Api.Response refused = upload(fgw, IMPORT + "?dryRun=true", "预览测试1.xlsx", xlsx(HEADERS, withWrongRows));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.path("detail").asString()).isEqualTo(
                "导入未执行：2 行有错误（共 3 处），请修改后重新上传。本次没有导入任何数据。");
        List<String> messages = new ArrayList<>();
        problem.path("errors").forEach(e -> messages.add(e.path("message").asString()));
        assertThat(messages).containsExactly(
                "第 6 行「牵头单位」：单位「江南区发展和改革局」不在您可以选择的范围内",
                "第 7 行「项目类别」：「桥梁」不是可选值（产业、产业项目、基础设施、技改、技术改造、招商引资、民生实事）",
                "第 7 行「所在地区」：单位「友邻市」不在您可以选择的范围内");
        JsonNode refusedPreview = problem.path("preview");
        assertThat(refusedPreview.path("id").isNull()).isTrue();
        assertThat(List.of(refusedPreview.path("rows").asInt(), refusedPreview.path("created").asInt(),
                refusedPreview.path("changed").asInt(), refusedPreview.path("unchanged").asInt(),
                refusedPreview.path("badRows").asInt())).containsExactly(6, 1, 2, 1, 2);
        assertThat(outcomes(refusedPreview)).containsExactly("2:UNCHANGED", "3:CHANGED", "4:CHANGED", "5:NEW",
                "6:REFUSED", "7:REFUSED");

        // Without them: 4 rows, 1 new, 2 changed (each field old → new), 1 unchanged; kept for the confirmation.
        Api.Response dry = upload(fgw, IMPORT + "?dryRun=true", "预览测试1.xlsx", xlsx(HEADERS, edits(p)));
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        JsonNode preview = dry.json();
        long id = preview.path("id").asLong();
        assertThat(preview.path("kind").asString()).isEqualTo("PROJECTS");
        assertThat(List.of(preview.path("rows").asInt(), preview.path("created").asInt(),
                preview.path("changed").asInt(), preview.path("unchanged").asInt(), preview.path("badRows").asInt()))
                .containsExactly(4, 1, 2, 1, 0);
        assertThat(outcomes(preview)).containsExactly("2:UNCHANGED", "3:CHANGED", "4:CHANGED", "5:NEW");
        assertThat(changes(preview.path("lines").get(1))).containsExactly("总投资（万元） 60000 → 65000",
                "建设阶段 开工 → 在建", "2026年计划投资（万元） 1200 → 1500");
        assertThat(changes(preview.path("lines").get(2))).containsExactly(
                "项目名称 预览测试学校 → 预览测试学校（扩建）", "所在地区 — → 城关区");
        assertThat(preview.path("lines").get(3).path("name").asString()).isEqualTo("预览测试医院");

        // Nothing written: the same projects, versions and values, no audit record.
        assertThat(allProjects()).isEqualTo(all);
        assertThat(projects(p)).isEqualTo(3);
        assertThat(version(p + "2")).isEqualTo(version2);
        assertThat(project(fgw, p + "2").path("project").path("totalInvestment").decimalValue())
                .isEqualByComparingTo("60000");
        assertThat(audits("project.imported", "预览测试1.xlsx")).isZero();
        assertThat(fgw.get("/api/v1/projects/imports/" + id).json().path("changed").asInt()).isEqualTo(2);

        // Another user, even of the same office, neither sees nor confirms it.
        Api head = Api.as(port, "fgwfzr");
        assertThat(head.get("/api/v1/projects/imports/" + id).status()).isEqualTo(404);
        Api.Response foreign = head.post("/api/v1/projects/imports/" + id + "/confirm", "");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(allProjects()).isEqualTo(all);

        // Its user confirms it: exactly what was shown is written, with one audit record.
        Api.Response confirmed = fgw.post("/api/v1/projects/imports/" + id + "/confirm", "");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(List.of(confirmed.json().path("rows").asInt(), confirmed.json().path("created").asInt(),
                confirmed.json().path("updated").asInt(), confirmed.json().path("unchanged").asInt()))
                .containsExactly(4, 1, 2, 1);
        assertThat(allProjects()).isEqualTo(all + 1);
        assertThat(projects(p)).isEqualTo(4);
        JsonNode second = project(fgw, p + "2");
        assertThat(second.path("project").path("totalInvestment").decimalValue()).isEqualByComparingTo("65000");
        assertThat(second.path("project").path("stage").asString()).isEqualTo("CONSTRUCTION");
        assertThat(second.path("years").get(0).path("planned").decimalValue()).isEqualByComparingTo("1500");
        assertThat(second.path("months").get(0).path("planned").decimalValue()).isEqualByComparingTo("125");
        JsonNode third = project(fgw, p + "3").path("project");
        assertThat(third.path("name").asString()).isEqualTo("预览测试学校（扩建）");
        assertThat(third.path("locationUnitName").asString()).isEqualTo("城关区");
        assertThat(project(fgw, p + "4").path("years").get(0).path("planned").decimalValue())
                .isEqualByComparingTo("6000");
        // The unchanged row was left alone.
        assertThat(version(p + "1")).isEqualTo(version1);
        assertThat(audits("project.imported", "预览测试1.xlsx")).isEqualTo(1);
        assertThat(jdbc.sql("select summary from audit_event where action = 'project.imported' and summary like ?")
                .param("%预览测试1.xlsx%").query(String.class).single())
                .isEqualTo("导入项目清单「预览测试1.xlsx」：新增 1 个，更新 2 个，未变 1 个");

        // Once only.
        Api.Response again = fgw.post("/api/v1/projects/imports/" + id + "/confirm", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).startsWith("文件「预览测试1.xlsx」的导入已于 ")
                .endsWith(" 确认，不能再次确认。");
        assertThat(allProjects()).isEqualTo(all + 1);
        assertThat(audits("project.imported", "预览测试1.xlsx")).isEqualTo(1);
    }

    @Test
    void aConfirmationIsRefusedWhenAProjectChangedSinceThePreviewOrADayHasPassed() throws IOException {
        Api fgw = Api.as(port, "fgw");
        String p = "T-PV2-";
        ownProjects(fgw, p);
        long id = upload(fgw, IMPORT + "?dryRun=true", "预览测试2.xlsx", xlsx(HEADERS, edits(p))).json().path("id")
                .asLong();
        long all = allProjects();

        // Someone changes a project the preview changes: the confirmation writes nothing.
        long second = project(fgw, p + "2").path("project").path("id").asLong();
        assertThat(fgw.put("/api/v1/projects/" + second + "/plans/2026", java.util.Map.of("planned", 1300))
                .status()).isEqualTo(200);
        Api.Response stale = fgw.post("/api/v1/projects/imports/" + id + "/confirm", "");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("detail").asString()).isEqualTo(
                "项目「预览测试产业园」（T-PV2-2）在预览之后被修改过，本次没有导入任何数据。请重新上传文件，核对新的预览后再确认。");
        assertThat(stale.json().path("detailEn").asString()).startsWith("Project \"预览测试产业园\" (T-PV2-2) was changed");
        assertThat(allProjects()).isEqualTo(all);
        JsonNode kept = project(fgw, p + "2");
        assertThat(kept.path("project").path("totalInvestment").decimalValue()).isEqualByComparingTo("60000");
        assertThat(kept.path("years").get(0).path("planned").decimalValue()).isEqualByComparingTo("1300");
        assertThat(project(fgw, p + "3").path("project").path("name").asString()).isEqualTo("预览测试学校");
        assertThat(audits("project.imported", "预览测试2.xlsx")).isZero();

        // A new preview of the same file sees the new plan (1300 → 1500); after a day it can no longer be confirmed.
        JsonNode fresh = upload(fgw, IMPORT + "?dryRun=true", "预览测试2.xlsx", xlsx(HEADERS, edits(p))).json();
        assertThat(changes(fresh.path("lines").get(1))).contains("2026年计划投资（万元） 1300 → 1500");
        try {
            clock.advance(Duration.ofHours(24));
            Api.Response late = fgw.post("/api/v1/projects/imports/" + fresh.path("id").asLong() + "/confirm", "");
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.json().path("detail").asString())
                    .isEqualTo("文件「预览测试2.xlsx」的预览已超过 24 小时，不能再确认。请重新上传，核对新的预览后再确认。");
        } finally {
            clock.reset();
        }
        assertThat(allProjects()).isEqualTo(all);
    }

    @Test
    void monthlyProgressPreviewsNewChangedAndUnchangedMonths() throws IOException {
        Api fgw = Api.as(port, "fgw");
        String p = "T-PV3-";
        ownProjects(fgw, p);
        String code = p + "2";
        Api.Response start = upload(fgw, PROGRESS, "进展起始.csv", ("项目编号,年份,月份,当月完成投资（万元）,形象进度\n"
                + code + ",2026,5,300,厂房基础施工\n" + code + ",2026,6,200,主体施工\n").getBytes(StandardCharsets.UTF_8));
        assertThat(start.status()).as(start.body()).isEqualTo(200);
        assertThat(List.of(start.json().path("created").asInt(), start.json().path("updated").asInt()))
                .containsExactly(2, 0);

        // May as it is, June corrected, July new (the clock stands at 15 July 2026).
        String file = "项目编号,年份,月份,当月完成投资（万元）,形象进度\n" + code + ",2026,5,300,厂房基础施工\n"
                + code + ",2026,6,350.5,主体结构封顶\n" + code + ",2026,7,80,\n";
        Api.Response dry = upload(fgw, PROGRESS + "?dryRun=true", "进展预览.csv",
                file.getBytes(StandardCharsets.UTF_8));
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        JsonNode preview = dry.json();
        assertThat(List.of(preview.path("rows").asInt(), preview.path("created").asInt(),
                preview.path("changed").asInt(), preview.path("unchanged").asInt())).containsExactly(3, 1, 1, 1);
        assertThat(outcomes(preview)).containsExactly("2:UNCHANGED", "3:CHANGED", "4:NEW");
        assertThat(preview.path("lines").get(1).path("key").asString()).isEqualTo(code + " 2026年6月");
        assertThat(changes(preview.path("lines").get(1))).containsExactly("当月完成投资（万元） 200 → 350.5",
                "形象进度 主体施工 → 主体结构封顶");
        assertThat(project(fgw, code).path("years").get(0).path("completed").decimalValue())
                .isEqualByComparingTo("500");

        Api.Response confirmed = fgw.post("/api/v1/projects/imports/" + preview.path("id").asLong() + "/confirm",
                "");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(List.of(confirmed.json().path("rows").asInt(), confirmed.json().path("created").asInt(),
                confirmed.json().path("updated").asInt(), confirmed.json().path("unchanged").asInt()))
                .containsExactly(3, 1, 1, 1);
        JsonNode after = project(fgw, code);
        // 300 + 350.5 + 80
        assertThat(after.path("years").get(0).path("completed").decimalValue()).isEqualByComparingTo("730.5");
        assertThat(after.path("months").get(5).path("physicalProgress").asString()).isEqualTo("主体结构封顶");
        assertThat(audits("project.progress.imported", "进展预览.csv")).isEqualTo(1);

        // A progress preview is refused too when its project was changed since.
        long id = upload(fgw, PROGRESS + "?dryRun=true", "进展预览2.csv", ("项目编号,年份,月份,当月完成投资（万元）\n"
                + code + ",2026,7,90\n").getBytes(StandardCharsets.UTF_8)).json().path("id").asLong();
        upload(fgw, PROGRESS, "进展直接.csv", ("项目编号,年份,月份,当月完成投资（万元）\n" + code + ",2026,4,10\n")
                .getBytes(StandardCharsets.UTF_8));
        Api.Response stale = fgw.post("/api/v1/projects/imports/" + id + "/confirm", "");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("code").asString()).isEqualTo("project.import.changedSince");
        assertThat(project(fgw, code).path("months").get(6).path("completed").decimalValue())
                .isEqualByComparingTo("80");
    }

    @Test
    void aUnitOutsideTheOnesTheUserMayChooseIsRefusedByCodeAndByNameNeverResolved() throws IOException {
        // 城关区's handler: its lead units lie in 城关区, its parks and regions too (城关区 is its working area).
        Api cgq = Api.as(port, "cgq");
        long all = allProjects();
        Api.Response refused = upload(cgq, IMPORT + "?dryRun=true", "越界.xlsx", xlsx(HEADERS, List.of(
                List.of("T-PV4-1", "越界测试甲", "产业", "", "990104-FGJ", "城关区", 100, 2026, 2026, "", ""),
                List.of("T-PV4-2", "越界测试乙", "产业", "", "城关区发展和改革局", "江南区", 100, 2026, 2026, "", ""),
                List.of("T-PV4-3", "越界测试丙", "产业", "", "990102-FGJ", "990102", 100, 2026, 2026, "", ""))));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        List<String> messages = new ArrayList<>();
        refused.json().path("errors").forEach(e -> messages.add(e.path("message").asString()));
        assertThat(messages).containsExactly("第 2 行「牵头单位」：单位「990104-FGJ」不在您可以选择的范围内",
                "第 3 行「所在地区」：单位「江南区」不在您可以选择的范围内");
        assertThat(outcomes(refused.json().path("preview"))).containsExactly("2:REFUSED", "3:REFUSED", "4:NEW");
        assertThat(allProjects()).isEqualTo(all);
    }
}
