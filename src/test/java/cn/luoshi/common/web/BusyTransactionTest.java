package cn.luoshi.common.web;

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A service whose transaction could not start because no connection came free in the pool's wait (seen under load
 * when a citizen filed an appeal) is answered as busy, 503 with when to retry, not as an internal error; a
 * transaction that failed to start for another reason stays an internal error.
 */
class BusyTransactionTest {

    @RestController
    static class Filing {
        @PostMapping("/api/v1/busy")
        void busy() {
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                    new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                            new SQLTransientConnectionException("luoshi-embedded - Connection is not available, "
                                    + "request timed out after 5053ms (total=20, active=20, idle=0, waiting=31)")));
        }

        @PostMapping("/api/v1/broken")
        void broken() {
            throw new CannotCreateTransactionException("JDBC begin failed", new IllegalStateException("read-only"));
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Filing())
            .setControllerAdvice(new ErrorHandling(new Messages(new MessagesConfiguration().messageSource())))
            .build();

    BusyTransactionTest() throws Exception {
    }

    @Test
    void noConnectionForTheTransactionIsBusyAndChangesNothing() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/busy").accept(MediaType.APPLICATION_JSON)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("10");
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"code\":\"error.busy\"", "系统繁忙或数据库暂时无响应，本次操作未做任何更改，请稍后重试");
    }

    @Test
    void anotherFailureToBeginIsAnInternalError() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/broken").accept(MediaType.APPLICATION_JSON)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(500);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"code\":\"error.internal\"");
    }
}
