package cn.luoshi.speech.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Builds the outline tree from the markers in the text.
 *
 * <p>Levels are not fixed per marker style: a style's level is where it first appears under its parent, the way
 * a reader follows the numbering. A marker of a style already open closes everything below it and becomes its
 * sibling; a new style opens one level deeper. Markers inside a paragraph (一是, 首先) live only in that
 * paragraph unless they form a heading paragraph of their own, and never contain block headings. A list that
 * restarts at one right after a finished list of the same style under the same heading belongs one level up.
 */
final class OutlineParser {

    static final int MAX_SECTIONS = 5_000;
    private static final int RUN_IN_LIMIT = 40;
    private static final String[] RUN_IN_STARTS = {"今年", "去年", "近年来", "近年", "当前", "目前", "上半年", "全年", "过去",
            "我们", "同志们", "这次", "今天"};

    private final String text;
    private final List<Span> paragraphs;
    private final Budget budget;
    private final Section root;
    private final Deque<Section> stack = new ArrayDeque<>();
    private int count;

    private OutlineParser(SpeechText speech, Budget budget) {
        this.text = speech.text();
        this.paragraphs = speech.paragraphs();
        this.budget = budget;
        this.root = Section.root(text.length());
    }

    static Section parse(SpeechText speech, Budget budget) {
        return new OutlineParser(speech, budget).build();
    }

    private Section build() {
        List<List<Marker>> markers = MarkerValidation.accepted(collect());
        stack.push(root);
        for (int p = 0; p < paragraphs.size() && !budget.exhausted(); p++) {
            Span paragraph = paragraphs.get(p);
            closeParagraphScoped(paragraph.start());
            List<Marker> inParagraph = markers.get(p);
            for (int m = 0; m < inParagraph.size() && count < MAX_SECTIONS; m++) {
                Marker marker = inParagraph.get(m);
                int nextStart = m + 1 < inParagraph.size() ? inParagraph.get(m + 1).start() : paragraph.end();
                place(marker, paragraph, nextStart);
            }
        }
        while (stack.size() > 1) {
            stack.pop().end = text.length();
        }
        return root;
    }

    /** Candidate markers per paragraph, outside quotes. */
    private List<List<Marker>> collect() {
        List<List<Marker>> all = new ArrayList<>(paragraphs.size());
        for (Span paragraph : paragraphs) {
            List<Marker> found = new ArrayList<>();
            int quoteDepth = 0;
            for (int i = paragraph.start(); i < paragraph.end(); i++) {
                char c = text.charAt(i);
                if (c == '“' || c == '《' || c == '「') {
                    quoteDepth++;
                    continue;
                }
                if ((c == '”' || c == '》' || c == '」') && quoteDepth > 0) {
                    quoteDepth--;
                    continue;
                }
                if (quoteDepth > 0 || !mayStartMarker(c)) {
                    continue;
                }
                boolean afterBoundary = i == paragraph.start() || Chars.isSentenceEnd(text.charAt(i - 1));
                Marker marker = MarkerScanner.markerAt(text, i, afterBoundary);
                if (marker != null) {
                    found.add(marker);
                    i = marker.end() - 1;
                }
            }
            all.add(found);
        }
        return all;
    }

    private static boolean mayStartMarker(char c) {
        return c == '（' || c == '第' || Chars.isDigit(c) || (c >= '\u2460' && c <= '\u2473')
                || "一二三四五六七八九十首其再然最".indexOf(c) >= 0;
    }

    private void closeParagraphScoped(int paragraphStart) {
        while (stack.peek().paragraphScoped) {
            stack.pop().end = paragraphStart;
        }
    }

    private void place(Marker marker, Span paragraph, int nextMarkerStart) {
        int headingStart = skipSeparators(marker.end(), paragraph.end());
        int headingEnd = headingEnd(marker, headingStart, paragraph, nextMarkerStart);
        String heading = trimTrailing(text.substring(headingStart, headingEnd));
        boolean atParagraphStart = marker.start() == paragraph.start();
        boolean headingParagraph = atParagraphStart && restIsPunctuation(headingEnd, paragraph.end());
        Section parent = marker.inline() ? parentForInline(marker) : parentForBlock(marker);
        boolean scoped = marker.inline() && !headingParagraph;
        Section section = new Section(marker, heading, headingEnd, parent, scoped);
        parent.children.add(section);
        stack.push(section);
        count++;
    }

