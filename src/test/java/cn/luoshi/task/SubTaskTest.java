package cn.luoshi.task;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** 层层分解 by the lead unit: once it has signed, for its co-units, and it follows the parts it gave away. */
@LuoshiTest
class SubTaskTest {

    static final LocalDate START = MutableClock.START.toLocalDate();

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    TaskFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new TaskFixtures(port, units);
    }

    static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    Api.Response subtask(Api api, long parent, String title, String leadCode) {
        return api.post("/api/v1/tasks/" + parent + "/subtasks", Map.of("title", title,
                "leadUnitId", fx.unit(leadCode), "dueDate", START.plusDays(30).toString()));
    }

    @Test
    void theLeadUnitDecomposesForItsCoUnitsOnceItHasSignedAndSeesTheParts() {
        Api gxj = fx.as("gxj");
        Api fgw = fx.as("fgw");
        long id = fx.draft("分解测试：工信局牵头任务", DemoCity.GXJ, START, START.plusDays(90),
                Map.of("coUnitIds", List.of(fx.unit(DemoCity.FGW))));
        TaskFixtures.ok(fx.step(fx.supervisor, id, "ASSIGN", null));

        // Not signed for yet: not offered, and refused with the reason.
        assertThat(strings(fx.get(gxj, id).path("allowedActions"))).doesNotContain("ADD_SUBTASK");
        Api.Response early = subtask(gxj, id, "分解测试：签收前分解", DemoCity.FGW);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("detail").asString()).isEqualTo("任务当前状态为「已下发」，不能执行「分解子任务」");

        TaskFixtures.ok(fx.step(gxj, id, "ACCEPT", null));
        assertThat(strings(fx.get(gxj, id).path("allowedActions"))).contains("ADD_SUBTASK");
        // 住建局 is neither a co-unit nor below 工信局.
        Api.Response elsewhere = subtask(gxj, id, "分解测试：交给住建局", DemoCity.ZJJ);
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.json().path("errors").get(0).path("field").asString()).isEqualTo("leadUnitId");
        Api.Response part = subtask(gxj, id, "分解测试：发改委负责资金测算", DemoCity.FGW);
        assertThat(part.status()).as(part.body()).isEqualTo(201);
        long child = part.json().path("id").asLong();
        assertThat(part.json().path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(part.json().path("leadUnit").path("name").asString()).isEqualTo("市发展和改革委员会");

        // The lead unit and the office see it on the parent's page; the lead unit may open it.
        for (Api reader : List.of(gxj, fx.supervisor)) {
            JsonNode parent = fx.get(reader, id);
            assertThat(parent.path("childCount").asInt()).isEqualTo(1);
            assertThat(parent.path("children").findValuesAsString("title")).containsExactly("分解测试：发改委负责资金测算");
        }
        assertThat(fx.get(gxj, child).path("parent").path("id").asLong()).isEqualTo(id);
        // The co-unit has it on its board and in its inbox, to sign for; an unrelated unit does not see it.
        assertThat(fgw.get("/api/v1/tasks?q=分解测试").json().path("content").findValuesAsString("title"))
                .contains("分解测试：发改委负责资金测算");
        assertThat(strings(fx.get(fgw, child).path("allowedActions"))).contains("ACCEPT");
        assertThat(fgw.get("/api/v1/notifications?q=" + java.net.URLEncoder.encode("分解测试",
                java.nio.charset.StandardCharsets.UTF_8)).body()).contains("新督办任务：分解测试：发改委负责资金测算");
        assertThat(fx.as("zjj").get("/api/v1/tasks/" + child).status()).isEqualTo(404);
    }

    @Test
    void theDemoLeadUnitSeesTheSubTasksOfItsTasks() {
        JsonNode found = fx.supervisor.get("/api/v1/tasks?q=" + java.net.URLEncoder.encode("推进全市“122”重点技改项目建设",
                java.nio.charset.StandardCharsets.UTF_8) + "&topLevel=true").json().path("content");
        assertThat(found.size()).isEqualTo(1);
        JsonNode push = fx.get(fx.as("gxj"), found.get(0).path("id").asLong());
        // Four districts decomposed by the office, one co-unit part decomposed by 工信局 itself.
        assertThat(push.path("children").findValuesAsString("title")).containsExactlyInAnyOrder(
                "城关区“122”技改项目推进", "临江县“122”技改项目推进", "高新区“122”技改项目推进", "江南区“122”技改项目推进",
                "争取省级技改专项资金支持“122”项目");
    }
}
