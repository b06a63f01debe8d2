package cn.luoshi.common.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most a fixed number of requests are worked on at once; the others wait their turn at the door, first come first
 * served, for up to {@code luoshi.requests.queue-wait}. Requests run on virtual threads, which the JVM does not
 * preempt: in a burst (a morning's sign-ins after a start, when the JIT is still compiling) hundreds of runnable
 * requests would share two carriers, and one holding a pooled connection waits its turn among all of them, so the
 * connections are held many times longer than their queries take and the pool's short wait (kept short so that a
 * database that is down is told quickly) runs out. Waiting here instead costs nothing: the request holds no
 * connection yet. Only after the queue's own patience is the request answered busy, like a full pool.
 * Static files and the health check pass straight through. The sign-in form's post waits like any request: let
 * through, a morning's burst of sign-ins took the pool's connections for its account lookups and sign-in records
 * (in the province soak 63 sign-ins were answered busy, against one with the gate).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestGate extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestGate.class);

    private final Semaphore places;
    private final long waitNanos;
    private final Messages messages;

    RequestGate(@Value("${luoshi.requests.in-flight:32}") int inFlight,
                @Value("${luoshi.requests.queue-wait:PT30S}") Duration queueWait, Messages messages) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("luoshi.requests.in-flight must be at least 1, not " + inFlight);
        }
        this.places = new Semaphore(inFlight, true);
        this.waitNanos = queueWait.toNanos();
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/img/") || path.equals("/favicon.ico") || path.startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = places.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            log.warn("Request queue full for {} {}", request.getMethod(), request.getRequestURI());
            response.setHeader("Retry-After", DatabaseBusyGuard.RETRY_AFTER_SECONDS);
            EarlyRefusal.send(request, response, HttpStatus.SERVICE_UNAVAILABLE, "error.busy", messages);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
        }
    }

    /** Requests waiting at the door now (for the figures of a soak). */
    int waiting() {
        return places.getQueueLength();
    }
}
