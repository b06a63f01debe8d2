package cn.luoshi.common.web;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The same plain answer as {@link ErrorHandling#busy} for the filters that read the database before any controller
 * (the session's account check, tokens, HTTP Basic): when no connection comes free in the pool's wait, the request is
 * answered 503 with a message to try again, not a bare internal error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseBusyGuard extends OncePerRequestFilter {

    /** When a client told the system is busy should try again. */
    static final String RETRY_AFTER_SECONDS = "10";

    private static final Logger log = LoggerFactory.getLogger(DatabaseBusyGuard.class);

    private final Messages messages;

    DatabaseBusyGuard(Messages messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!noConnection(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("No database connection for {} {}", request.getMethod(), request.getRequestURI());
            response.resetBuffer();
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            EarlyRefusal.send(request, response, HttpStatus.SERVICE_UNAVAILABLE, "error.busy", messages);
        }
    }

    static boolean noConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
