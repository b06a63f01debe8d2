package cn.luoshi.speech;

import java.time.Duration;
import java.util.Objects;

/**
 * What one extraction may cost.
 *
 * @param maxBytes   the largest input accepted, counted in UTF-8 bytes; larger input throws
 *                   {@link SpeechTooLargeException}
 * @param timeBudget how long the extraction may run; when it is spent, the remaining stages are skipped and the
 *                   result is marked partial
 */
public record SpeechLimits(long maxBytes, Duration timeBudget) {

    /** 2 MB and five seconds. */
    public static final SpeechLimits DEFAULT = new SpeechLimits(2L * 1024 * 1024, Duration.ofSeconds(5));

    public SpeechLimits {
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (maxBytes <= 0 || timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
