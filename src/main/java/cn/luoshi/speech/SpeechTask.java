package cn.luoshi.speech;

import java.util.List;

/**
 * A deployed item: one sentence that says what must be done.
 *
 * @param text        the sentence, normalised (lines joined, Simplified characters)
 * @param outlinePath the headings from the top of the outline down to the innermost heading containing the
 *                    sentence (empty when the sentence stands before any heading)
 * @param start       offset in the original text
 * @param end         end offset in the original text
 */
public record SpeechTask(String text, List<String> outlinePath, int start, int end) {

    public SpeechTask {
        outlinePath = List.copyOf(outlinePath);
    }
}
