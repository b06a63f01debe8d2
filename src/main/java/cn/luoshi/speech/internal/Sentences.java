package cn.luoshi.speech.internal;

import java.util.ArrayList;
import java.util.List;

/** Splits paragraphs into sentences or list items, keeping the closing punctuation inside each span. */
final class Sentences {

    private Sentences() {
    }

    /** Items end at 。！？… and ；. */
    static List<Span> items(String text, Span paragraph) {
        return split(text, paragraph, true);
    }

    /** Sentences end at 。！？…; semicolons stay inside. */
    static List<Span> sentences(String text, Span paragraph) {
        return split(text, paragraph, false);
    }

    private static List<Span> split(String text, Span paragraph, boolean atSemicolon) {
        List<Span> spans = new ArrayList<>();
        int start = paragraph.start();
        int end = paragraph.end();
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            boolean stop = Chars.isSentenceEnd(c) || (atSemicolon && c == '；');
            i++;
            if (stop) {
                // closing quotes and repeated marks belong to the sentence they end
                while (i < end && (Chars.isSentenceEnd(text.charAt(i)) || text.charAt(i) == '”' || text.charAt(i) == '’'
                        || text.charAt(i) == '）')) {
                    i++;
                }
                add(spans, text, start, i);
                start = i;
            }
        }
        add(spans, text, start, end);
        return spans;
    }

    private static void add(List<Span> spans, String text, int start, int end) {
        while (start < end && Chars.isClosingPunctuation(text.charAt(start))) {
            start++;
        }
        if (end > start) {
            spans.add(new Span(start, end));
        }
    }
}
