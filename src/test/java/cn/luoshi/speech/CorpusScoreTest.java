package cn.luoshi.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.luoshi.speech.CorpusAnnotation.Speech;
import cn.luoshi.speech.CorpusScorer.Agreement;
import cn.luoshi.speech.CorpusScorer.Attribute;
import cn.luoshi.speech.CorpusScorer.Category;
import cn.luoshi.speech.CorpusScorer.SpeechScore;
import cn.luoshi.speech.CorpusScorer.Tally;

/**
 * Runs the extractor on every corpus speech ({@code speech/corpus}) and compares it with what a supervision office
 * expects (the annotations; rules in {@code speech/corpus/README.md}). Writes recall and precision per category,
 * per speech and the differences to {@code target/speech-corpus-scores.md}, and fails when the corpus falls below
 * the floors in {@link #THRESHOLDS}. The held-out speeches are scored and reported the same way but never fail the
 * test: they tell whether an improvement made against the corpus holds on speeches nobody tuned for.
 */
class CorpusScoreTest {

    /** A floor in whole percent. */
    record Floor(int recall, int precision) {
    }

    /**
     * The floors of the corpus, the one place they are kept: what the extractor reached when the corpus was
     * written (measured on the commit that added this test), rounded down to the whole percent. Raise a floor
     * when the extractor improves; lowering one accepts a regression and should say so in its commit.
     */
    static final Map<Category, Floor> THRESHOLDS = new EnumMap<>(Map.of(
            Category.TITLE, new Floor(67, 67),
            Category.SPEAKER, new Floor(31, 100),
            Category.OUTLINE, new Floor(84, 88),
            Category.OUTLINE_ANY_LEVEL, new Floor(91, 96),
            Category.FIGURES, new Floor(56, 74),
            Category.TARGETS, new Floor(64, 89),
            Category.PROJECTS, new Floor(47, 64),
            Category.TASKS, new Floor(73, 66)));

    /** Floors of the attributes checked on matched pairs (agreeing share, whole percent), kept the same way. */
    static final Map<Attribute, Integer> ATTRIBUTE_THRESHOLDS = new EnumMap<>(Map.of(
            Attribute.FIGURE_YEAR, 89,
            Attribute.FIGURE_RANK, 27,
            Attribute.TARGET_DEADLINE, 54,
            Attribute.TARGET_AT_LEAST, 98));

    static final Path REPORT = Path.of(System.getProperty("basedir", ".")).resolve("target/speech-corpus-scores.md");

    /** Scores of a set of speeches. */
    record Run(String name, List<SpeechScore> speeches) {

        Tally total(Category category) {
            return speeches.stream().map(s -> s.tallies().get(category)).reduce(Tally.ZERO, Tally::plus);
        }

        Agreement total(Attribute attribute) {
            return speeches.stream().map(s -> s.agreements().get(attribute)).reduce(Agreement.ZERO, Agreement::plus);
        }
    }

    @Test
    void corpusStaysAtOrAboveItsFloorsAndTheHoldoutIsReportedApart() throws IOException {
        Run corpus = run("Corpus", CorpusAnnotation.corpus());
        Run holdout = run("Holdout", CorpusAnnotation.holdout());

        String report = "# Speech extraction measured against the corpus\n\n"
                + "Rules: `src/test/resources/speech/corpus/README.md`. Cells `m/a/e`: matched / annotated / extracted.\n\n"
                + section(corpus, true) + section(holdout, false);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report, StandardCharsets.UTF_8);
        System.out.println(summary(corpus, true) + "\n" + summary(holdout, false) + "\nfull report: " + REPORT);

