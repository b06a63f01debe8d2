package cn.luoshi.speech;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

import cn.luoshi.speech.CorpusAnnotation.Figure;
import cn.luoshi.speech.CorpusAnnotation.Project;
import cn.luoshi.speech.CorpusAnnotation.Target;
import cn.luoshi.speech.CorpusAnnotation.Task;
import cn.luoshi.speech.CorpusMatching.Located;

/**
 * Compares one extraction with its annotation under the rules of {@link CorpusMatching}: counts per category and,
 * for the items that matched, whether their attributes (year, rank, deadline, at least) agree.
 */
final class CorpusScorer {

    private CorpusScorer() {
    }

    enum Category {
        TITLE("title"), SPEAKER("speaker"), OUTLINE("outline"), OUTLINE_ANY_LEVEL("outline, any level"),
        FIGURES("figures"), TARGETS("targets"),
        PROJECTS("projects"), TASKS("tasks");

        final String label;

        Category(String label) {
            this.label = label;
        }
    }

    /** What is checked on matched pairs only: of {@code total} pairs where it applies, {@code agreeing} agree. */
    enum Attribute {
        FIGURE_YEAR("figure year"), FIGURE_RANK("figure rank"), TARGET_DEADLINE("target deadline"),
        TARGET_AT_LEAST("target at least");

        final String label;

        Attribute(String label) {
            this.label = label;
        }
    }

    /** True positives (matched), false positives (extracted, unmatched) and misses (annotated, unmatched). */
    record Tally(int matched, int falsePositives, int misses) {

        static final Tally ZERO = new Tally(0, 0, 0);

        Tally plus(Tally other) {
            return new Tally(matched + other.matched, falsePositives + other.falsePositives, misses + other.misses);
        }

        int annotated() {
            return matched + misses;
        }

        int extracted() {
            return matched + falsePositives;
        }

        /** Matched share of the annotated items; 1 when nothing was annotated. */
        double recall() {
            return annotated() == 0 ? 1 : (double) matched / annotated();
        }

        /** Matched share of the extracted items; 1 when nothing was extracted. */
        double precision() {
            return extracted() == 0 ? 1 : (double) matched / extracted();
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** Agreement of an attribute over matched pairs. */
    record Agreement(int agreeing, int total) {

        static final Agreement ZERO = new Agreement(0, 0);

        Agreement plus(Agreement other) {
            return new Agreement(agreeing + other.agreeing, total + other.total);
        }

        double share() {
            return total == 0 ? 1 : (double) agreeing / total;
        }
    }

    /** The score of one speech, with what was missed and what was extracted wrongly, for the report. */
    record SpeechScore(String name, Map<Category, Tally> tallies, Map<Attribute, Agreement> agreements,
            List<String> misses, List<String> falsePositives, List<String> disagreements) {
    }

    static SpeechScore score(String name, String text, CorpusAnnotation expected, SpeechExtraction actual) {
        Map<Category, Tally> tallies = new EnumMap<>(Category.class);
        Map<Attribute, Agreement> agreements = new EnumMap<>(Attribute.class);
        List<String> misses = new ArrayList<>();
        List<String> falses = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();

        tallies.put(Category.TITLE, single("title", expected.title(), actual.title(), misses, falses));
        tallies.put(Category.SPEAKER, single("speaker", expected.speakerRole(), actual.speakerRole(), misses, falses));

        List<OutlineNode> outline = Speeches.flatten(actual.outline());
        tallies.put(Category.OUTLINE, list("outline", expected.outline(), outline, CorpusMatching::sameHeading,
                h -> h.level() + " " + h.heading(), n -> n.level() + " " + n.marker() + " " + n.heading(), misses,
                falses));
        // the same headings again, the level set aside: a missed top line shifts every heading below it
        int[] anyLevel = CorpusMatching.match(expected.outline(), outline, CorpusMatching::sameHeadingText);
        tallies.put(Category.OUTLINE_ANY_LEVEL, tally("outline", expected.outline(), outline, anyLevel, h -> "",
                n -> "", new ArrayList<>(), new ArrayList<>()));

        List<SpeechFigure> figures = actual.figures();
        int[] figureMatch = CorpusMatching.match(expected.figures(), figures, CorpusMatching::sameFigure);
        tallies.put(Category.FIGURES, tally("figure", expected.figures(), figures, figureMatch,
                CorpusScorer::describe, Speeches::describe, misses, falses));
        Agreement year = Agreement.ZERO;
        Agreement rank = Agreement.ZERO;
        for (int i = 0; i < figureMatch.length; i++) {
            if (figureMatch[i] < 0) {
                continue;
            }
            Figure e = expected.figures().get(i);
            SpeechFigure a = figures.get(figureMatch[i]);
            if (e.year() != null) {
                year = year.plus(agreement(CorpusMatching.sameYear(e, a), "figure year", describe(e), Speeches.describe(a),
                        disagreements));
            }
            if (e.rank() != null || a.rank() != null) {
                rank = rank.plus(agreement(CorpusMatching.sameRank(e, a), "figure rank", describe(e), Speeches.describe(a),
                        disagreements));
            }
        }
        agreements.put(Attribute.FIGURE_YEAR, year);
        agreements.put(Attribute.FIGURE_RANK, rank);

        List<SpeechTarget> targets = actual.targets();
        int[] targetMatch = CorpusMatching.match(expected.targets(), targets, CorpusMatching::sameTarget);
        tallies.put(Category.TARGETS, tally("target", expected.targets(), targets, targetMatch,
                CorpusScorer::describe, Speeches::describe, misses, falses));
        Agreement deadline = Agreement.ZERO;
        Agreement atLeast = Agreement.ZERO;
        for (int i = 0; i < targetMatch.length; i++) {
            if (targetMatch[i] < 0) {
                continue;
            }
            Target e = expected.targets().get(i);
            SpeechTarget a = targets.get(targetMatch[i]);
            deadline = deadline.plus(agreement(CorpusMatching.sameDeadline(e, a), "target deadline", describe(e),
                    Speeches.describe(a), disagreements));
            if (e.rank() == null) {
                atLeast = atLeast.plus(agreement(CorpusMatching.sameAtLeast(e, a), "target at least", describe(e),
                        Speeches.describe(a) + (a.approximate() ? " (approximate)" : ""), disagreements));
            }
        }
        agreements.put(Attribute.TARGET_DEADLINE, deadline);
        agreements.put(Attribute.TARGET_AT_LEAST, atLeast);

        tallies.put(Category.PROJECTS, list("project", expected.projects(), actual.projects(), CorpusMatching::sameProject,
                Project::name, SpeechProject::name, misses, falses));

        List<Located> spans = expected.tasks().stream().map(t -> CorpusMatching.locate(text, t.source())).toList();
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            indices.add(i);
        }
        int[] taskMatch = CorpusMatching.match(indices, actual.tasks(),
                (i, task) -> spans.get(i).occurrences() > 0
                        && CorpusMatching.overlaps(spans.get(i).start(), spans.get(i).end(), task));
        tallies.put(Category.TASKS, tally("task", expected.tasks(), actual.tasks(), taskMatch, Task::title,
                SpeechTask::text, misses, falses));

        return new SpeechScore(name, tallies, agreements, misses, falses, disagreements);
    }

