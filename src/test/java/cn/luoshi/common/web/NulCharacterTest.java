package cn.luoshi.common.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.luoshi.org.DemoCity;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A NUL character (U+0000) in a query parameter, a form field or a JSON string is refused with 400 and a message,
 * on every endpoint, before anything reaches the database (which cannot store it and used to answer 500).
 */
@LuoshiTest
class NulCharacterTest {

    static final String NUL_FILTERS = "?q=%00&tag=%00&category=%00&programme=%00&industry=%00";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyListEndpointRefusesANulInItsFilters() {
        List<String> paths = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            boolean get = info.getMethodsCondition().getMethods().isEmpty()
                    || info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
            if (get && info.getPathPatternsCondition() != null) {
                info.getPathPatternsCondition().getPatternValues().stream()
                        .filter(p -> p.startsWith("/api/v1/") && !p.contains("{")).forEach(paths::add);
            }
        });
        assertThat(paths).contains("/api/v1/appeals", "/api/v1/tasks", "/api/v1/projects", "/api/v1/enterprises");

        Api supervisor = Api.as(port, "duchashi");
        Map<String, Integer> statuses = new TreeMap<>();
        for (String path : paths) {
            Api.Response response = supervisor.get(path + NUL_FILTERS);
            statuses.put(path, response.status());
            if (response.status() == 400) {
                assertThat(response.contentType()).as(path).startsWith("application/problem+json");
                assertThat(response.json().path("code").asString()).as(path).isEqualTo("error.nulCharacter");
            }
        }
        assertThat(statuses).as("no endpoint may fail").allSatisfy((path, status) ->
                assertThat(status).as(path).isLessThan(500));
        assertThat(statuses).containsEntry("/api/v1/appeals", 400).containsEntry("/api/v1/tasks", 400)
                .containsEntry("/api/v1/projects", 400).containsEntry("/api/v1/enterprises", 400)
                .containsEntry("/api/v1/users", 400).containsEntry("/api/v1/audit/events", 400);
    }

    @Test
    void theAnonymousFollowUpRefusesANulCode() {
        Api.Response response = Api.anonymous(port).get("/api/v1/appeals/track?code=%00&token=x");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asString()).isEqualTo("提交的内容含有不允许的空字符（NUL，U+0000），请删除后重试");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("0x00");
    }

    @Test
    void aNulInAJsonTextFieldIsRefusedAndNothingIsFiled() {
        Api staff = Api.as(port, "ysj");
        String marker = "空字符" + System.identityHashCode(this);
        String body = """
                {"creditCode":"%s","enterpriseName":"示例重工机械有限公司","contactName":"王经理",
                 "contactPhone":"0714-6209999","categoryCode":"POLICY","channel":"STAFF_PHONE",
                 "title":"%s\\u0000标题","content":"含空字符的诉求内容"}""".formatted(DemoCity.QIYE1_CREDIT_CODE, marker);
        Api.Response response = staff.post("/api/v1/appeals", body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("code").asString()).isEqualTo("error.nulCharacter");
        assertThat(staff.get("/api/v1/appeals?q=" + java.net.URLEncoder.encode(marker, StandardCharsets.UTF_8))
                .json().path("totalElements").asLong()).isZero();

        // A backslash followed by the text "u0000" is ordinary text, not a NUL.
        assertThat(NulGuard.jsonHasNul("{\"t\":\"C:\\\\u0000\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(NulGuard.jsonHasNul("{\"t\":\"a\\\\\\u0000\"}".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void aPageShowsTheMessageInsteadOfFailing() {
        Api supervisor = Api.as(port, "duchashi");
        Api.Response page = supervisor.send(supervisor.builder("/appeals?q=%00").setHeader("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("提交的内容含有不允许的空字符");
        Api.Response form = supervisor.send(supervisor.builder("/tasks?q=%00").setHeader("Accept", "text/html"));
        assertThat(form.status()).isEqualTo(400);
    }
}