        List<String> below = new ArrayList<>();
        THRESHOLDS.forEach((category, floor) -> {
            Tally t = corpus.total(category);
            if (percent(t.recall()) < floor.recall()) {
                below.add("%s recall %.1f%% < %d%%".formatted(category.label, 100 * t.recall(), floor.recall()));
            }
            if (percent(t.precision()) < floor.precision()) {
                below.add("%s precision %.1f%% < %d%%".formatted(category.label, 100 * t.precision(), floor.precision()));
            }
        });
        ATTRIBUTE_THRESHOLDS.forEach((attribute, floor) -> {
            Agreement a = corpus.total(attribute);
            if (percent(a.share()) < floor) {
                below.add("%s %.1f%% < %d%%".formatted(attribute.label, 100 * a.share(), floor));
            }
        });
        assertThat(below).as("corpus below its floors\n%s\n%s", summary(corpus, true), perSpeech(corpus)).isEmpty();
    }

    private static Run run(String name, List<Speech> speeches) {
        List<SpeechScore> scores = new ArrayList<>();
        for (Speech speech : speeches) {
            SpeechExtraction result = Speeches.EXTRACTOR.extract(speech.text());
            assertThat(result.partial()).as("partial extraction of " + speech.name()).isFalse();
            scores.add(CorpusScorer.score(speech.name(), speech.text(), speech.expected(), result));
        }
        return new Run(name, scores);
    }

    /** Whole percent rounded down, as the floors are. */
    private static int percent(double share) {
        return (int) Math.floor(100 * share + 1e-9);
    }

    /**
     * The corpus with its floors, speeches and differences; the holdout with its totals only, so that nobody tunes
     * the extractor to its items by reading the report.
     */
    private static String section(Run run, boolean corpus) {
        String head = "## " + run.name() + " (" + run.speeches().size() + " speeches)\n\n" + summary(run, corpus);
        return corpus ? head + "\n" + perSpeech(run) + "\n" + differences(run) : head + "\n";
    }

    static String summary(Run run, boolean withFloors) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(run.name()).append(" | annotated | extracted | matched | recall | precision | F1 |")
                .append(withFloors ? " floor R / P |" : "").append('\n');
        out.append("|---|---:|---:|---:|---:|---:|---:|").append(withFloors ? "---:|" : "").append('\n');
        for (Category category : Category.values()) {
            Tally t = run.total(category);
            out.append("| ").append(category.label).append(" | ").append(t.annotated()).append(" | ")
                    .append(t.extracted()).append(" | ").append(t.matched()).append(" | ").append(pct(t.recall()))
                    .append(" | ").append(pct(t.precision())).append(" | ").append(pct(t.f1())).append(" |");
            if (withFloors) {
                Floor floor = THRESHOLDS.get(category);
                out.append(' ').append(floor.recall()).append("% / ").append(floor.precision()).append("% |");
            }
            out.append('\n');
        }
        out.append("\n| matched pairs | agreeing | of | share |").append(withFloors ? " floor |" : "")
                .append("\n|---|---:|---:|---:|").append(withFloors ? "---:|" : "").append('\n');
        for (Attribute attribute : Attribute.values()) {
            Agreement a = run.total(attribute);
            out.append("| ").append(attribute.label).append(" | ").append(a.agreeing()).append(" | ").append(a.total())
                    .append(" | ").append(pct(a.share())).append(" |");
            if (withFloors) {
                out.append(' ').append(ATTRIBUTE_THRESHOLDS.get(attribute)).append("% |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String perSpeech(Run run) {
        StringBuilder out = new StringBuilder("| speech |");
        for (Category category : Category.values()) {
            out.append(' ').append(category.label).append(" |");
        }
        out.append("\n|---|").append("---:|".repeat(Category.values().length)).append('\n');
        for (SpeechScore s : run.speeches()) {
            out.append("| ").append(s.name()).append(" |");
            for (Category category : Category.values()) {
                Tally t = s.tallies().get(category);
                out.append(' ').append(t.matched()).append('/').append(t.annotated()).append('/').append(t.extracted())
                        .append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String differences(Run run) {
        StringBuilder out = new StringBuilder("### Differences\n\n");
        for (SpeechScore s : run.speeches()) {
            out.append("#### ").append(s.name()).append("\n\n");
            s.misses().forEach(m -> out.append("- missed ").append(m).append('\n'));
            s.falsePositives().forEach(f -> out.append("- not expected ").append(f).append('\n'));
            s.disagreements().forEach(d -> out.append("- disagrees ").append(d).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
