package cn.luoshi.common;

import java.util.List;

import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A module that is not built is not offered anywhere: no menu entry leads to a placeholder page. */
@LuoshiTest
class NavigationTest {

    @LocalServerPort
    int port;

    @Test
    void noRoleIsOfferedAModuleThatIsNotBuilt() {
        for (String user : List.of("duchashi", "gxj", "tjj", "admin", "cgq")) {
            String home = Api.as(port, user).get("/").body();
            assertThat(home).as(user).contains("督查督办")
                    .doesNotContain("即将推出", "href=\"/assessments\"", "href=\"/reports\"", "href=\"/meetings\"");
        }
        Api office = Api.as(port, "duchashi");
        for (String path : List.of("/assessments", "/reports", "/meetings")) {
            Api.Response page = office.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).doesNotContain("即将推出");
        }
    }
}
