package cn.luoshi.speech.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the raw input into a {@link SpeechText}: cleans each line, drops boilerplate and teaser lines, finds the
 * title, and joins lines that were broken in the middle of a sentence.
 */
final class SpeechTextReader {

    private static final int TITLE_SEARCH_LINES = 8;
    private static final int MAX_TITLE = 100;
    private static final int MAX_HEADING_LINE = 40;
    /** A teaser stands at the top of the page. */
    private static final int TEASER_LINES = 10;
    private static final int WRAPPED_TAIL = 3;
    private static final String[] SALUTATIONS = {"同志们", "尊敬的", "各位", "女士们", "先生们", "亲爱的", "大家好"};
    private static final String[] TITLE_WORDS = {"讲话", "发言", "致辞", "讲稿", "报告", "主持词", "动员会", "推进会", "部署会",
            "座谈会", "交流会", "工作会", "会议上", "大会上"};

    private SpeechTextReader() {
    }

    private enum Role { CONTENT, BLANK, JUNK, TITLE }

    private static final class Line {
        final MappedText text;
        final String plain;
        Role role;

        Line(MappedText text) {
            this.text = text;
            this.plain = text.toString();
            this.role = plain.isEmpty() ? Role.BLANK : Boilerplate.isBoilerplate(plain) ? Role.JUNK : Role.CONTENT;
        }
    }

    static SpeechText read(String original) {
        List<Line> lines = splitLines(original);
        dropTeasers(lines);
        String[] title = markTitle(lines);
        return join(original, lines, title[0], title[1]);
    }

    private static List<Line> splitLines(String original) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int n = original.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? original.charAt(i) : '\n';
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                lines.add(new Line(LineCleaner.clean(original, start, i)));
                if (c == '\r' && i + 1 < n && original.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        return lines;
    }

