package cn.luoshi.org.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import cn.luoshi.common.web.RateLimiter;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting a stranger lock anyone out. Wrong passwords are counted three ways over a
 * quarter of an hour: for one name from one address, for one address over all names (a spray), and for one name
 * from all addresses (many machines guessing one account). Past a count's free tries each further try waits for a
 * pause after the last failure that doubles with every failure, from 30 seconds up to 15 minutes; there is no hard
 * lock. Guessing the administrator's name from one address therefore slows that address only: the administrator
 * signs in from another. Names that do not exist are counted like those that do, so the answers do not tell them
 * apart. A success clears the count of its name and address.
 */
@Component
class SignInThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);

    /** One way of counting: the key it counts by and how many failures within the window are free. */
    enum Count {
        NAME_FROM_ADDRESS(5), ADDRESS(20), NAME(100);

        final int freeFailures;

        Count(int freeFailures) {
            this.freeFailures = freeFailures;
        }

        String key(String name, String address) {
            return switch (this) {
                case NAME_FROM_ADDRESS -> name + "@" + address;
                case ADDRESS -> address;
                case NAME -> name;
            };
        }
    }

    private static final String BUCKET = "sign-in-failures-";

    private final RateLimiter limiter;
    private final Clock clock;

    SignInThrottle(RateLimiter limiter, Clock clock) {
        this.limiter = limiter;
        this.clock = clock;
    }

    /** How long a sign-in as this name from this address must still wait; empty when it may try now. */
    Optional<Duration> waitFor(String username, String address) {
        String name = name(username);
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (Count count : Count.values()) {
            String key = count.key(name, address);
            int failures = limiter.count(BUCKET + count, key, WINDOW);
            if (failures < count.freeFailures) {
                continue;
            }
            Instant last = limiter.latest(BUCKET + count, key, WINDOW).orElse(now);
            Duration left = Duration.between(now, last.plus(pause(failures - count.freeFailures)));
            if (left.compareTo(longest) > 0) {
                longest = left;
            }
        }
        return longest.isPositive() ? Optional.of(longest) : Optional.empty();
    }

    /** Whether the sign-in now under way (the current request's address) has to wait. */
    boolean isThrottled(String username) {
        return waitFor(username, SignInAddress.current("")).isPresent();
    }

    /** The pause after the free tries: 30 s after the first failure beyond them, doubling, at most 15 minutes. */
    static Duration pause(int failuresBeyondFree) {
        if (failuresBeyondFree >= 5) {
            return LONGEST_PAUSE;
        }
        Duration pause = FIRST_PAUSE.multipliedBy(1L << failuresBeyondFree);
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String name = name(event.getAuthentication().getName());
        String address = SignInAddress.of(event.getAuthentication(), "");
        for (Count count : Count.values()) {
            limiter.record(BUCKET + count, count.key(name, address), WINDOW);
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String name = name(event.getAuthentication().getName());
        limiter.reset(BUCKET + Count.NAME_FROM_ADDRESS, Count.NAME_FROM_ADDRESS.key(name,
                SignInAddress.of(event.getAuthentication(), "")));
    }

    private static String name(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

}