    private static Tally single(String what, String expected, String actual, List<String> misses, List<String> falses) {
        boolean same = CorpusMatching.sameText(expected, actual);
        if (same) {
            return new Tally(1, 0, 0);
        }
        if (expected != null) {
            misses.add(what + ": " + expected);
        }
        if (actual != null) {
            falses.add(what + ": " + actual);
        }
        return new Tally(0, actual == null ? 0 : 1, expected == null ? 0 : 1);
    }

    private static <E, A> Tally list(String what, List<E> expected, List<A> actual, BiPredicate<E, A> compatible,
            Function<E, String> describeExpected, Function<A, String> describeActual, List<String> misses,
            List<String> falses) {
        int[] match = CorpusMatching.match(expected, actual, compatible);
        return tally(what, expected, actual, match, describeExpected, describeActual, misses, falses);
    }

    private static <E, A> Tally tally(String what, List<E> expected, List<A> actual, int[] match,
            Function<E, String> describeExpected, Function<A, String> describeActual, List<String> misses,
            List<String> falses) {
        boolean[] used = new boolean[actual.size()];
        int matched = 0;
        for (int i = 0; i < match.length; i++) {
            if (match[i] >= 0) {
                used[match[i]] = true;
                matched++;
            } else {
                misses.add(what + ": " + describeExpected.apply(expected.get(i)));
            }
        }
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                falses.add(what + ": " + describeActual.apply(actual.get(j)));
            }
        }
        return new Tally(matched, actual.size() - matched, expected.size() - matched);
    }

    private static Agreement agreement(boolean agrees, String what, String expected, String actual,
            List<String> disagreements) {
        if (!agrees) {
            disagreements.add(what + ": expected «" + expected + "», extracted «" + actual + "»");
        }
        return new Agreement(agrees ? 1 : 0, 1);
    }

    /** The annotation in the notation of {@link Speeches#describe(SpeechFigure)}. */
    static String describe(Figure f) {
        StringBuilder out = new StringBuilder(f.indicator()).append(' ').append(amount(f.value(), f.unit()));
        if (f.year() != null) {
            out.append(" @").append(f.year());
        }
        if (f.rank() != null) {
            out.append(" 居").append(f.rank().scope()).append('第').append(f.rank().position());
        }
        return out.toString();
    }

    /** The annotation in the notation of {@link Speeches#describe(SpeechTarget)}. */
    static String describe(Target t) {
        StringBuilder out = new StringBuilder(t.indicator() == null ? "?" : t.indicator()).append(' ')
                .append(t.comparator()).append(' ').append(amount(t.value(), t.unit()));
        if (t.atLeast()) {
            out.append(" 以上");
        }
        if (t.deadline() != null) {
            out.append(" →").append(t.deadline());
        }
        if (t.horizonYears() != null) {
            out.append(' ').append(t.horizonYears()).append('年');
        }
        if (t.rank() != null) {
            out.append(" [").append(t.rank().scope()).append(t.rank().notLast() ? " 不垫底"
                    : t.rank().top() != null ? " 前" + t.rank().top() : " 第" + t.rank().position()).append(']');
        }
        return out.toString();
    }

    private static String amount(java.math.BigDecimal value, String unit) {
        if (value == null && unit == null) {
            return "-";
        }
        return (value == null ? "?" : value.toPlainString()) + (unit == null ? "" : unit);
    }
}
