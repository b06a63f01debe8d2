package cn.luoshi.appeal;

import java.util.Map;

import cn.luoshi.appeal.internal.PublicIntakeGuard;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code sourceKey} makes filing safe to retry for the filer who used it; anyone else learns only that the key is
 * taken (409 without the appeal's id, code, status or deadline). Links to projects, tasks and on-site meetings must
 * lie within the filer's scope.
 */
@LuoshiTest
class AppealSourceKeyTest {

    @LocalServerPort
    int port;

    @Autowired
    PublicIntakeGuard guard;

    @BeforeEach
    @AfterEach
    void reset() {
        guard.reset("127.0.0.1");
    }

    @Test
    void onlyTheSameFilerLearnsTheAppealOfItsKey() {
        String key = "crm-" + System.nanoTime();
        Map<String, Object> body = AppealSupport.publicAppeal("POLICY", "来源编号");
        body.put("sourceKey", key);
        body.put("channel", "STAFF_PHONE");
        Api.Response first = Api.as(port, "ysj").post("/api/v1/appeals", body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        long id = first.json().path("id").asLong();
        String code = first.json().path("code").asString();

        // The same filer retrying gets the same appeal back, without a new token.
        Api.Response retry = Api.as(port, "ysj").post("/api/v1/appeals", body);
        assertThat(retry.status()).as(retry.body()).isBetween(200, 201);
        assertThat(retry.json().path("id").asLong()).isEqualTo(id);
        assertThat(retry.json().path("existing").asBoolean()).isTrue();
        assertThat(retry.json().path("followUpToken").isNull()).isTrue();

        // Another enterprise, a district handler who cannot see the appeal, and the public form learn nothing.
        Map<String, Object> other = AppealSupport.publicAppeal("POLICY", "冒用来源编号");
        other.put("sourceKey", key);
        for (Api filer : new Api[] {Api.as(port, "qiye2"), Api.as(port, "jnq"), Api.anonymous(port)}) {
            Api.Response refused = filer.post("/api/v1/appeals", other);
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("code").asString()).isEqualTo("appeal.error.sourceKeyTaken");
            assertThat(refused.body()).doesNotContain(code).doesNotContain("\"id\"")
                    .doesNotContain("answerDueAt").doesNotContain("DISPATCHED").doesNotContain("SUBMITTED");
        }
    }

    @Test
    void linksOutsideTheFilersScopeAreRefused() {
        Api supervisor = Api.as(port, "duchashi");
        Api jnq = Api.as(port, "jnq");
        long project = firstInvisible(supervisor.get("/api/v1/projects?size=50").json(), jnq, "/api/v1/projects/");
        long task = firstInvisible(supervisor.get("/api/v1/tasks?size=50").json(), jnq, "/api/v1/tasks/");

        Map<String, Object> body = AppealSupport.publicAppeal("POLICY", "越权关联");
        body.put("projectId", project);
        body.put("taskId", task);
        Api.Response refused = jnq.post("/api/v1/appeals", body);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode errors = refused.json().path("errors");
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("projectId", "taskId");
        assertThat(errors.get(0).path("message").asString()).endsWith("不存在或不在您的数据范围内");

        // An enterprise and the public form link to nothing they cannot see.
        Map<String, Object> byEnterprise = AppealSupport.publicAppeal("POLICY", "企业关联任务");
        byEnterprise.put("taskId", task);
        Api.Response enterprise = Api.as(port, "qiye1").post("/api/v1/appeals", byEnterprise);
        assertThat(enterprise.status()).as(enterprise.body()).isEqualTo(400);
        assertThat(enterprise.json().path("errors").findValuesAsString("field")).containsExactly("taskId");
        Map<String, Object> anonymous = AppealSupport.publicAppeal("POLICY", "匿名关联项目");
        anonymous.put("projectId", project);
        Api.Response publicForm = Api.anonymous(port).post("/api/v1/appeals", anonymous);
        assertThat(publicForm.status()).as(publicForm.body()).isEqualTo(400);

        // The supervision office, which sees both, links them.
        Map<String, Object> linked = AppealSupport.publicAppeal("POLICY", "督查室关联");
        linked.put("projectId", project);
        linked.put("taskId", task);
        linked.put("channel", "STAFF_PHONE");
        Api.Response ok = supervisor.post("/api/v1/appeals", linked);
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        JsonNode appeal = supervisor.get("/api/v1/appeals/" + ok.json().path("id").asLong()).json();
        assertThat(appeal.path("projectId").asLong()).isEqualTo(project);
        assertThat(appeal.path("taskId").asLong()).isEqualTo(task);
    }

    /** The first record of the list that {@code other} cannot open. */
    static long firstInvisible(JsonNode page, Api other, String path) {
        for (JsonNode row : page.path("content")) {
            long id = row.path("id").asLong();
            if (other.get(path + id).status() == 404) {
                return id;
            }
        }
        throw new AssertionError("every record of " + path + " is visible");
    }
}
