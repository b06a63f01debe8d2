package cn.luoshi.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.luoshi.speech.SpeechInputs.Kind;

/**
 * Property: whatever it is given, the extractor returns a well-formed result ({@link WellFormed}) and throws
 * nothing but the size error for text over the limit, and text of up to 30 KB is read whole within the time budget.
 * Each kind of input ({@link SpeechInputs}) is drawn a bounded number of times from a fixed seed, so the class runs
 * the same tries on every build, in well under a minute; {@code -Dspeech.properties.seed=N} draws other inputs and
 * {@code -Dspeech.properties.scale=10} ten times as many. A failing input is shrunk and printed as a Java literal;
 * it goes into {@link CrashRegressionTest}. The fuzz command ({@link SpeechFuzz}) draws the same kinds by the million.
 */
class SpeechPropertiesTest {

    private static final SpeechExtractor EXTRACTOR = new SpeechExtractor();
    private static final long SEED = Long.getLong("speech.properties.seed", 20_261_203L);
    private static final double SCALE = Double.parseDouble(System.getProperty("speech.properties.scale", "1"));

    static Stream<Arguments> kinds() {
        return Stream.of(Arguments.of(Kind.UNICODE, tries(600)), Arguments.of(Kind.SOUP, tries(400)),
                Arguments.of(Kind.MUTATED_SEED, tries(500)), Arguments.of(Kind.HUGE_NUMBER, tries(300)),
                Arguments.of(Kind.NESTED_MARKERS, tries(150)));
    }

    private static int tries(int base) {
        return Math.max(1, (int) Math.round(base * SCALE));
    }

    /** The check is not empty: it sees an item outside the input, an item whose text is not there, a bad outline. */
    @Test
    void theCheckSeesWhatIsWrong() {
        String input = "全县地區生产总值391亿元。";
        SpeechFigure right = new SpeechFigure("地区生产总值", new BigDecimal("391"), null, false, "亿元", null, null, null, null,
                "全县地区生产总值391亿元", 0, 14);
        assertThat(WellFormed.problems(input, extraction(List.of(right), List.of()))).isEmpty();
        SpeechFigure outside = new SpeechFigure("地区生产总值", new BigDecimal("391"), null, false, "亿元", null, null, null, null,
                "全县地区生产总值391亿元", 0, 16);
        assertThat(WellFormed.problems(input, extraction(List.of(outside), List.of()))).singleElement().asString()
                .contains("outside the input");
        SpeechFigure elsewhere = new SpeechFigure("地区生产总值", new BigDecimal("391"), null, false, "亿元", null, null, null, null,
                "全县地区生产总值391亿元", 1, 14);
        assertThat(WellFormed.problems(input, extraction(List.of(elsewhere), List.of()))).singleElement().asString()
                .contains("not in the input");
        OutlineNode child = new OutlineNode(3, "（一）", "全县", 0, 3, List.of());
        OutlineNode top = new OutlineNode(1, "一、", "全县", 0, 2, List.of(child));
        assertThat(WellFormed.problems("一、全县", extraction(List.of(), List.of(top)))).isNotEmpty();
    }

    private static SpeechExtraction extraction(List<SpeechFigure> figures, List<OutlineNode> outline) {
        return new SpeechExtraction(null, null, null, outline, List.of(), List.of(), figures, List.of(), List.of(), 0, false);
    }

    @ParameterizedTest(name = "{0}, {1} tries")
    @MethodSource("kinds")
    void noInputFailsTheExtractor(Kind kind, int tries) {
        Random seeds = new Random(SEED * 31 + kind.ordinal());
        for (int t = 0; t < tries; t++) {
            long seed = seeds.nextLong();
            String input = SpeechInputs.of(kind, new Random(seed));
            String failure = WellFormed.failure(EXTRACTOR, input);
            if (failure != null) {
                String kindOfFailure = WellFormed.kindOf(failure);
                String small = Shrinker.shrink(input,
                        s -> kindOfFailure.equals(WellFormed.kindOf(WellFormed.failure(EXTRACTOR, s))));
                fail("%s input (try %d, seed %d, %d chars) fails: %s%nshrunk to %d chars: %s%nwhich fails: %s", kind, t, seed,
                        input.length(), failure, small.length(), Shrinker.literal(small), WellFormed.failure(EXTRACTOR, small));
            }
        }
    }
}
