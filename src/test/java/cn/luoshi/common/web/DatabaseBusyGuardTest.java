package cn.luoshi.common.web;

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A filter that reads the database before any controller (the session's account check) finds no free connection:
 * the client is told the system is busy and to come back, in the API's problem shape or as a page.
 */
class DatabaseBusyGuardTest {

    private final DatabaseBusyGuard guard;

    DatabaseBusyGuardTest() throws Exception {
        guard = new DatabaseBusyGuard(new Messages(new MessagesConfiguration().messageSource()));
    }

    private static final CannotGetJdbcConnectionException NO_CONNECTION = new CannotGetJdbcConnectionException(
            "Failed to obtain JDBC Connection", new SQLTransientConnectionException(
            "luoshi-embedded - Connection is not available, request timed out after 5001ms"));

    @Test
    void anApiCallIsAnswered503InProblemShapeWithWhenToRetry() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/tasks");
        MockHttpServletResponse response = new MockHttpServletResponse();
        guard.doFilter(request, response, (req, res) -> {
            throw new ServletException("filter failed", NO_CONNECTION);
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentType()).isEqualTo("application/problem+json;charset=UTF-8");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"type\":"
                + "\"https://luoshi.cn/problems/error.busy\",\"title\":\"服务暂不可用\",\"status\":503,\"detail\":"
                + "\"系统繁忙或数据库暂时无响应，本次操作未做任何更改，请稍后重试\",\"detailEn\":\"The system is busy or its "
                + "database is not answering; nothing was changed. Try again in a moment.\",\"code\":\"error.busy\","
                + "\"instance\":\"/api/v1/tasks\"}");
    }

    @Test
    void aPageIsAnsweredWithAPageSayingSo() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/tasks");
        MockHttpServletResponse response = new MockHttpServletResponse();
        guard.doFilter(request, response, (req, res) -> {
            throw NO_CONNECTION;
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("<h1>服务暂不可用</h1>", "系统繁忙或数据库暂时无响应，本次操作未做任何更改，请稍后重试");
    }

    @Test
    void otherFailuresPassThroughUntouched() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/tasks");
        MockHttpServletResponse response = new MockHttpServletResponse();
        IllegalStateException other = new IllegalStateException("something else");
        assertThatThrownBy(() -> guard.doFilter(request, response, (req, res) -> {
            throw other;
        })).isSameAs(other);
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
