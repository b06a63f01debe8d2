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

import static org.assertj.core.api.Assertions.assertThat;

/** A unit sees the tasks it leads or co-operates on; everything else is "not found", reading or acting. */
@LuoshiTest
class TaskScopeTest {

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

    @Test
    void anotherUnitCannotReadOrTouchATask() {
        long id = fx.accepted("范围测试：工信局的任务", DemoCity.GXJ, "gxj", START, START.plusDays(60), Map.of());
        Api zjj = fx.as("zjj");

        assertThat(zjj.get("/api/v1/tasks/" + id).status()).isEqualTo(404);
        assertThat(zjj.get("/api/v1/tasks/" + id + "/timeline").status()).isEqualTo(404);
        Api.Response step = fx.step(zjj, id, "REQUEST_COMPLETION", null);
        assertThat(step.status()).isEqualTo(404);
        assertThat(step.json().path("detail").asString()).contains("督办任务");
        assertThat(fx.report(zjj, id, 50, "越权反馈").status()).isEqualTo(404);
        assertThat(zjj.post("/api/v1/tasks/" + id + "/extension-requests",
                Map.of("newDueDate", START.plusDays(90).toString(), "reason", "越权")).status()).isEqualTo(404);
        assertThat(zjj.post("/api/v1/tasks/" + id + "/subtasks", Map.of("title", "越权分解",
                "leadUnitId", fx.unit(DemoCity.ZJJ), "dueDate", START.plusDays(30).toString())).status())
                .isEqualTo(404);
        assertThat(zjj.get("/api/v1/tasks?q=范围测试").body()).doesNotContain("范围测试：工信局的任务");

        // The district handler and an enterprise see nothing of it either.
        assertThat(fx.as("cgq").get("/api/v1/tasks/" + id).status()).isEqualTo(404);
        assertThat(fx.as("qiye1").get("/api/v1/tasks/" + id).status()).isEqualTo(404);
        assertThat(fx.as("qiye1").get("/api/v1/tasks").json().path("totalElements").asLong()).isZero();

        // Nothing changed.
        assertThat(fx.get(id).path("progress").asDouble()).isZero();
        assertThat(fx.get(id).path("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void aCoUnitSeesTheTaskAndTheCitySeesEverything() {
        long id = fx.draft("范围测试：住建局配合的任务", DemoCity.GXJ, START, START.plusDays(60),
                Map.of("coUnitIds", List.of(fx.unit(DemoCity.ZJJ))));
        assertThat(fx.as("zjj").get("/api/v1/tasks/" + id).status()).isEqualTo(200);
        assertThat(fx.as("zjj").get("/api/v1/tasks?q=范围测试").body()).contains("范围测试：住建局配合的任务");
        assertThat(fx.as("swj").get("/api/v1/tasks/" + id).status()).isEqualTo(404);
        assertThat(fx.as("leader").get("/api/v1/tasks/" + id).status()).isEqualTo(200);
        assertThat(fx.as("tjj").get("/api/v1/tasks/" + id).status()).isEqualTo(200);
    }

    @Test
    void aDistrictSeesItsOwnAndItsDepartmentsTasksOnly() {
        long district = fx.draft("范围测试：城关区牵头", DemoCity.CHENGGUAN, START, START.plusDays(60));
        long department = fx.draft("范围测试：城关区发改局牵头", DemoCity.CHENGGUAN_FGJ, START, START.plusDays(60));
        long neighbour = fx.draft("范围测试：江南区牵头", DemoCity.JIANGNAN, START, START.plusDays(60));

        Api cgq = fx.as("cgq");
        String list = cgq.get("/api/v1/tasks?q=范围测试&size=200").body();
        assertThat(list).contains("范围测试：城关区牵头", "范围测试：城关区发改局牵头").doesNotContain("江南区");
        assertThat(cgq.get("/api/v1/tasks/" + district).status()).isEqualTo(200);
        assertThat(cgq.get("/api/v1/tasks/" + department).status()).isEqualTo(200);
        assertThat(cgq.get("/api/v1/tasks/" + neighbour).status()).isEqualTo(404);
        // A filter cannot widen the scope.
        assertThat(cgq.get("/api/v1/tasks?unit=" + fx.unit(DemoCity.JIANGNAN)).json().path("totalElements")
                .asLong()).isZero();

        String everything = fx.supervisor.get("/api/v1/tasks?q=范围测试&size=200").body();
        assertThat(everything).contains("范围测试：城关区牵头", "范围测试：江南区牵头");
    }

    @Test
    void aUnitAddsSubTasksOnlyForUnitsInItsScope() {
        long id = fx.accepted("范围测试：城关区分解的任务", DemoCity.CHENGGUAN, "cgq", START, START.plusDays(90),
                Map.of());
        Api cgq = fx.as("cgq");
        Api.Response outside = cgq.post("/api/v1/tasks/" + id + "/subtasks", Map.of("title", "交给江南区",
                "leadUnitId", fx.unit(DemoCity.JIANGNAN), "dueDate", START.plusDays(30).toString()));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().path("errors").get(0).path("field").asString()).isEqualTo("leadUnitId");

        Api.Response inside = cgq.post("/api/v1/tasks/" + id + "/subtasks", Map.of("title", "交给城关区发改局",
                "leadUnitId", fx.unit(DemoCity.CHENGGUAN_FGJ), "dueDate", START.plusDays(30).toString()));
        assertThat(inside.status()).isEqualTo(201);
        assertThat(inside.json().path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(inside.json().path("parent").path("id").asLong()).isEqualTo(id);

        Api.Response late = cgq.post("/api/v1/tasks/" + id + "/subtasks", Map.of("title", "晚于上级期限",
                "leadUnitId", fx.unit(DemoCity.CHENGGUAN_FGJ), "dueDate", START.plusDays(200).toString()));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().path("errors").get(0).path("message").asString())
                .startsWith("子任务的完成时限不能晚于上级任务");
        assertThat(fx.as("zjj").post("/api/v1/tasks/" + id + "/subtasks", Map.of("title", "别人来分解",
                "leadUnitId", fx.unit(DemoCity.ZJJ), "dueDate", START.plusDays(30).toString())).status())
                .isEqualTo(404);
    }
}
