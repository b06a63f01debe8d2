package cn.luoshi.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every extracted item points back into the original text: the original between {@code start} and {@code end},
 * with its line breaks and spaces dropped and punctuation unified, reads exactly as the item's text.
 */
class OffsetsTest {

    static Stream<String> speeches() {
        return Stream.concat(Speeches.SEEDS.stream(), Speeches.OWN.stream());
    }

    @ParameterizedTest
    @MethodSource("speeches")
    void everyItemShowsItsSourceInTheOriginal(String name) {
        String original = Speeches.read(name);
        SpeechExtraction result = Speeches.extract(name);
        for (OutlineNode node : Speeches.flatten(result.outline())) {
            String source = source(original, node.start(), node.end());
            String marker = normalise(node.marker());
            String heading = normalise(node.heading());
            assertThat(source).as("heading %s", node.heading()).startsWith(marker);
            assertThat(source.length()).isGreaterThanOrEqualTo(marker.length() + heading.length());
            assertSameText(source.substring(source.length() - heading.length()), heading);
        }
        for (SpeechTask task : result.tasks()) {
            assertSameText(source(original, task.start(), task.end()), task.text());
        }
        for (SpeechTarget target : result.targets()) {
            assertSameText(source(original, target.start(), target.end()), target.text());
        }
        for (SpeechFigure figure : result.figures()) {
            assertSameText(source(original, figure.start(), figure.end()), figure.text());
        }
        for (SpeechProject project : result.projects()) {
            assertSameText(source(original, project.start(), project.end()), project.text());
            assertThat(project.text()).isEqualTo(project.name());
        }
        for (SpeechProgramme programme : result.programmes()) {
            assertThat(source(original, programme.start(), programme.end())).isEqualTo(programme.code());
        }
    }

    private static String source(String original, int start, int end) {
        assertThat(start).isBetween(0, original.length() - 1);
        assertThat(end).isBetween(start + 1, original.length());
        return normalise(original.substring(start, end));
    }

    /** Equal, except where a Traditional character of the original became Simplified. */
    private static void assertSameText(String source, String text) {
        String expected = normalise(text);
        assertThat(source).hasSameSizeAs(expected);
        CharsetEncoder simplified = Charset.forName("GB2312").newEncoder();
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c != expected.charAt(i)) {
                assertThat(simplified.canEncode(c)).as("'%s' in %s", c, source).isFalse();
            }
        }
    }

    /** Drops whitespace and quotes, folds full-width forms to ASCII and ASCII punctuation to Chinese. */
    static String normalise(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '"' || c == '“' || c == '”') {
                continue;
            }
            if (c >= '\uff01' && c <= '\uff5e') {
                c = (char) (c - 0xfee0);
            }
            boolean digits = i > 0 && i + 1 < s.length() && Character.isDigit(s.charAt(i - 1)) && Character.isDigit(s.charAt(i + 1));
            c = switch (c) {
                case ',' -> digits ? ',' : '，';
                case ':' -> digits ? ':' : '：';
                case ';' -> '；';
                case '?' -> '？';
                case '!' -> '！';
                case '(' -> '（';
                case ')' -> '）';
                default -> c;
            };
            if (c != '"') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
