package cn.luoshi.org.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.org.LuoshiUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every password sign-in, on the form or by HTTP Basic, succeeded or refused, goes to the audit log with the user
 * name as given and the address it came from. Personal API tokens are not sign-ins.
 */
@Component
class SignInAudit {

    private static final int MAX_NAME = 64;

    /**
     * An API client sends Basic with every call; its successful sign-in is recorded once an hour per user and
     * address (on each node), not once a request, so the log keeps what an auditor reads. Failures always are.
     */
    static final Duration BASIC_SUCCESS_EVERY = Duration.ofHours(1);

    private final ApplicationEventPublisher events;
    private final UserRepository users;
    private final Clock clock;
    private final Map<String, Instant> basicRecorded = new ConcurrentHashMap<>();

    SignInAudit(ApplicationEventPublisher events, UserRepository users, Clock clock) {
        this.events = events;
        this.users = users;
        this.clock = clock;
    }

    /** Whether this Basic success is the first of its user and address in the window. */
    private boolean firstBasicInWindow(String username, String address) {
        Instant now = clock.instant();
        if (basicRecorded.size() > 10_000) {
            basicRecorded.values().removeIf(at -> !at.plus(BASIC_SUCCESS_EVERY).isAfter(now));
        }
        boolean[] first = {false};
        basicRecorded.compute(username + "@" + address, (key, at) -> {
            if (at == null || !at.plus(BASIC_SUCCESS_EVERY).isAfter(now)) {
                first[0] = true;
                return now;
            }
            return at;
        });
        return first[0];
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        if (!(auth.getPrincipal() instanceof LuoshiUser user)) {
            return;
        }
        String channel = channel();
        String address = SignInAddress.of(auth, "未知");
        if (channel.equals("HTTP Basic") && !firstBasicInWindow(user.getUsername(), address)) {
            return;
        }
        var record = new AuditRecord("org.signIn.succeeded", "User", String.valueOf(user.id()), user.unitId(),
                "用户「" + user.getUsername() + "」登录成功（" + channel + "），来源地址 " + address, null, null);
        // The log names the user as the actor, though the request is not signed in yet.
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            events.publishEvent(record);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        Authentication auth = event.getAuthentication();
        String name = printable(auth.getName());
        var known = name.isEmpty() ? null : users.findByUsername(name).orElse(null);
        String reason = event.getException() instanceof LockedException ? "登录失败过多，需等待后再试" : "用户名或密码错误";
        events.publishEvent(new AuditRecord("org.signIn.failed", "User",
                known == null ? null : String.valueOf(known.account().id()),
                known == null ? null : known.account().unitId(),
                "用户名「" + name + "」登录失败（" + channel() + "，" + reason + "），来源地址 " + SignInAddress.of(auth, "未知"),
                null, null));
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private static String channel() {
        HttpServletRequest request = request();
        if (request == null) {
            return "其他";
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && "/login".equals(path) ? "登录页" : "HTTP Basic";
    }


    /** The name as typed, without control characters and cut to the length a user name may have. */
    private static String printable(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c)).limit(MAX_NAME).forEach(out::appendCodePoint);
        return out.toString();
    }
}
