package cn.luoshi.org.internal;

import java.time.Duration;
import java.util.Locale;

import cn.luoshi.common.web.RateLimiter;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account for a quarter of an hour after five wrong passwords in a row within that time, so passwords
 * cannot be guessed by trying; a successful sign-in clears the count.
 */
@Component
class SignInThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final String BUCKET = "sign-in-failures";

    private final RateLimiter limiter;

    SignInThrottle(RateLimiter limiter) {
        this.limiter = limiter;
    }

    boolean isLocked(String username) {
        return limiter.count(BUCKET, key(username), WINDOW) >= MAX_FAILURES;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        limiter.record(BUCKET, key(event.getAuthentication().getName()), WINDOW);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        limiter.reset(BUCKET, key(event.getAuthentication().getName()));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}
