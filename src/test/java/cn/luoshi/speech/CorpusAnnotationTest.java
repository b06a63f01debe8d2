package cn.luoshi.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.luoshi.speech.CorpusAnnotation.Figure;
import cn.luoshi.speech.CorpusAnnotation.Heading;
import cn.luoshi.speech.CorpusAnnotation.Speech;
import cn.luoshi.speech.CorpusAnnotation.Target;
import cn.luoshi.speech.CorpusAnnotation.Task;
import cn.luoshi.speech.CorpusMatching.Located;

/**
 * The corpus annotations obey the rules of {@code speech/corpus/README.md} that can be checked without the
 * extractor: every source is a unique piece of its speech, every value is written in its source, outline levels
 * descend one at a time. A mistake here would make the scorer measure the annotation instead of the extractor.
 */
class CorpusAnnotationTest {

    private static Stream<Speech> all() {
        return Stream.concat(CorpusAnnotation.corpus().stream(), CorpusAnnotation.holdout().stream());
    }

    @Test
    void thirtyTwoCorpusSpeechesAndFiveHeldOutOnesOfOneAndAHalfToSixKilobytes() {
        assertThat(CorpusAnnotation.corpus()).extracting(Speech::name).hasSize(32);
        assertThat(CorpusAnnotation.holdout()).extracting(Speech::name).hasSize(5);
        assertThat(all()).allSatisfy(s -> assertThat(s.text().getBytes(StandardCharsets.UTF_8).length)
                .as(s.name()).isBetween(1536, 6144));
    }

    @Test
    void everySourceIsFoundExactlyOnceInItsSpeech() {
        List<String> problems = new ArrayList<>();
        all().forEach(s -> {
            for (Figure f : s.expected().figures()) {
                check(s, "figure " + f.indicator(), f.source(), problems);
            }
            for (Target t : s.expected().targets()) {
                check(s, "target " + t.indicator(), t.source(), problems);
            }
            for (Task t : s.expected().tasks()) {
                check(s, "task " + t.title(), t.source(), problems);
            }
        });
        assertThat(problems).isEmpty();
    }

    private static void check(Speech s, String item, String source, List<String> problems) {
        if (source == null || source.isBlank()) {
            problems.add(s.name() + ": " + item + " has no source");
            return;
        }
        Located at = CorpusMatching.locate(s.text(), source);
        if (at.occurrences() != 1) {
            problems.add(s.name() + ": " + item + " source «" + source + "» found " + at.occurrences() + " times");
        }
    }

    @Test
    void everyValueIsWrittenInItsSource() {
        List<String> problems = new ArrayList<>();
        all().forEach(s -> {
            for (Figure f : s.expected().figures()) {
                checkValue(s, "figure " + f.indicator(), f.value(), f.written(), f.source(), problems);
            }
            for (Target t : s.expected().targets()) {
                checkValue(s, "target " + t.indicator(), t.value(), t.written(), t.source(), problems);
            }
        });
        assertThat(problems).isEmpty();
    }

    private static void checkValue(Speech s, String item, BigDecimal value, String written, String source,
            List<String> problems) {
        if (value == null || source == null) {
            return;
        }
        String number = written != null ? written : value.abs().toPlainString();
        if (!CorpusMatching.compact(source).contains(number)) {
            problems.add(s.name() + ": " + item + " value " + number + " not in «" + source + "»");
        }
    }

    @Test
    void figuresAndTargetsAreComplete() {
        List<String> problems = new ArrayList<>();
        all().forEach(s -> {
            for (Figure f : s.expected().figures()) {
                if (f.indicator() == null || f.value() == null && f.unit() == null && f.rank() == null) {
                    problems.add(s.name() + ": figure without indicator or amount: " + f);
                }
            }
            for (Target t : s.expected().targets()) {
                boolean amount = t.value() != null || t.unit() != null;
                if (t.comparator() == null || t.rank() != null && amount
                        || t.rank() == null && !amount && t.horizonYears() == null && t.comparator().isBlank()) {
                    problems.add(s.name() + ": target stated inconsistently: " + t);
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void outlineLevelsDescendOneAtATime() {
        all().forEach(s -> {
            int previous = 0;
            for (Heading h : s.expected().outline()) {
                assertThat(h.level()).as(s.name() + " " + h.heading()).isBetween(1, previous + 1);
                assertThat(h.heading()).as(s.name()).isNotBlank();
                previous = h.level();
            }
        });
    }

    @Test
    void projectsAreNamedOnceAndTaskSourcesDoNotOverlap() {
        all().forEach(s -> {
            Set<String> names = new HashSet<>();
            s.expected().projects().forEach(p -> assertThat(names.add(CorpusMatching.normalise(p.name())))
                    .as(s.name() + " " + p.name()).isTrue());
            List<Located> spans = s.expected().tasks().stream()
                    .map(t -> CorpusMatching.locate(s.text(), t.source())).toList();
            for (int i = 0; i < spans.size(); i++) {
                for (int j = i + 1; j < spans.size(); j++) {
                    boolean overlap = spans.get(i).start() < spans.get(j).end() && spans.get(j).start() < spans.get(i).end();
                    assertThat(overlap).as(s.name() + ": tasks " + s.expected().tasks().get(i).title() + " / "
                            + s.expected().tasks().get(j).title()).isFalse();
                }
            }
        });
    }
}
