package cn.luoshi.common.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text people type is shown as text: a task, a project, an appeal and a user whose names carry HTML and script are
 * listed and opened on every page that shows them, and each page shows the markup escaped, never as markup.
 */
@LuoshiTest
class StoredScriptTest {

    private static final String TASK = "<script>xssTask()</script>督办脚本测试";
    private static final String IMG = "<img src=x onerror=xssImg()>";
    private static final String PROJECT = "<script>xssProject()</script>脚本测试项目";
    private static final String APPEAL = "<script>xssAppeal()</script>脚本测试诉求";
    private static final String USER = "<b onmouseover=xssUser()>脚本测试用户</b>";

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    private long unit(String code) {
        return units.findByCode(code).orElseThrow().id();
    }

    @Test
    void markupInStoredTextIsShownEscapedOnEveryPageThatShowsIt() {
        Api office = Api.as(port, "duchashi");
        Api.Response task = office.post("/api/v1/tasks", Map.of("title", TASK, "description", IMG + "请按期报送",
                "leadUnitId", unit(DemoCity.GXJ), "dueDate", "2026-12-31"));
        assertThat(task.status()).as(task.body()).isEqualTo(201);
        long taskId = task.json().path("id").asLong();

        Api.Response project = Api.as(port, "fgw").post("/api/v1/projects", Map.of("name", PROJECT,
                "category", "INFRASTRUCTURE", "leadUnitId", unit(DemoCity.FGW), "totalInvestment", 1000,
                "startYear", 2026, "endYear", 2027, "stage", "PREPARATION", "location", IMG));
        assertThat(project.status()).as(project.body()).isEqualTo(201);
        long projectId = project.json().path("id").asLong();

        Map<String, Object> appeal = new LinkedHashMap<>();
        appeal.put("creditCode", DemoCity.QIYE1_CREDIT_CODE);
        appeal.put("enterpriseName", "示例重工机械有限公司");
        appeal.put("contactName", IMG + "王经理");
        appeal.put("contactPhone", "0714-6200999");
        appeal.put("categoryCode", "POWER");
        appeal.put("title", APPEAL);
        appeal.put("content", IMG + "厂区临时用电迟迟未接通");
        Api.Response filed = Api.anonymous(port).from("198.51.100.90").post("/api/v1/appeals", appeal);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String code = filed.json().path("code").asString();
        long appealId = office.get("/api/v1/appeals?q=" + code).json().path("content").get(0).path("id").asLong();

        Api.Response user = Api.as(port, "admin").post("/api/v1/users", Map.of("username", "script-user",
                "displayName", USER, "password", "Inert2026pw", "unitId", unit(DemoCity.GXJ),
                "roles", List.of("UNIT_HANDLER")));
        assertThat(user.status()).as(user.body()).isEqualTo(201);

        // Each page, and the text it must show escaped.
        expectEscaped(office, "/tasks?q=督办脚本测试", TASK);
        expectEscaped(office, "/tasks/" + taskId, TASK, IMG);
        expectEscaped(office, "/projects?q=脚本测试项目", PROJECT);
        expectEscaped(office, "/projects/" + projectId, PROJECT, IMG);
        expectEscaped(office, "/appeals?q=" + code, APPEAL);
        expectEscaped(office, "/appeals/" + appealId, APPEAL, IMG);
        expectEscaped(Api.as(port, "admin"), "/admin/users?q=script-user", USER);
        expectEscaped(Api.as(port, "admin"), "/audit", USER);
        // Pages that list everything recent: nothing of it as markup, whatever they show.
        for (String path : List.of("/", "/tasks", "/tasks/escalations", "/projects", "/appeals",
                "/appeals/dashboard", "/audit")) {
            expectEscaped(office, path);
        }
        expectEscaped(Api.as(port, "leader"), "/cockpit");
        expectEscaped(Api.as(port, "gxj"), "/");
    }

    /** The page answers, holds none of the markup, and shows each given text escaped. */
    private static void expectEscaped(Api as, String path, String... shown) {
        Api.Response page = as.get(path);
        assertThat(page.status()).as(path).isEqualTo(200);
        String html = page.body();
        for (String markup : new String[] {"<script>xss", "<img src=x onerror", "<b onmouseover"}) {
            // An attribute value or text may hold the escaped form; the raw form never.
            assertThat(html).as(path + " holds " + markup).doesNotContain(markup);
        }
        for (String text : shown) {
            assertThat(html).as(path + " shows " + text).contains(escaped(text));
        }
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
