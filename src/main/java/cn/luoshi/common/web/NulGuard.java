package cn.luoshi.common.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import cn.luoshi.common.error.DomainException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The NUL character (U+0000) has no place in any text this system keeps, and PostgreSQL cannot store it: a request
 * carrying one, in a query or form parameter or in a JSON string, is refused with 400 before any controller runs,
 * as problem details for the API and the error page for the browser.
 */
@Configuration(proxyBeanMethods = false)
class NulGuard implements WebMvcConfigurer {

    static final String FOUND = NulGuard.class.getName() + ".found";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getAttribute(FOUND) != null || hasNul(request.getParameterMap())) {
                    throw DomainException.invalid("error.nulCharacter");
                }
                return true;
            }
        }).order(Ordered.HIGHEST_PRECEDENCE);
    }

    static boolean hasNul(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> e : parameters.entrySet()) {
            if (e.getKey().indexOf('\0') >= 0) {
                return true;
            }
            for (String value : e.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when JSON text holds a NUL, raw or as the escape {@code \u0000} (not an escaped backslash before it). */
    static boolean jsonHasNul(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                return true;
            }
            if (body[i] == '\\') {
                if (i + 5 < body.length && body[i + 1] == 'u' && body[i + 2] == '0' && body[i + 3] == '0'
                        && body[i + 4] == '0' && body[i + 5] == '0') {
                    return true;
                }
                i++; // skip the escaped character, so "\\u0000" (a backslash, then text) is not taken for a NUL
            }
        }
        return false;
    }

    /** Reads a JSON body once, marks the request when it holds a NUL, and hands the same bytes on. */
    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    static class JsonBodyCheck extends OncePerRequestFilter {

        /** No JSON body this system takes comes near this; a larger one is refused before it is read. */
        static final int MAX_JSON_BYTES = 10 * 1024 * 1024;

        private final Messages messages;

        JsonBodyCheck(Messages messages) {
            this.messages = messages;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String type = request.getContentType();
            return type == null || !type.toLowerCase(java.util.Locale.ROOT).matches("application/([a-z0-9.+-]*\\+)?json.*");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getContentLengthLong() > MAX_JSON_BYTES) {
                EarlyRefusal.send(request, response, HttpStatus.CONTENT_TOO_LARGE, "error.jsonTooLarge", messages,
                        MAX_JSON_BYTES / 1024 / 1024);
                return;
            }
            // Without a stated length (chunked), read one byte past the limit to know it was passed.
            byte[] body = request.getInputStream().readNBytes(MAX_JSON_BYTES + 1);
            if (body.length > MAX_JSON_BYTES) {
                EarlyRefusal.send(request, response, HttpStatus.CONTENT_TOO_LARGE, "error.jsonTooLarge", messages,
                        MAX_JSON_BYTES / 1024 / 1024);
                return;
            }
            if (jsonHasNul(body)) {
                request.setAttribute(FOUND, Boolean.TRUE);
            }
            chain.doFilter(new CachedBody(request, body), response);
        }
    }

    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
