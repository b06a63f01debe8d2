package cn.luoshi.speech;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

import cn.luoshi.speech.CorpusAnnotation.Figure;
import cn.luoshi.speech.CorpusAnnotation.Heading;
import cn.luoshi.speech.CorpusAnnotation.Project;
import cn.luoshi.speech.CorpusAnnotation.Target;
import cn.luoshi.speech.CorpusAnnotation.TargetRank;

/**
 * The matching rules of the corpus scorer (also stated in {@code speech/corpus/README.md}): when an extracted item
 * counts as the annotated one, and the one-to-one matching of two lists.
 */
final class CorpusMatching {

    private CorpusMatching() {
    }

    // ---------------------------------------------------------------- text

    /** Where an annotated source stands in the speech, whitespace and line breaks of the speech ignored. */
    record Located(int start, int end, int occurrences) {
    }

    /** Finds {@code source} in {@code text} skipping whitespace on both sides; the first occurrence and the count. */
    static Located locate(String text, String source) {
        StringBuilder compact = new StringBuilder(text.length());
        int[] offsets = new int[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                offsets[compact.length()] = i;
                compact.append(c);
            }
        }
        String needle = compact(source);
        if (needle.isEmpty()) {
            return new Located(-1, -1, 0);
        }
        int first = compact.indexOf(needle);
        if (first < 0) {
            return new Located(-1, -1, 0);
        }
        int count = 0;
        for (int at = first; at >= 0; at = compact.indexOf(needle, at + 1)) {
            count++;
        }
        return new Located(offsets[first], offsets[first + needle.length() - 1] + 1, count);
    }

    static String compact(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.chars().filter(c -> !isSpace((char) c)).forEach(c -> out.append((char) c));
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    /**
     * Text as compared: full-width letters and digits made half-width, then everything that is not a letter or a
     * digit (whitespace, punctuation, quotes, brackets) removed.
     */
    static String normalise(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- title, speaker

    static boolean sameText(String expected, String actual) {
        return expected != null && actual != null && normalise(expected).equals(normalise(actual));
    }

    // ---------------------------------------------------------------- outline

    static boolean sameHeading(Heading expected, OutlineNode actual) {
        return expected.level() == actual.level() && sameHeadingText(expected, actual);
    }

    /** The heading rule without the level: a heading found, wherever the tree put it. */
    static boolean sameHeadingText(Heading expected, OutlineNode actual) {
        String a = heading(expected.heading());
        String b = heading(actual.heading());
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = a.length() <= b.length() ? b : a;
        return shorter.length() >= 4 && longer.startsWith(shorter);
    }

    private static String heading(String s) {
        String n = normalise(s);
        return n.startsWith("要") ? n.substring(1) : n;
    }

    // ---------------------------------------------------------------- figures and targets

    private static final Pattern PLACEHOLDER = Pattern.compile("[Xx×*＊]+|20xx|__+");
    private static final Pattern CHANGE_SUFFIX = Pattern.compile("(同比)?(增长|增速|增幅|下降|降幅|增加|减少)$");
    /** Verbs of achieving that name no measure: 重点项目完成投资 is 重点项目投资. */
    private static final Pattern ACHIEVING = Pattern.compile("完成|实现");

    /**
     * Indicator as compared: normalised; placeholders, the verbs 完成 and 实现, and a trailing
     * 增长/增速/增幅/下降/降幅 removed.
     */
    static String indicator(String s) {
        if (s == null) {
            return "";
        }
        String n = PLACEHOLDER.matcher(s).replaceAll("");
        n = ACHIEVING.matcher(normalise(n)).replaceAll("");
        return CHANGE_SUFFIX.matcher(n).replaceFirst("");
    }

    /** Equal, or one containing the other with the shorter at least 2 characters, against the name or an alias. */
    static boolean sameIndicator(String expected, List<String> aliases, String actual) {
        String b = indicator(actual);
        if (b.length() < 2) {
            return false;
        }
        List<String> names = new ArrayList<>();
        names.add(expected);
        names.addAll(aliases);
        for (String name : names) {
            String a = indicator(name);
            if (a.length() >= 2 && (a.contains(b) || b.contains(a))) {
                return true;
            }
        }
        return false;
    }

    static boolean sameValue(BigDecimal expected, BigDecimal actual) {
        return expected == null ? actual == null : actual != null && expected.compareTo(actual) == 0;
    }

    /** Units compared after normalisation (％ is %); null only equals null. */
    static boolean sameUnit(String expected, String actual) {
        String a = expected == null ? null : unit(expected);
        String b = actual == null ? null : unit(actual);
        return Objects.equals(a, b);
    }

    private static String unit(String s) {
        String u = s.strip().replace('％', '%');
        return u.isEmpty() ? null : u;
    }

    static boolean sameFigure(Figure expected, SpeechFigure actual) {
        if (!sameValue(expected.value(), actual.value()) || !sameUnit(expected.unit(), actual.unit())
                || !sameIndicator(expected.indicator(), expected.aliases(), actual.indicator())) {
            return false;
        }
        boolean rankOnly = expected.value() == null && expected.unit() == null;
        return !rankOnly || expected.rank() == null || sameRankPosition(expected.rank(), actual.rank());
    }

    private static boolean sameRankPosition(CorpusAnnotation.Rank expected, SpeechFigure.Rank actual) {
        return actual != null && Objects.equals(expected.position(), actual.position());
    }

    /** Whether a matched figure carries the annotated year (true when none is annotated). */
    static boolean sameYear(Figure expected, SpeechFigure actual) {
        return expected.year() == null || expected.year().equals(actual.year());
    }

    /** Whether a matched figure carries the annotated rank: same position, scopes equal or one containing the other. */
    static boolean sameRank(Figure expected, SpeechFigure actual) {
        if (expected.rank() == null) {
            return actual.rank() == null;
        }
        if (!sameRankPosition(expected.rank(), actual.rank())) {
            return false;
        }
        String a = normalise(expected.rank().scope());
        String b = normalise(actual.rank().scope());
        return !b.isEmpty() && (a.contains(b) || b.contains(a));
    }

    private static final List<String> FALLS = List.of("下降", "降低", "减少", "压减", "下降到");

    static boolean sameTarget(Target expected, SpeechTarget actual) {
        boolean anyIndicator = expected.indicator() == null
                || sameIndicator(expected.indicator(), expected.aliases(), actual.indicator());
        if (!anyIndicator) {
            return false;
        }
        if (expected.rank() != null) {
            return sameRankGoal(expected.rank(), actual);
        }
        if (expected.value() == null && expected.unit() == null) {
            return actual.value() == null && actual.unit() == null
                    && normalise(expected.comparator()).equals(normalise(actual.comparator()));
        }
        if (!sameUnit(expected.unit(), actual.unit())) {
            return false;
        }
        if (sameValue(expected.value(), actual.value())) {
            return true;
        }
        // "能耗下降3%" may come back as comparator 下降 and value 3: the same goal as −3
        return expected.value() != null && actual.value() != null && expected.value().signum() < 0
                && expected.value().negate().compareTo(actual.value()) == 0
                && FALLS.stream().anyMatch(w -> actual.comparator() != null && actual.comparator().contains(w));
    }

    private static boolean sameRankGoal(TargetRank expected, SpeechTarget actual) {
        String comparator = actual.comparator() == null ? "" : actual.comparator();
        if (expected.notLast()) {
            return comparator.contains("垫底")
                    || actual.value() == null && actual.text() != null && actual.text().contains("不垫底");
        }
        if (expected.top() != null) {
            return comparator.contains("前") && sameValue(BigDecimal.valueOf(expected.top()), actual.value());
        }
        return expected.position() != null && comparator.contains("第")
                && sameValue(BigDecimal.valueOf(expected.position()), actual.value());
    }

    /** Whether a matched target carries the annotated deadline (null included) and, when stated, the horizon. */
    static boolean sameDeadline(Target expected, SpeechTarget actual) {
        return Objects.equals(expected.deadline(), actual.deadline())
                && (expected.horizonYears() == null || expected.horizonYears().equals(actual.horizonYears()));
    }

    private static final List<String> AT_LEAST_COMPARATORS = List.of("突破", "超过", "不低于", "不少于", "以上");
    private static final List<String> AT_LEAST_WORDS = List.of("以上", "不低于", "不少于", "至少");

    /**
     * Whether a matched target says "at least" as annotated. The extractor has no such field: a target is read
     * as at least when its comparator is 突破/超过/不低于/不少于, or when it is approximate and its clause says 以上,
     * 不低于, 不少于 or 至少 (approximate alone also covers 左右 and 约).
     */
    static boolean sameAtLeast(Target expected, SpeechTarget actual) {
        String comparator = actual.comparator() == null ? "" : actual.comparator();
        String text = actual.text() == null ? "" : actual.text();
        boolean atLeast = AT_LEAST_COMPARATORS.stream().anyMatch(comparator::contains)
                || actual.approximate() && AT_LEAST_WORDS.stream().anyMatch(text::contains);
        return atLeast == expected.atLeast();
    }

    // ---------------------------------------------------------------- projects and tasks

    static boolean sameProject(Project expected, SpeechProject actual) {
        String name = normalise(actual.name());
        return normalise(expected.name()).equals(name)
                || expected.aliases().stream().anyMatch(a -> normalise(a).equals(name));
    }

    /** An extracted task matches when its span shares at least 2 characters with the annotated source. */
    static boolean overlaps(int start, int end, SpeechTask actual) {
        return Math.min(end, actual.end()) - Math.max(start, actual.start()) >= 2;
    }

    // ---------------------------------------------------------------- one-to-one matching

    /**
     * The largest one-to-one matching of expected to actual items under {@code compatible} (augmenting paths; the
     * lists are a few dozen items long). {@code result[i]} is the index of the actual item matched to expected
     * item {@code i}, or −1.
     */
    static <E, A> int[] match(List<E> expected, List<A> actual, BiPredicate<E, A> compatible) {
        boolean[][] edges = new boolean[expected.size()][actual.size()];
        for (int i = 0; i < expected.size(); i++) {
            for (int j = 0; j < actual.size(); j++) {
                edges[i][j] = compatible.test(expected.get(i), actual.get(j));
            }
        }
        int[] ofActual = new int[actual.size()];
        Arrays.fill(ofActual, -1);
        for (int i = 0; i < expected.size(); i++) {
            augment(i, edges, ofActual, new boolean[actual.size()]);
        }
        int[] ofExpected = new int[expected.size()];
        Arrays.fill(ofExpected, -1);
        for (int j = 0; j < actual.size(); j++) {
            if (ofActual[j] >= 0) {
                ofExpected[ofActual[j]] = j;
            }
        }
        return ofExpected;
    }

    private static boolean augment(int i, boolean[][] edges, int[] ofActual, boolean[] seen) {
        for (int j = 0; j < ofActual.length; j++) {
            if (edges[i][j] && !seen[j]) {
                seen[j] = true;
                if (ofActual[j] < 0 || augment(ofActual[j], edges, ofActual, seen)) {
                    ofActual[j] = i;
                    return true;
                }
            }
        }
        return false;
    }
}
