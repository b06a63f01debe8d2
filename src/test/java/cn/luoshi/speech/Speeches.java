package cn.luoshi.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Loads the test speeches and renders results in a form hand-written expectations can be compared with. */
final class Speeches {

    static final String SEED_000 = "seeds/000_810438fc59a063e6.txt";
    static final String SEED_001 = "seeds/001_c29f753ae4b19a69.txt";
    static final String SEED_002 = "seeds/002_674bafecfc7f2a1b.txt";
    static final String SEED_003 = "seeds/003_2539485d24df3d4b.txt";
    static final String SEED_004 = "seeds/004_a2a93fd3e3cdc777.txt";
    static final List<String> SEEDS = List.of(SEED_000, SEED_001, SEED_002, SEED_003, SEED_004);
    static final List<String> OWN = List.of("own/parts-and-ordinals.txt", "own/chinese-numbers.txt", "own/traditional.txt",
            "own/broken-lines.txt", "own/work-report.txt", "own/no-outline.txt", "own/numbered-lists.txt");

    /** A generous time budget, so a busy test machine never yields a partial result. */
    static final SpeechExtractor EXTRACTOR =
            new SpeechExtractor(new SpeechLimits(SpeechLimits.DEFAULT.maxBytes(), Duration.ofMinutes(2)));

    private Speeches() {
    }

    static String read(String name) {
        try (InputStream in = Speeches.class.getResourceAsStream("/speech/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test speech " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SpeechExtraction extract(String name) {
        SpeechExtraction result = EXTRACTOR.extract(read(name));
        if (result.partial()) {
            throw new AssertionError("partial result for " + name);
        }
        return result;
    }

    /** One line per heading, "marker heading", indented two spaces per level below the top. */
    static String outline(SpeechExtraction extraction) {
        StringBuilder out = new StringBuilder();
        render(extraction.outline(), out);
        return out.toString();
    }

    private static void render(List<OutlineNode> nodes, StringBuilder out) {
        for (OutlineNode node : nodes) {
            out.append("  ".repeat(node.level() - 1)).append(node.marker()).append(' ').append(node.heading()).append('\n');
            render(node.children(), out);
        }
    }

    static List<OutlineNode> flatten(List<OutlineNode> nodes) {
        List<OutlineNode> all = new ArrayList<>();
        for (OutlineNode node : nodes) {
            all.add(node);
            all.addAll(flatten(node.children()));
        }
        return all;
    }
}
