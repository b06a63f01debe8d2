package cn.luoshi.speech;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import cn.luoshi.speech.internal.ExtractionPipeline;

/**
 * Extracts the structure and the deployed items of a meeting speech. Thread-safe and stateless; one instance can
 * serve every request.
 *
 * <pre>{@code
 * SpeechExtraction result = new SpeechExtractor().extract(text);
 * result.outline();   // the headings as a tree
 * result.tasks();     // what the speech deploys, with outline paths
 * }</pre>
 */
public final class SpeechExtractor {

    private final SpeechLimits limits;

    public SpeechExtractor() {
        this(SpeechLimits.DEFAULT);
    }

    public SpeechExtractor(SpeechLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public SpeechLimits limits() {
        return limits;
    }

    /**
     * Reads one speech.
     *
     * @param text the raw text, as pasted or read from a file
     * @return what was found; offsets refer to {@code text}
     * @throws SpeechTooLargeException when the text exceeds {@link SpeechLimits#maxBytes()}
     */
    public SpeechExtraction extract(String text) {
        Objects.requireNonNull(text, "text");
        long size = utf8Length(text, limits.maxBytes());
        if (size > limits.maxBytes()) {
            throw new SpeechTooLargeException(size, limits.maxBytes());
        }
        return ExtractionPipeline.run(text, limits.timeBudget().toNanos());
    }

    /** The UTF-8 size, counted only as far as needed to know it exceeds the limit. */
    static long utf8Length(String text, long limit) {
        if ((long) text.length() * 3 <= limit) {
            return text.length();
        }
        if (text.length() > limit) {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
