package cn.luoshi.common.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests beyond the number worked on at once wait at the door and are served in turn; only one that has waited the
 * queue's whole patience is told the system is busy. Static files and the health check never wait.
 */
class RequestGateTest {

    private final Messages messages;

    RequestGateTest() throws Exception {
        messages = new Messages(new MessagesConfiguration().messageSource());
    }

    /** A request that has taken the gate's place and works until released. */
    private record Held(Thread thread, CountDownLatch finish) {
        void release() throws InterruptedException {
            finish.countDown();
            thread.join();
        }
    }

    /** Starts a request that takes a place and keeps it until {@link Held#release()}; returns once it is inside. */
    private static Held hold(RequestGate gate) throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                gate.doFilter(new MockHttpServletRequest("GET", "/tasks"), new MockHttpServletResponse(),
                        (req, res) -> {
                            entered.countDown();
                            try {
                                finish.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        entered.await();
        return new Held(thread, finish);
    }

    private static FilterChain answering(int status) {
        return (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res).setStatus(status);
    }

    @Test
    void aRequestFindingEveryPlaceTakenAfterThePatienceIsToldBusyAndTheNextOneAfterIsServed() throws Exception {
        RequestGate gate = new RequestGate(1, Duration.ZERO, messages);
        Held first = hold(gate);

        MockHttpServletResponse refused = new MockHttpServletResponse();
        AtomicBoolean ran = new AtomicBoolean();
        gate.doFilter(new MockHttpServletRequest("POST", "/api/v1/appeals"), refused, (req, res) -> ran.set(true));
        assertThat(ran).isFalse();
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("10");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json;charset=UTF-8");
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("\"code\":\"error.busy\"", "系统繁忙或数据库暂时无响应，本次操作未做任何更改，请稍后重试");

        first.release();
        MockHttpServletResponse served = new MockHttpServletResponse();
        gate.doFilter(new MockHttpServletRequest("GET", "/tasks"), served, answering(204));
        assertThat(served.getStatus()).isEqualTo(204);
    }

    @Test
    void aRequestWaitsItsTurnInsteadOfFailingAndIsServedWhenAPlaceComesFree() throws Exception {
        RequestGate gate = new RequestGate(1, Duration.ofHours(1), messages);
        Held first = hold(gate);

        AtomicBoolean ran = new AtomicBoolean();
        MockHttpServletResponse second = new MockHttpServletResponse();
        Thread waiting = Thread.ofPlatform().start(() -> {
            try {
                gate.doFilter(new MockHttpServletRequest("GET", "/"), second, (req, res) -> {
                    ran.set(true);
                    ((jakarta.servlet.http.HttpServletResponse) res).setStatus(200);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // the second request is parked at the door, not worked on and not refused
        while (gate.waiting() == 0) {
            Thread.onSpinWait();
        }
        assertThat(ran).isFalse();
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(second.getContentAsString()).isEmpty();

        first.release();
        waiting.join();
        assertThat(ran).isTrue();
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void staticFilesAndTheHealthCheckPassWhileEveryPlaceIsTakenAndTheSignInWaitsLikeAnyRequest() throws Exception {
        RequestGate gate = new RequestGate(1, Duration.ZERO, messages);
        Held first = hold(gate);
        try {
            for (String path : new String[] {"/css/luoshi.css", "/webjars/bootstrap/css/bootstrap.min.css",
                    "/js/htmx.min.js", "/img/logo.svg", "/favicon.ico", "/actuator/health"}) {
                MockHttpServletResponse response = new MockHttpServletResponse();
                gate.doFilter(new MockHttpServletRequest("GET", path), response, answering(204));
                assertThat(response.getStatus()).as(path).isEqualTo(204);
            }
            MockHttpServletResponse signIn = new MockHttpServletResponse();
            gate.doFilter(new MockHttpServletRequest("POST", "/login"), signIn, answering(302));
            assertThat(signIn.getStatus()).isEqualTo(503);
            MockHttpServletResponse signInForm = new MockHttpServletResponse();
            gate.doFilter(new MockHttpServletRequest("GET", "/login"), signInForm, answering(200));
            assertThat(signInForm.getStatus()).isEqualTo(503);
            MockHttpServletResponse page = new MockHttpServletResponse();
            gate.doFilter(new MockHttpServletRequest("GET", "/cockpit"), page, answering(204));
            assertThat(page.getStatus()).isEqualTo(503);
            assertThat(page.getContentType()).isEqualTo("text/html;charset=UTF-8");
        } finally {
            first.release();
        }
    }
}
