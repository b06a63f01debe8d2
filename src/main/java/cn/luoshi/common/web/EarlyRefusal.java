package cn.luoshi.common.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

/**
 * A refusal written by a filter before the request's body is read, so before any controller, form binding or sign-in:
 * problem details for the API, a short page for the browser. The connection is closed after it, so the server does
 * not read (and the client need not send) the body it refused.
 */
public final class EarlyRefusal {

    /** Marks a request whose body was refused unread: the container closes its connection without reading it. */
    static final String BODY_REFUSED = EarlyRefusal.class.getName() + ".bodyRefused";

    private EarlyRefusal() {
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                            Messages messages, Object... args) throws IOException {
        response.setStatus(status.value());
        response.setHeader("Connection", "close");
        request.setAttribute(BODY_REFUSED, Boolean.TRUE);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String detail = messages.chinese(code, args);
        if (path.startsWith("/api/") || path.startsWith("/open311/")) {
            response.setContentType("application/problem+json;charset=UTF-8");
            response.getOutputStream().write(problemJson(request, status, code, messages, args)
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            response.setContentType("text/html;charset=UTF-8");
            String page = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>"
                    + HtmlUtils.htmlEscape(messages.chinese("status." + status.value()))
                    + " · 落实</title></head><body><main style=\"max-width:40rem;margin:3rem auto;font-family:sans-serif\">"
                    + "<h1>" + HtmlUtils.htmlEscape(messages.chinese("status." + status.value())) + "</h1><p id=\"message\">"
                    + HtmlUtils.htmlEscape(detail) + "</p><p><a href=\"javascript:history.back()\">"
                    + HtmlUtils.htmlEscape(messages.chinese("error.back")) + "</a></p></main></body></html>";
            response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
        }
        response.flushBuffer();
    }

    /** RFC 9457 problem details in the API's shape (Chinese detail, English detailEn, the message code). */
    public static String problemJson(HttpServletRequest request, HttpStatus status, String code, Messages messages,
                                     Object... args) {
        return "{\"type\":\"https://luoshi.cn/problems/" + code + "\",\"title\":\""
                + jsonText(messages.chinese("status." + status.value())) + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + jsonText(messages.chinese(code, args)) + "\",\"detailEn\":\""
                + jsonText(messages.english(code, args)) + "\",\"code\":\"" + code + "\",\"instance\":\""
                + jsonText(request.getRequestURI()) + "\"}";
    }

    /** Text as the inside of a JSON string: quotes, backslashes and control characters escaped. */
    public static String jsonText(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
