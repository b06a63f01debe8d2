package cn.luoshi.task;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.luoshi.common.excel.SheetRow;
import cn.luoshi.common.excel.Spreadsheets;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The list's filters, order and pages, the Excel export with the same filters, and bulk assignment. */
@LuoshiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskListTest {

    static final LocalDate START = MutableClock.START.toLocalDate();
    static final String TAG = "列表测试";

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    TaskFixtures fx;
    long meetingId;
    long leaderId;
    long alpha;
    long beta;
    long gamma;
    long delta;
    long epsilon;

    @BeforeAll
    void createTasks() {
        fx = new TaskFixtures(port, units);
        meetingId = TaskFixtures.ok(fx.supervisor.post("/api/v1/meetings", Map.of("title", "列表测试推进会",
                "meetingDate", START.minusDays(3).toString(), "speakerRole", "市长"))).json().path("id").asLong();
        leaderId = fx.as("leader").get("/api/v1/me").json().path("id").asLong();
        Map<String, Object> fromMeeting = Map.of("tags", List.of(TAG), "meetingId", meetingId, "leaderId", leaderId,
                "outlinePath", "二、（一）");
        Map<String, Object> plain = Map.of("tags", List.of(TAG));
        alpha = fx.accepted("列表测试甲：园区道路配套", DemoCity.GXJ, "gxj", START.minusDays(100), START.plusDays(100),
                fromMeeting);
        beta = fx.accepted("列表测试乙：标准厂房建设", DemoCity.ZJJ, "zjj", START.minusDays(10), START.plusDays(30),
                plain);
        gamma = fx.draft("列表测试丙：招商推介活动", DemoCity.SWJ, START, START.plusDays(5), fromMeeting);
        delta = fx.draft("列表测试丁：城关区营商环境提升", DemoCity.CHENGGUAN, START, START.plusDays(200), plain);
        epsilon = fx.accepted("列表测试戊：政务服务一网通办", DemoCity.YSJ, "ysj", START.minusDays(20),
                START.plusDays(60), Map.of("tags", List.of(TAG), "coUnitIds", List.of(fx.unit(DemoCity.GXJ))));
        TaskFixtures.ok(fx.report(fx.as("zjj"), beta, 30, "按计划推进"));
    }

    List<Long> ids(String query) {
        Api.Response response = fx.supervisor.get("/api/v1/tasks?tag=" + TAG + "&size=50" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("content").valueStream().map(t -> t.path("id").asLong()).toList();
    }

    @Test
    void everyFilterNarrowsTheList() {
        assertThat(ids("")).containsExactlyInAnyOrder(alpha, beta, gamma, delta, epsilon);
        assertThat(ids("&status=DRAFT")).containsExactlyInAnyOrder(gamma, delta);
        assertThat(ids("&status=ACCEPTED,IN_PROGRESS")).containsExactlyInAnyOrder(alpha, beta, epsilon);
        assertThat(ids("&status=IN_PROGRESS&status=DRAFT")).containsExactlyInAnyOrder(beta, gamma, delta);
        assertThat(ids("&meeting=" + meetingId)).containsExactlyInAnyOrder(alpha, gamma);
        assertThat(ids("&leader=" + leaderId)).containsExactlyInAnyOrder(alpha, gamma);
        assertThat(ids("&unit=" + fx.unit(DemoCity.GXJ))).containsExactlyInAnyOrder(alpha, epsilon);
        assertThat(ids("&unit=" + fx.unit(DemoCity.CHENGGUAN))).containsExactly(delta);
        assertThat(ids("&dueFrom=" + START.plusDays(30) + "&dueTo=" + START.plusDays(100)))
                .containsExactlyInAnyOrder(alpha, beta, epsilon);
        assertThat(ids("&q=厂房")).containsExactly(beta);
        assertThat(ids("&q=招商推介活动")).containsExactly(gamma);
        assertThat(ids("&q=二、（一）")).containsExactlyInAnyOrder(alpha, gamma);
        assertThat(ids("&q=" + epsilon)).containsExactly(epsilon);
        assertThat(ids("&light=RED")).containsExactly(alpha);
        assertThat(ids("&light=BLUE")).containsExactly(gamma);
        assertThat(ids("&light=YELLOW")).containsExactly(epsilon);
        assertThat(ids("&light=GREEN")).containsExactlyInAnyOrder(beta, delta);
        Api.Response bad = fx.supervisor.get("/api/v1/tasks?status=FINISHED");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void theListIsSortedAndPaged() {
        assertThat(ids("&sort=due")).containsExactly(gamma, beta, epsilon, alpha, delta);
        assertThat(ids("&sort=-due")).containsExactly(delta, alpha, epsilon, beta, gamma);
        assertThat(ids("&sort=light")).containsExactly(alpha, epsilon, gamma, beta, delta);
        assertThat(ids("&sort=light&status=DRAFT,ACCEPTED")).containsExactly(alpha, epsilon, gamma, delta);
        assertThat(fx.as("gxj").get("/api/v1/tasks?tag=" + TAG + "&sort=light").json().path("content").valueStream()
                .map(t -> t.path("id").asLong())).containsExactly(alpha, epsilon);
        JsonNode second = fx.supervisor.get("/api/v1/tasks?tag=" + TAG + "&sort=light&size=2&page=1").json();
        assertThat(second.path("content").valueStream().map(t -> t.path("id").asLong())).containsExactly(gamma, beta);
        JsonNode first = fx.supervisor.get("/api/v1/tasks?tag=" + TAG + "&sort=due&size=2&page=0").json();
        JsonNode last = fx.supervisor.get("/api/v1/tasks?tag=" + TAG + "&sort=due&size=2&page=2").json();
        assertThat(first.path("totalElements").asLong()).isEqualTo(5);
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(TaskFixtures.titles(first)).hasSize(2);
        assertThat(TaskFixtures.titles(last)).containsExactly("列表测试丁：城关区营商环境提升");
        JsonNode item = first.path("content").get(0);
        assertThat(item.path("light").asString()).isEqualTo("BLUE");
        assertThat(item.path("meeting").path("name").asString()).isEqualTo("列表测试推进会");
        assertThat(item.has("timeProgress")).isTrue();
    }

    @Test
    void theExportHasTheListsFiltersAndOnlyTheReadersTasks() throws Exception {
        List<SheetRow> all = export(fx.supervisor, "?tag=" + TAG);
        assertThat(all.getFirst().cells()).contains("任务名称", "灯色", "序时进度（%）", "牵头单位");
        assertThat(all).hasSize(6);
        List<SheetRow> drafts = export(fx.supervisor, "?tag=" + TAG + "&status=DRAFT&sort=due");
        assertThat(drafts).hasSize(3);
        assertThat(drafts.get(1).cells()).contains("列表测试丙：招商推介活动", "草稿", "蓝灯", "市商务局", "列表测试推进会",
                "二、（一）");
        List<SheetRow> district = export(fx.as("cgq"), "?tag=" + TAG);
        assertThat(district).hasSize(2);
        assertThat(district.get(1).cells()).contains("列表测试丁：城关区营商环境提升");
    }

    List<SheetRow> export(Api api, String query) throws Exception {
        HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                api.builder("/api/v1/tasks/export" + query).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return Spreadsheets.readAll(new ByteArrayInputStream(response.body()), "tasks.xlsx", 10_000);
    }

    @Test
    void theSupervisionOfficeAssignsASelectionAtOnce() {
        long one = fx.draft("批量下发测试一", DemoCity.GXJ, START, START.plusDays(30));
        long two = fx.draft("批量下发测试二", DemoCity.ZJJ, START, START.plusDays(30));
        JsonNode result = TaskFixtures.ok(fx.supervisor.post("/api/v1/tasks/bulk-transitions",
                Map.of("ids", List.of(one, two, alpha), "action", "ASSIGN"))).json();
        assertThat(result.path("succeeded").valueStream().map(JsonNode::asLong)).containsExactly(one, two);
        assertThat(result.path("failed").get(0).path("detail").asString())
                .isEqualTo("任务当前状态为「已签收」，不能执行「立项下发」");
        assertThat(fx.get(one).path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(fx.get(two).path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(fx.as("zjj").get("/api/v1/notifications?q=批量下发测试二").body()).contains("新督办任务：批量下发测试二");
        assertThat(fx.as("gxj").post("/api/v1/tasks/bulk-transitions",
                Map.of("ids", List.of(one), "action", "ASSIGN")).status()).isEqualTo(403);
    }
}
