package cn.luoshi.speech.internal;

import java.util.List;

/**
 * The speech after normalisation: the body as paragraphs separated by {@code \n}, with lines joined, boilerplate
 * and the title removed, punctuation unified and Traditional characters converted, plus a map from every body
 * character back to its offset in the original input.
 */
final class SpeechText {

    private final String original;
    private final String text;
    private final int[] origin;
    private final List<Span> paragraphs;
    private final String title;
    private final String subtitle;

    SpeechText(String original, String text, int[] origin, List<Span> paragraphs, String title, String subtitle) {
        this.original = original;
        this.text = text;
        this.origin = origin;
        this.paragraphs = List.copyOf(paragraphs);
        this.title = title;
        this.subtitle = subtitle;
    }

    String original() {
        return original;
    }

    String text() {
        return text;
    }

    List<Span> paragraphs() {
        return paragraphs;
    }

    /** The title line(s) joined, or null. */
    String title() {
        return title;
    }

    /** A "——在…上的讲话" line under the title, or null. */
    String subtitle() {
        return subtitle;
    }

    String slice(int start, int end) {
        return text.substring(start, end);
    }

    int originalStart(int start) {
        return origin[start];
    }

    /** The original offset just after the normalised character before {@code end}. */
    int originalEnd(int end) {
        int last = origin[end - 1];
        return Character.isHighSurrogate(original.charAt(last)) && last + 1 < original.length() ? last + 2 : last + 1;
    }
}
