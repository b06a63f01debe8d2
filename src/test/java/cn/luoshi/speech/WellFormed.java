package cn.luoshi.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * What every extraction must satisfy, whatever the input: offsets inside the input, each item's text read from the
 * input between its offsets, an outline whose levels go down one at a time and whose children follow their parent.
 * Returns the problems found rather than throwing, so the fuzz command can count them as well as the tests.
 */
final class WellFormed {

    private WellFormed() {
    }

    /** Inputs up to this size are read whole: the time budget never cuts them short. */
    static final int READ_WHOLE_BYTES = 30 * 1024;

    /**
     * What is wrong with extracting {@code input}: an exception (other than the size error for text over the
     * limit), a malformed result, or a result cut short by the time budget although the text is small; null when
     * nothing is.
     */
    static String failure(SpeechExtractor extractor, String input) {
        long bytes = input.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        SpeechExtraction result;
        try {
            result = extractor.extract(input);
        } catch (SpeechTooLargeException tooLarge) {
            return bytes > extractor.limits().maxBytes() ? null : "size error for " + bytes + " bytes: " + tooLarge.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            StackTraceElement[] trace = e.getStackTrace();
            return e.getClass().getName() + " at " + (trace.length > 0 ? trace[0] : "?") + ": " + e.getMessage();
        }
        List<String> problems = problems(input, result);
        if (!problems.isEmpty()) {
            return "malformed: " + problems.getFirst();
        }
        if (result.partial() && bytes <= READ_WHOLE_BYTES) {
            return "partial: " + bytes + " bytes not read whole within the time budget";
        }
        return null;
    }

    /** The kind of a failure, to tell whether a smaller input fails the same way. */
    static String kindOf(String failure) {
        if (failure == null) {
            return null;
        }
        int at = failure.indexOf(": ");
        return at < 0 ? failure : failure.substring(0, at);
    }

    static List<String> problems(String input, SpeechExtraction result) {
        List<String> problems = new ArrayList<>();
        if (result == null) {
            problems.add("no result");
            return problems;
        }
        if (result.placeholders() < 0) {
            problems.add("negative placeholder count " + result.placeholders());
        }
        outline(input, result.outline(), 1, 0, problems);
        for (SpeechTask task : result.tasks()) {
            item("task", input, task.text(), task.start(), task.end(), problems);
            if (task.outlinePath().stream().anyMatch(p -> p == null)) {
                problems.add("task with a null heading in its path: " + task);
            }
        }
        for (SpeechTarget target : result.targets()) {
            item("target", input, target.text(), target.start(), target.end(), problems);
            if (target.indicator() == null || target.indicator().isBlank() || target.comparator() == null) {
                problems.add("target without indicator or comparator: " + target);
            }
        }
        for (SpeechFigure figure : result.figures()) {
            item("figure", input, figure.text(), figure.start(), figure.end(), problems);
        }
        for (SpeechProject project : result.projects()) {
            item("project", input, project.text(), project.start(), project.end(), problems);
            if (project.mentions() < 1 || project.kind() == null) {
                problems.add("project without mentions or kind: " + project);
            }
        }
        for (SpeechProgramme programme : result.programmes()) {
            item("programme", input, programme.code(), programme.start(), programme.end(), problems);
            if (programme.mentions() < 1) {
                problems.add("programme without mentions: " + programme);
            }
        }
        return problems;
    }

    private static void outline(String input, List<OutlineNode> nodes, int level, int after, List<String> problems) {
        int previous = after;
        for (OutlineNode node : nodes) {
            if (node.level() != level) {
                problems.add("heading at level " + node.level() + " where " + level + " belongs: " + node.heading());
            }
            if (node.marker() == null || node.marker().isEmpty() || node.heading() == null) {
                problems.add("heading without marker or text at " + node.start());
            }
            if (!inRange(input, node.start(), node.end())) {
                problems.add("heading offsets [" + node.start() + ", " + node.end() + ") outside the input of " + input.length());
            } else if (node.start() < previous) {
                problems.add("heading at " + node.start() + " before its parent or previous sibling at " + previous);
            } else if (!readsIn(node.marker() + node.heading(), input.substring(node.start(), node.end()))) {
                problems.add("heading " + node.marker() + node.heading() + " not in the input at [" + node.start() + ", "
                        + node.end() + ")");
            }
            previous = node.start();
            outline(input, node.children(), level + 1, node.start(), problems);
        }
    }

    private static void item(String what, String input, String text, int start, int end, List<String> problems) {
        if (text == null || text.isEmpty()) {
            problems.add(what + " without text at " + start);
        } else if (!inRange(input, start, end)) {
            problems.add(what + " offsets [" + start + ", " + end + ") outside the input of " + input.length() + ": " + text);
        } else if (!readsIn(text, input.substring(start, end))) {
            problems.add(what + " text " + text + " not in the input at [" + start + ", " + end + "): "
                    + input.substring(start, end));
        }
    }

    private static boolean inRange(String input, int start, int end) {
        return start >= 0 && start < end && end <= input.length();
    }

    /**
     * The item's text is read from the source: the extractor drops spaces, invisible characters and line breaks,
     * folds full-width forms and ASCII punctuation and turns Traditional characters into Simplified ones (some of
     * which, like 於 and 醣, are also in GB2312). So where both fold to the same length, each character must equal
     * its source character or both be Han characters; otherwise (the extractor dropped something this check does
     * not know of) the text must be found in order in the source, a Han character standing for a Han character.
     */
    static boolean readsIn(String text, String source) {
        String t = fold(text);
        String s = fold(source);
        if (t.length() == s.length()) {
            for (int i = 0; i < t.length(); i++) {
                if (t.charAt(i) != s.charAt(i) && !(isHan(t.charAt(i)) && isHan(s.charAt(i)))) {
                    return false;
                }
            }
            return true;
        }
        int j = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            while (j < s.length() && s.charAt(j) != c && !(isHan(c) && isHan(s.charAt(j)))) {
                j++;
            }
            if (j >= s.length()) {
                return false;
            }
            j++;
        }
        return true;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** Drops what the extractor drops and folds what it folds, the same way for both sides. */
    private static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c) || Character.isSurrogate(c)
                    || Character.getType(c) == Character.FORMAT || c == '"' || c == '“' || c == '”' || c == '\ufffd'
                    || (c >= '\u0080' && c < '\u00a0')) {
                continue;
            }
            if (c >= '\uff01' && c <= '\uff5e') {
                c = (char) (c - 0xfee0);
            }
            c = switch (c) {
                case '，' -> ',';
                case '：' -> ':';
                case '；' -> ';';
                case '？' -> '?';
                case '！' -> '!';
                case '（' -> '(';
                case '）' -> ')';
                case '～' -> '~';
                default -> c;
            };
            out.append(c);
        }
        return out.toString();
    }
}
