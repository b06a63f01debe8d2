package cn.luoshi.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Nothing in the input crashes the extractor or keeps it busy: garbage and pathological text return a result
 * (partial when the time budget runs out), oversize text throws the size error and nothing else.
 */
class RobustnessTest {

    /** Far above what any input below takes; only a runaway (backtracking, quadratic loops) would hit it. */
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final SpeechExtractor EXTRACTOR = new SpeechExtractor();
    /**
     * The same extractor with a time budget as long as the bound: a result cut short by the budget would prove
     * nothing, so every input below must run through every stage.
     */
    private static final SpeechExtractor UNHURRIED = new SpeechExtractor(
            new SpeechLimits(SpeechLimits.DEFAULT.maxBytes(), BOUND));

    /** Extracts through every stage within the bound, and the result reads in the input where it says it does. */
    private static SpeechExtraction extractWithinBound(String text) {
        SpeechExtraction result = assertTimeoutPreemptively(BOUND, () -> UNHURRIED.extract(text));
        assertThat(result.partial()).as("the time budget ran out").isFalse();
        assertThat(WellFormed.problems(text, result)).as("malformed result").isEmpty();
        return result;
    }

    @Test
    void oneMegabyteLineOfChinese() {
        String sentenceWithoutEnd = "加快推进重点项目建设，全市地区生产总值突破1200亿元、增长6.5%，打造田心高科园";
        String line = sentenceWithoutEnd.repeat(1_000_000 / 3 / sentenceWithoutEnd.length()); // about 1 MB in UTF-8
        SpeechExtraction result = extractWithinBound(line);
        assertThat(result.outline()).isEmpty();
    }

    @Test
    void onlyPunctuation() {
        SpeechExtraction result = extractWithinBound("。，、；：！？“”（）《》……——".repeat(20_000));
        assertThat(result.outline()).isEmpty();
        assertThat(result.tasks()).isEmpty();
    }

    @Test
    void deeplyRepeatedMarkers() {
        assertThat(extractWithinBound("一、（一）1、（1）①一是首先第一，".repeat(30_000))).isNotNull();
        assertThat(extractWithinBound("（一）".repeat(100_000))).isNotNull();
        assertThat(extractWithinBound("一是二是三是四是".repeat(50_000))).isNotNull();
        assertThat(extractWithinBound("一、\n".repeat(100_000))).isNotNull();
    }

    @Test
    void longRunsOfDigitsPlaceholdersAndQuotes() {
        assertThat(extractWithinBound("1".repeat(500_000) + "亿元")).isNotNull();
        assertThat(extractWithinBound("X".repeat(300_000) + "个" + "*".repeat(300_000))).isNotNull();
        assertThat(extractWithinBound("“".repeat(200_000) + "122" + "”".repeat(200_000))).isNotNull();
        assertThat(extractWithinBound("比".repeat(300_000) + "多5元")).isNotNull();
        assertThat(extractWithinBound("第".repeat(300_000) + "五位")).isNotNull();
        assertThat(extractWithinBound("高速".repeat(300_000))).isNotNull();
    }

    @Test
    void randomBytesDecodedAsText() {
        Random random = new Random(20250523);
        for (int round = 0; round < 5; round++) {
            byte[] bytes = new byte[200_000];
            random.nextBytes(bytes);
            assertThat(extractWithinBound(new String(bytes, StandardCharsets.UTF_8))).isNotNull();
            assertThat(extractWithinBound(new String(bytes, StandardCharsets.ISO_8859_1))).isNotNull();
        }
    }

    @Test
    void randomChineseSoup() {
        Random random = new Random(7);
        String alphabet = "一二三四五六七八九十是要、，。；：（）第个问题部分首先其次最后年亿万元%XX*0123456789.-至到比多少居全省高速项目工程园力争到突破达到翻一番\n\r\t “”";
        for (int round = 0; round < 5; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 300_000; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(extractWithinBound(text.toString())).isNotNull();
        }
    }

    @Test
    void emptyAndBlankInput() {
        SpeechExtraction empty = extractWithinBound("");
        assertThat(empty.title()).isNull();
        assertThat(empty.outline()).isEmpty();
        assertThat(extractWithinBound(" \n\r\n\t\u3000\n").tasks()).isEmpty();
        assertThat(extractWithinBound("\ufeff\u200b\u0000\u0007").tasks()).isEmpty();
        assertThat(extractWithinBound("\ud800\udc00\ud800x\udc00")).isNotNull();
    }

    @Test
    void inputOverTheLimitThrowsTheSizeError() {
        String big = "加".repeat(1_000_000); // 3 MB in UTF-8
        assertThatThrownBy(() -> EXTRACTOR.extract(big))
                .isInstanceOf(SpeechTooLargeException.class)
                .hasMessageContaining("讲话稿过大")
                .satisfies(e -> assertThat(((SpeechTooLargeException) e).messageEn()).contains("too large"));
    }

    @Test
    void theLimitIsConfigurable() {
        SpeechExtractor small = new SpeechExtractor(new SpeechLimits(1_000, Duration.ofSeconds(5)));
        assertThat(small.extract("一、加快推进项目建设").outline()).hasSize(1);
        assertThatThrownBy(() -> small.extract("项".repeat(400))).isInstanceOf(SpeechTooLargeException.class)
                .satisfies(e -> assertThat(((SpeechTooLargeException) e).size()).isEqualTo(1_200));
    }

    @Test
    void anExhaustedBudgetGivesAPartialResult() {
        SpeechExtractor hurried = new SpeechExtractor(new SpeechLimits(SpeechLimits.DEFAULT.maxBytes(), Duration.ofNanos(1)));
        SpeechExtraction result = hurried.extract(Speeches.read(Speeches.SEED_004));
        assertThat(result.partial()).isTrue();
    }
}