    private Section parentForBlock(Marker marker) {
        while (stack.peek().isInline()) {
            stack.pop().end = marker.start();
        }
        Section same = openWithStyle(marker.style());
        if (same != null) {
            popThrough(same, marker.start());
            return same.parent;
        }
        return stack.peek();
    }

    private Section parentForInline(Marker marker) {
        Section same = openWithStyle(marker.style());
        if (same != null && marker.number() > same.marker.number()) {
            popThrough(same, marker.start());
            return same.parent;
        }
        if (same != null && same.paragraphScoped) {
            // the list starts again within its paragraph: a new list beside the old one
            popThrough(same, marker.start());
            return stack.peek();
        }
        Section parent = stack.peek();
        if (same == null && marker.number() == 1) {
            // a list restarting after a finished list of its style under the same heading speaks one level up
            while (!parent.isRoot() && parent.lastChild() != null
                    && parent.lastChild().style().equals(marker.style())) {
                stack.pop().end = marker.start();
                parent = stack.peek();
            }
        }
        return parent;
    }

    private Section openWithStyle(String style) {
        for (Section open : stack) {
            if (open.isRoot()) {
                return null;
            }
            if (open.style().equals(style)) {
                return open;
            }
        }
        return null;
    }

    private void popThrough(Section target, int end) {
        while (true) {
            Section top = stack.pop();
            top.end = end;
            if (top == target) {
                return;
            }
        }
    }

    private int skipSeparators(int from, int limit) {
        int i = from;
        while (i < limit && "，、：. ".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** Where the heading stops: at the end of its sentence or clause, before the next inline marker. */
    private int headingEnd(Marker marker, int from, Span paragraph, int nextMarkerStart) {
        int limit = marker.inline() ? Math.min(paragraph.end(), nextMarkerStart) : paragraph.end();
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '？') {
                return i + 1;
            }
            if (c == '。' || c == '！' || c == '；' || c == '：') {
                return marker.start() == paragraph.start() && !marker.inline() ? cutRunIn(from, i) : i;
            }
        }
        int end = limit;
        while (end > from && (text.charAt(end - 1) == '，' || text.charAt(end - 1) == '、')) {
            end--;
        }
        return end;
    }

    /**
     * A heading whose line break was lost runs into its paragraph ("…良好态势2024年，全区上下…"): cut it where the
     * paragraph visibly starts, at a year or a time word, within the first few dozen characters.
     */
    private int cutRunIn(int from, int end) {
        if (end - from <= RUN_IN_LIMIT) {
            return end;
        }
        int limit = Math.min(end, from + RUN_IN_LIMIT + 4);
        for (int i = from + 4; i < limit; i++) {
            char before = text.charAt(i - 1);
            if (!Chars.isCjk(before) || "到至在于从自".indexOf(before) >= 0) {
                continue;
            }
            if (isYear(i)) {
                return i;
            }
            for (String word : RUN_IN_STARTS) {
                if (MarkerScanner.startsWith(text, i, word)) {
                    return i;
                }
            }
        }
        return end;
    }

    private boolean isYear(int i) {
        return i + 5 <= text.length() && (text.startsWith("20", i) || text.startsWith("19", i))
                && Chars.isDigit(text.charAt(i + 2)) && Chars.isDigit(text.charAt(i + 3)) && text.charAt(i + 4) == '年';
    }

    private boolean restIsPunctuation(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Chars.isPunctuation(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String trimTrailing(String heading) {
        int end = heading.length();
        while (end > 0 && "，、。；：".indexOf(heading.charAt(end - 1)) >= 0) {
            end--;
        }
        return heading.substring(0, end);
    }
}
