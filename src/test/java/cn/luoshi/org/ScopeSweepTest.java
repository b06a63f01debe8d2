package cn.luoshi.org;

import java.util.ArrayList;
import java.util.List;

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
 * A sweep over every list-style API endpoint (GET without path variables), whatever module adds it: signed in as
 * the handler of 城关区, no answer may mention 江南区 or carry its data, and none may fail.
 */
@LuoshiTest
class ScopeSweepTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void noListEndpointLeaksAnotherDistrictsData() {
        List<String> paths = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            boolean get = info.getMethodsCondition().getMethods().isEmpty()
                    || info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
            if (!get || info.getPathPatternsCondition() == null) {
                return;
            }
            info.getPathPatternsCondition().getPatternValues().stream()
                    .filter(p -> p.startsWith("/api/v1/") && !p.contains("{"))
                    .forEach(paths::add);
        });
        assertThat(paths).contains("/api/v1/org-units", "/api/v1/me");

        Api cgq = Api.as(port, "cgq");
        for (String path : paths) {
            Api.Response response = cgq.get(path);
            assertThat(response.status()).as(path).isLessThan(500);
            assertThat(response.body()).as(path).doesNotContain("江南区");
        }
    }
}
