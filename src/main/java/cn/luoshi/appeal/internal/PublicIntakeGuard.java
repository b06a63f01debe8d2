package cn.luoshi.appeal.internal;

import java.time.Duration;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.web.RateLimiter;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Flood protection for what anyone may call: filings per client address (and per enterprise account), and token
 * look-ups per address so follow-up tokens cannot be guessed by trying.
 */
@Component
public class PublicIntakeGuard {

    static final String INTAKE = "appeal-intake";
    static final String LOOKUP = "appeal-lookup";

    private final RateLimiter limiter;
    private final int limit;
    private final Duration window;
    private final int lookupLimit;

    PublicIntakeGuard(RateLimiter limiter, @Value("${luoshi.appeals.public-limit:10}") int limit,
                      @Value("${luoshi.appeals.public-window:PT10M}") Duration window,
                      @Value("${luoshi.appeals.lookup-limit:120}") int lookupLimit) {
        this.limiter = limiter;
        this.limit = limit;
        this.window = window;
        this.lookupLimit = lookupLimit;
    }

    /** Refuses with 429 once the address filed {@code limit} appeals within the window. */
    public void check(String address) {
        if (!limiter.tryAcquire(INTAKE, address, limit, window)) {
            throw new DomainException(HttpStatus.TOO_MANY_REQUESTS, "appeal.error.tooMany",
                    window.toMinutes(), limit);
        }
    }

    public long windowMinutes() {
        return window.toMinutes();
    }

    public int limit() {
        return limit;
    }

    /** Whether the address has used up its filings for now; asked before an upload is read, counting nothing. */
    public boolean isOverLimit(String address) {
        return limiter.count(INTAKE, address, window) >= limit;
    }

    public void checkLookup(String address) {
        if (!limiter.tryAcquire(LOOKUP, address, lookupLimit, window)) {
            throw new DomainException(HttpStatus.TOO_MANY_REQUESTS, "appeal.error.tooManyLookups");
        }
    }

    /** An Open311 client system files for many enterprises: a wider limit, per key rather than per address. */
    public void checkClient(long clientId) {
        if (!limiter.tryAcquire(INTAKE, "open311-" + clientId, limit * 30, window)) {
            throw new DomainException(HttpStatus.TOO_MANY_REQUESTS, "appeal.error.tooMany", window.toMinutes(),
                    limit * 30);
        }
    }

    /** Enterprise accounts file like the public; staff entering appeals are not limited. */
    public boolean limitsUser(LuoshiUser user) {
        return user.has(Role.ENTERPRISE);
    }

    /** For tests and operators: forget an address's count. */
    public void reset(String address) {
        limiter.reset(INTAKE, address);
        limiter.reset(LOOKUP, address);
    }

    /**
     * The signed-in user only when the request carries its own credentials (Basic or token). A browser session's
     * cookie alone does not count on these CSRF-exempt public endpoints, so another site cannot file or rate in the
     * name of a signed-in user.
     */
    public static LuoshiUser credentialedUser(HttpServletRequest request) {
        if (request.getHeader("Authorization") == null) {
            return null;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof LuoshiUser user ? user : null;
    }
}