    /** A web teaser repeats the opening of the speech and ends in "…": it would duplicate headings. */
    private static void dropTeasers(List<Line> lines) {
        StringBuilder all = new StringBuilder();
        int[] lineStart = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            lineStart[i] = all.length();
            if (lines.get(i).role == Role.CONTENT) {
                all.append(lines.get(i).plain);
            }
        }
        for (int i = 0; i < Math.min(lines.size(), TEASER_LINES); i++) {
            Line line = lines.get(i);
            String text = line.plain;
            if (line.role != Role.CONTENT || text.length() < 20 || !(text.endsWith("...") || text.endsWith("…"))) {
                continue;
            }
            String opening = text.substring(0, 12);
            if (all.indexOf(opening, lineStart[i] + text.length()) >= 0) {
                line.role = Role.JUNK;
            }
        }
    }

    /** Marks the title line(s); lines above the title are page furniture. Returns {title, subtitle}. */
    private static String[] markTitle(List<Line> lines) {
        List<Integer> content = new ArrayList<>();
        for (int i = 0; i < lines.size() && content.size() < TITLE_SEARCH_LINES; i++) {
            if (lines.get(i).role == Role.CONTENT) {
                content.add(i);
            }
        }
        for (int k = 0; k < content.size(); k++) {
            Line line = lines.get(content.get(k));
            if (startsWithSalutation(line.plain) || containsSentenceEnd(line.plain)) {
                break;
            }
            int used = 1;
            String title = null;
            String tail = k + 1 < content.size() && content.get(k + 1) == nextNonBlank(lines, content.get(k))
                    ? lines.get(content.get(k + 1)).plain : "";
            if (isTitle(line.plain) && !tail.isEmpty() && tail.length() <= 6 && isTitle(line.plain + tail)
                    && !startsWithSalutation(tail) && !tail.startsWith("—")) {
                title = line.plain + tail; // "…会议上的" + "讲话"
                used = 2;
            } else if (isTitle(line.plain)) {
                title = line.plain;
            } else if (k + 1 < content.size() && content.get(k + 1) == nextNonBlank(lines, content.get(k))) {
                String next = lines.get(content.get(k + 1)).plain;
                String joined = line.plain + next;
                // a title broken over two lines: the second half does not start a title of its own
                if (line.plain.length() >= 6 && isTitle(joined) && !next.startsWith("在") && !next.startsWith("—")) {
                    title = joined;
                    used = 2;
                }
            }
            if (title == null) {
                continue;
            }
            for (int j = 0; j < content.get(k); j++) {
                if (lines.get(j).role == Role.CONTENT) {
                    lines.get(j).role = Role.JUNK;
                }
            }
            for (int u = 0; u < used; u++) {
                lines.get(content.get(k + u)).role = Role.TITLE;
            }
            String subtitle = null;
            int after = nextNonBlank(lines, content.get(k + used - 1));
            if (after >= 0 && lines.get(after).role == Role.CONTENT && lines.get(after).plain.startsWith("—")
                    && isTitle(lines.get(after).plain)) {
                subtitle = stripDashes(lines.get(after).plain);
                lines.get(after).role = Role.TITLE;
            }
            dropRepeats(lines, title, subtitle);
            return new String[] {title, subtitle};
        }
        return new String[] {null, null};
    }

    private static void dropRepeats(List<Line> lines, String title, String subtitle) {
        for (Line line : lines) {
            if (line.role == Role.CONTENT && (line.plain.equals(title) || line.plain.equals(subtitle))) {
                line.role = Role.JUNK;
            }
        }
    }

    private static String stripDashes(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == '—' || text.charAt(i) == '-')) {
            i++;
        }
        return text.substring(i);
    }

    private static int nextNonBlank(List<Line> lines, int index) {
        for (int i = index + 1; i < lines.size(); i++) {
            if (lines.get(i).role != Role.BLANK) {
                return i;
            }
        }
        return -1;
    }

    static boolean isTitle(String text) {
        if (text.length() < 4 || text.length() > MAX_TITLE || containsSentenceEnd(text) || text.contains("，")) {
            return false;
        }
        if (text.startsWith("在") && text.contains("上的")) {
            return true;
        }
        for (String word : TITLE_WORDS) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsSentenceEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '；') {
                return true;
            }
        }
        return false;
    }

    static boolean startsWithSalutation(String text) {
        for (String word : SALUTATIONS) {
            if (text.startsWith(word)) {
                return true;
            }
        }
        return false;
    }

    private static SpeechText join(String original, List<Line> lines, String title, String subtitle) {
        MappedText body = new MappedText(original.length());
        List<Span> paragraphs = new ArrayList<>();
        boolean open = false;
        int paragraphStart = 0;
        String previous = null;
        for (Line line : lines) {
            if (line.role != Role.CONTENT) {
                if (open) {
                    closeParagraph(body, paragraphs, paragraphStart);
                    open = false;
                }
                continue;
            }
            if (open && keepsBreak(previous, line.plain)) {
                closeParagraph(body, paragraphs, paragraphStart);
                open = false;
            }
            if (!open) {
                paragraphStart = body.length();
                open = true;
            }
            body.append(line.text);
            previous = line.plain;
        }
        if (open) {
            closeParagraph(body, paragraphs, paragraphStart);
        }
        return new SpeechText(original, body.toString(), body.originArray(), paragraphs, title, subtitle);
    }

    /** Ends the paragraph with a line feed that maps to just after its last character. */
    private static void closeParagraph(MappedText body, List<Span> paragraphs, int start) {
        paragraphs.add(new Span(start, body.length()));
        body.append('\n', body.originOf(body.length() - 1) + 1);
    }

    /** Whether the break between two consecutive lines ends a paragraph rather than wrapping a sentence. */
    static boolean keepsBreak(String previous, String next) {
        if (Chars.isClosingPunctuation(next.charAt(0))) {
            return false;
        }
        if (endsSentence(previous)) {
            return true;
        }
        if (MarkerScanner.blockMarkerAt(next, 0) != null || MarkerScanner.inlineMarkerAt(next, 0) != null) {
            return true;
        }
        if (previous.length() <= MAX_HEADING_LINE && MarkerScanner.blockMarkerAt(previous, 0) != null
                && !containsSentenceEnd(previous)) {
            // a heading line; a tail of a character or two is its wrapped end ("…工作情" + "况")
            return next.length() > WRAPPED_TAIL || containsSentenceEnd(next) || next.contains("，");
        }
        return isTitle(previous) || startsWithSalutation(next);
    }

    private static boolean endsSentence(String line) {
        int i = line.length() - 1;
        while (i > 0 && "”’）》」』".indexOf(line.charAt(i)) >= 0) {
            i--;
        }
        char last = line.charAt(i);
        return Chars.isItemEnd(last) || last == '：' || line.endsWith("...");
    }
}
