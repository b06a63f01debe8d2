package cn.luoshi.appeal.internal.web;

import java.io.IOException;

import cn.luoshi.appeal.internal.Intake;
import cn.luoshi.appeal.internal.PublicIntakeGuard;
import cn.luoshi.common.web.EarlyRefusal;
import cn.luoshi.common.web.Messages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What anyone may post (an appeal from the public form, the API or Open311) is refused before its body is read when
 * it could not be accepted anyway: larger than five attachments of 10 MB and the form, of no stated length, or from
 * an address that has used up its filings (429). Otherwise a stranger could make the server read 150 MB for an
 * answer it knew before the first byte. Runs before sign-in and CSRF, which would read a form's fields and so its
 * whole multipart body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PublicUploadGate extends OncePerRequestFilter {

    /** Five attachments at their limit and a megabyte for the form's fields and the multipart framing. */
    static final long MAX_BODY = Intake.MAX_FILES * Intake.MAX_FILE_BYTES + 1024 * 1024;

    private final PublicIntakeGuard guard;
    private final Messages messages;

    PublicUploadGate(PublicIntakeGuard guard, Messages messages) {
        this.guard = guard;
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/public/appeals") || path.equals("/api/v1/appeals")
                || path.startsWith("/open311/v2/requests"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            EarlyRefusal.send(request, response, HttpStatus.LENGTH_REQUIRED, "error.lengthRequired", messages);
            return;
        }
        if (length > MAX_BODY) {
            EarlyRefusal.send(request, response, HttpStatus.CONTENT_TOO_LARGE, "error.bodyTooLarge", messages,
                    MAX_BODY / 1024 / 1024);
            return;
        }
        // Public filers are counted by address; a request signing in by its own credentials (an enterprise or an
        // Open311 system) is counted after sign-in, by account or key.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getHeader("Authorization") == null && !path.startsWith("/open311/")
                && guard.isOverLimit(ClientAddress.of(request))) {
            EarlyRefusal.send(request, response, HttpStatus.TOO_MANY_REQUESTS, "appeal.error.tooMany", messages,
                    guard.windowMinutes(), guard.limit());
            return;
        }
        chain.doFilter(request, response);
    }
}
