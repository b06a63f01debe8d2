package cn.luoshi.cockpit;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.task.EvidenceUploads;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.BrowserTest;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page of each demo role lists what that user must act on. Each test reads a line's count, creates one
 * more such thing through the API as the offices would, and sees the count go up by exactly one and the line's
 * link list it.
 */
@LuoshiTest
class HomeBrowserTest extends BrowserTest {

    @Autowired
    OrgUnits units;
    @Autowired
    MutableClock clock;

    private long unit(String code) {
        return units.findByCode(code).orElseThrow().id();
    }

    private static final java.util.concurrent.atomic.AtomicInteger SEQ = new java.util.concurrent.atomic.AtomicInteger();

    /** Titles the tests of this class never share; the database is this JVM's own. */
    private static String unique(String title) {
        return title + "-" + SEQ.incrementAndGet();
    }

    /** The count of a to-do line on the home page (0 when the line is not shown). */
    private long count(Page page, String key) {
        page.navigate(browser.url("/"));
        Locator line = page.locator("[data-todo='" + key + "'] [data-count]");
        return line.count() == 0 ? 0 : Long.parseLong(line.textContent().strip());
    }

    private void opensAListWith(Page page, String key, String text) {
        page.navigate(browser.url("/"));
        page.click("[data-todo='" + key + "']");
        assertThat(page.locator("main")).containsText(text);
    }

