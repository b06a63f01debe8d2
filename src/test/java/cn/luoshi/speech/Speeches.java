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

    /** "地区生产总值 2160亿元 @2025年 居全省第5 比XX少230亿元"; ? for a placeholder, - for no amount. */
    static String describe(SpeechFigure f) {
        StringBuilder out = new StringBuilder(f.indicator()).append(' ')
                .append(amount(f.value(), f.valueMax(), f.approximate(), f.unit()));
        if (f.period() != null) {
            out.append(" @").append(f.period());
        }
        if (f.rank() != null) {
            out.append(" 居").append(f.rank().scope() == null ? "?" : f.rank().scope()).append('第')
                    .append(f.rank().position() == null ? "?" : f.rank().position());
        }
        if (f.comparison() != null) {
            SpeechFigure.Comparison c = f.comparison();
            out.append(" 比").append(c.peer() == null ? "?" : c.peer()).append(c.direction())
                    .append(c.difference() == null ? "?" : c.difference().toPlainString()).append(c.unit() == null ? "" : c.unit());
        }
        return out.toString();
    }

    /** "工业总产值 突破 ?亿元 →2026", "工业总量 翻一番 - 3年", "增速 进入前N ?名 [全省]". */
    static String describe(SpeechTarget t) {
        StringBuilder out = new StringBuilder(t.indicator()).append(' ').append(t.comparator()).append(' ')
                .append(amount(t.value(), t.valueMax(), t.approximate(), t.unit()));
        if (t.deadline() != null) {
            out.append(" →").append(t.deadline());
        }
        if (t.horizonYears() != null) {
            out.append(' ').append(t.horizonYears()).append('年');
        }
        if (t.scope() != null) {
            out.append(" [").append(t.scope()).append(']');
        }
        return out.toString();
    }

    private static String amount(java.math.BigDecimal value, java.math.BigDecimal max, boolean approximate, String unit) {
        if (value == null && unit == null) {
            return "-";
        }
        String number = value == null ? "?" : value.toPlainString();
        if (max != null) {
            number += "-" + max.toPlainString();
        }
        return number + (approximate ? "~" : "") + (unit == null ? "" : unit);
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
