package cn.luoshi.speech.internal;

import java.util.ArrayList;
import java.util.List;

/** Splits a sentence into clauses at ，；：and around parenthesised asides. */
final class Clauses {

    private Clauses() {
    }

    static List<Span> split(String text, Span sentence) {
        List<Span> clauses = new ArrayList<>();
        int start = sentence.start();
        for (int i = sentence.start(); i < sentence.end(); i++) {
            char c = text.charAt(i);
            if (Chars.isClauseEnd(c) || c == '（' || c == '）') {
                add(clauses, start, c == '（' ? i : i + 1, text);
                start = c == '（' ? i : i + 1;
            }
        }
        add(clauses, start, sentence.end(), text);
        return clauses;
    }

    private static void add(List<Span> clauses, int start, int end, String text) {
        while (end > start && Chars.isClauseEnd(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            clauses.add(new Span(start, end));
        }
    }
}