    private long task(String title, String leadCode, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("leadUnitId", unit(leadCode));
        body.put("startDate", "2026-07-01");
        body.put("dueDate", "2026-12-31");
        body.put("assign", true);
        body.putAll(extra);
        Api.Response created = Api.as(port, "duchashi").post("/api/v1/tasks", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private static void step(Api api, long task, String action) {
        int version = api.get("/api/v1/tasks/" + task).json().path("version").asInt();
        Api.Response r = api.post("/api/v1/tasks/" + task + "/transitions", Map.of("action", action,
                "version", version));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private long appeal(String filer, String creditCode, String title, Long responsible) {
        Map<String, Object> body = new HashMap<>();
        body.put("creditCode", creditCode);
        body.put("enterpriseName", "示例重工机械有限公司");
        body.put("contactName", "王经理");
        body.put("contactPhone", "0714-6200123");
        body.put("categoryCode", "OTHER");
        body.put("title", title);
        body.put("content", title + "，请协调解决。");
        body.put("confirmDuplicate", true);
        if (responsible != null) {
            body.put("responsibleUnitId", responsible);
            body.put("channel", "STAFF_PHONE");
        }
        Api api = filer == null ? Api.anonymous(port) : Api.as(port, filer);
        Api.Response filed = api.post("/api/v1/appeals", body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().path("id").asLong();
    }

    @Test
    void aUnitHandlersTasksToSignFor() {
        Page page = browser.signIn("gxj");
        long before = count(page, "task.SIGN");
        String title = unique("待签收首页测试");
        task(title, DemoCity.GXJ, Map.of());
        assertThat(count(page, "task.SIGN")).isEqualTo(before + 1);
        opensAListWith(page, "task.SIGN", title);
        assertThat(page.locator("#todo-filter")).containsText("待签收的任务");
        assertThat(page.locator("main")).containsText("共 " + (before + 1) + " 条");
    }

    @Test
    void aUnitHeadsReportsToApprove() {
        Page page = browser.signIn("gxjfzr");
        long before = count(page, "task.APPROVE");
        String title = unique("待审批首页测试");
        long id = task(title, DemoCity.GXJ, Map.of("requiresHeadApproval", true));
        step(Api.as(port, "gxj"), id, "ACCEPT");
        Api.Response report = Api.as(port, "gxj").post("/api/v1/tasks/" + id + "/progress",
                Map.of("percent", 20, "text", "完成前期对接"));
        assertThat(report.status()).as(report.body()).isBetween(200, 201);
        assertThat(count(page, "task.APPROVE")).isEqualTo(before + 1);
        opensAListWith(page, "task.APPROVE", title);
    }

    @Test
    void theSupervisionOfficesCompletionRequestsToReview() {
        Page page = browser.signIn("duchashi");
        long before = count(page, "task.REVIEW");
        String title = unique("待销号首页测试");
        long id = task(title, DemoCity.FGW, Map.of());
        Api fgw = Api.as(port, "fgw");
        step(fgw, id, "ACCEPT");
        assertThat(EvidenceUploads.report(fgw, id, 100, "已完成", "验收.pdf", EvidenceUploads.PDF).status())
                .isBetween(200, 201);
        step(fgw, id, "REQUEST_COMPLETION");
        try {
            assertThat(count(page, "task.REVIEW")).isEqualTo(before + 1);
            opensAListWith(page, "task.REVIEW", title);
        } finally {
            step(Api.as(port, "duchashi"), id, "APPROVE_COMPLETION");
        }
        assertThat(count(page, "task.REVIEW")).isEqualTo(before);
    }

    @Test
    void aDistrictsInstructionsToActOnUntilItReports() {
        Page page = browser.signIn("cgq");
        long before = count(page, "task.INSTRUCTION");
        String title = unique("批示首页测试");
        long id = task(title, DemoCity.CHENGGUAN, Map.of());
        Api cgq = Api.as(port, "cgq");
        step(cgq, id, "ACCEPT");
        assertThat(Api.as(port, "leader").post("/api/v1/tasks/" + id + "/instructions",
                Map.of("text", "请本周内拿出方案")).status()).isBetween(200, 201);
        assertThat(count(page, "task.INSTRUCTION")).isEqualTo(before + 1);
        opensAListWith(page, "task.INSTRUCTION", title);
        // a progress report after the instruction answers it
        clock.advance(Duration.ofHours(2));
        try {
            assertThat(cgq.post("/api/v1/tasks/" + id + "/progress", Map.of("percent", 10, "text", "方案已报送"))
                    .status()).isBetween(200, 201);
            assertThat(count(page, "task.INSTRUCTION")).isEqualTo(before);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aHeadsEscalationsToAnswerUntilAnswered() {
        Page page = browser.signIn("fgwfzr");
        long before = count(page, "task.ESCALATION");
        String title = unique("督办首页测试");
        long id = task(title, DemoCity.FGW, Map.of());
        step(Api.as(port, "fgw"), id, "ACCEPT");
        // the office raises 催办 itself: the unit is asked to answer it
        Api.Response raised = Api.as(port, "duchashi").post("/api/v1/tasks/" + id + "/escalations",
                Map.of("rung", "REMINDER", "reason", "进度滞后，请说明情况"));
        assertThat(raised.status()).as(raised.body()).isBetween(200, 201);
        assertThat(count(page, "task.ESCALATION")).isEqualTo(before + 1);
        opensAListWith(page, "task.ESCALATION", title);
        long rung = Api.as(port, "fgw").get("/api/v1/tasks/" + id + "/escalations").json().get(0).path("id").asLong();
        Api.Response answered = Api.as(port, "fgwfzr").post("/api/v1/tasks/" + id + "/escalations/" + rung
                + "/response", Map.of("text", "已制定整改计划"));
        assertThat(answered.status()).as(answered.body()).isBetween(200, 201);
        assertThat(count(page, "task.ESCALATION")).isEqualTo(before);
    }

    @Test
    void aParksAppealsToSignFor() {
        Page page = browser.signIn("yuanqu");
        long before = count(page, "appeal.ACCEPT");
        String title = unique("园区待签收诉求");
        appeal("ysj", DemoCity.QIYE1_CREDIT_CODE, title, unit(DemoCity.PARK));
        assertThat(count(page, "appeal.ACCEPT")).isEqualTo(before + 1);
        opensAListWith(page, "appeal.ACCEPT", title);
    }

    @Test
    void theDispatchingOfficesAppealsToDispatch() {
        Page page = browser.signIn("ysj");
        long before = count(page, "appeal.DISPATCH");
        String title = unique("待派发诉求");
        appeal(null, DemoCity.QIYE2_CREDIT_CODE, title, null);
        assertThat(count(page, "appeal.DISPATCH")).isEqualTo(before + 1);
        opensAListWith(page, "appeal.DISPATCH", title);
    }

    @Test
    void anEnterprisesAnswersToRate() {
        Page page = browser.signIn("qiye1");
        long before = count(page, "appeal.RATE");
        String title = unique("待评价诉求");
        long id = appeal("ysj", DemoCity.QIYE1_CREDIT_CODE, title, unit(DemoCity.GXJ));
        Api gxj = Api.as(port, "gxj");
        int v = gxj.get("/api/v1/appeals/" + id).json().path("version").asInt();
        v = gxj.post("/api/v1/appeals/" + id + "/transitions", Map.of("action", "ACCEPT", "version", v)).json()
                .path("version").asInt();
        v = gxj.post("/api/v1/appeals/" + id + "/transitions", Map.of("action", "ANSWER", "version", v,
                "answer", "已协调解决")).json().path("version").asInt();
        assertThat(count(page, "appeal.RATE")).isEqualTo(before + 1);
        opensAListWith(page, "appeal.RATE", title);
        Api.as(port, "qiye1").post("/api/v1/appeals/" + id + "/rating", Map.of("rating", "SATISFIED", "version", v));
        assertThat(count(page, "appeal.RATE")).isEqualTo(before);
    }

    /**
     * A published evaluation that rates the enterprise, read from what the enterprise itself is offered: other tests
     * publish runs of other parks, so the newest run in the city need not include it.
     */
    private long aRunTheEnterpriseMayObjectTo(String enterpriseUser) {
        Api api = Api.as(port, enterpriseUser);
        for (var r : api.get("/api/v1/per-mu/runs?size=100").json().path("content")) {
            long id = r.path("id").asLong();
            for (var a : api.get("/api/v1/per-mu/runs/" + id).json().path("objectionActions")) {
                if (a.asText().equals("FILE")) {
                    return id;
                }
            }
        }
        throw new AssertionError(enterpriseUser + " may object to no per-mu evaluation");
    }

    @Test
    void theStatisticsOfficesObjectionsToReview() {
        long run = aRunTheEnterpriseMayObjectTo("qiye1");
        Page page = browser.signIn("tjj");
        String key = "perMu.OBJECTION." + run;
        long before = count(page, key);
        Api.Response filed = Api.as(port, "qiye1").post("/api/v1/per-mu/runs/" + run + "/objections",
                Map.of("reason", unique("用地面积应扣除代征道路")));
        assertThat(filed.status()).as(filed.body()).isBetween(200, 201);
        try {
            assertThat(count(page, key)).isEqualTo(before + 1);
            opensAListWith(page, key, "用地面积应扣除代征道路");
        } finally {
            Api.as(port, "tjj").post("/api/v1/per-mu/objections/" + filed.json().path("id").asLong() + "/reject",
                    Map.of("note", "用地面积以不动产登记为准", "version", filed.json().path("version").asInt()));
        }
        assertThat(count(page, key)).isEqualTo(before);
    }

    @Test
    void theLeadersHomeIsTheCockpit() {
        Page page = browser.signIn("leader");
        assertThat(page).hasURL(browser.url("/cockpit"));
        page.navigate(browser.url("/"));
        assertThat(page).hasURL(browser.url("/cockpit"));
    }

    @Test
    void anAdminWithNothingToDoSeesSoAndNoTiles() {
        Page page = browser.signIn("admin");
        assertThat(page.locator("#todo-empty")).hasText("暂无待办事项");
        assertThat(page.locator("#todos")).hasCount(0);
        assertThat(page.locator("main .card")).hasCount(0);
    }

    @Test
    void linesWithNothingWaitingAreLeftOut() {
        Page page = browser.signIn("gxj");
        page.navigate(browser.url("/"));
        for (String count : page.locator("#todos [data-count]").allTextContents()) {
            assertThat(Long.parseLong(count.strip())).isPositive();
        }
        assertThat(page.locator("[data-todo='task.REVIEW']")).hasCount(0);
        List<String> keys = page.locator("#todos [data-todo]").evaluateAll("els => els.map(e => e.dataset.todo)")
                instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        assertThat(keys).allMatch(k -> k.startsWith("task.") || k.startsWith("appeal."));
    }
}
