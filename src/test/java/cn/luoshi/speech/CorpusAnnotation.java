package cn.luoshi.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hand-made annotation of one corpus speech ({@code speech/corpus/NN-name.expected.json}): what a supervision
 * office expects the extractor to find. The rules it follows are in {@code speech/corpus/README.md}.
 */
record CorpusAnnotation(String title, String speakerRole, List<Heading> outline, List<Figure> figures,
        List<Target> targets, List<Project> projects, List<Task> tasks) {

    /** A heading at its depth in the speech's tree, 1 for the top. */
    record Heading(int level, String heading) {
    }

    /** A rank within a scope: "居全省第五" → (全省, 5). */
    record Rank(String scope, Integer position) {
    }

    /**
     * A quantity cited about the present or past. {@code value} null where a placeholder stands; {@code written}
     * says how the number is written when not in digits ("三十五"), so it can be checked against the source.
     */
    record Figure(String indicator, List<String> aliases, BigDecimal value, String unit, String period, Integer year,
            Rank rank, String source, String written) {
    }

    /** A rank goal: "进入全市前三" (top 3), "不垫底" (notLast), "保持全省第一" (position 1). */
    record TargetRank(String scope, Integer top, Integer position, boolean notLast) {
    }

    /** A quantified goal for the future. */
    record Target(String indicator, List<String> aliases, String comparator, BigDecimal value, String unit,
            boolean atLeast, Integer deadline, Integer horizonYears, TargetRank rank, String source, String written) {
    }

    /** A named project and the other names an office would accept for it. */
    record Project(String name, List<String> aliases) {
    }

    /** A deployed item: a piece of its clause in the speech and the title an office would register. */
    record Task(String source, String title) {
    }

    /** One speech of the corpus with its annotation. */
    record Speech(String name, String text, CorpusAnnotation expected) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ROOT = "/speech/corpus";

    /** The speeches of the corpus proper ({@code speech/corpus/*.txt}), by name. */
    static List<Speech> corpus() {
        return load("");
    }

    /** The held-out speeches ({@code speech/corpus/holdout/*.txt}), by name. */
    static List<Speech> holdout() {
        return load("/holdout");
    }

    private static List<Speech> load(String folder) {
        Path dir = directory(ROOT + folder);
        try (Stream<Path> files = Files.list(dir)) {
            List<Speech> speeches = new ArrayList<>();
            for (Path txt : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                String name = txt.getFileName().toString().replaceFirst("\\.txt$", "");
                Path json = txt.resolveSibling(name + ".expected.json");
                if (!Files.exists(json)) {
                    throw new IllegalStateException("no annotation for " + txt);
                }
                speeches.add(new Speech(name, Files.readString(txt, StandardCharsets.UTF_8),
                        parse(Files.readString(json, StandardCharsets.UTF_8), name)));
            }
            return speeches;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory(String resource) {
        URL url = CorpusAnnotation.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("no test resource folder " + resource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static CorpusAnnotation parse(String json, String name) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (RuntimeException e) {
            throw new IllegalStateException("annotation " + name + " is not valid JSON: " + e.getMessage(), e);
        }
        List<Heading> outline = new ArrayList<>();
        for (JsonNode h : root.path("outline")) {
            outline.add(new Heading(h.required("level").asInt(), string(h, "heading")));
        }
        List<Figure> figures = new ArrayList<>();
        for (JsonNode f : root.path("figures")) {
            JsonNode rank = f.path("rank");
            figures.add(new Figure(string(f, "indicator"), strings(f.path("aliases")), decimal(f, "value"),
                    string(f, "unit"), string(f, "period"), integer(f, "year"),
                    rank.isObject() ? new Rank(string(rank, "scope"), integer(rank, "position")) : null,
                    string(f, "source"), string(f, "written")));
        }
        List<Target> targets = new ArrayList<>();
        for (JsonNode t : root.path("targets")) {
            JsonNode rank = t.path("rank");
            targets.add(new Target(string(t, "indicator"), strings(t.path("aliases")), string(t, "comparator"),
                    decimal(t, "value"), string(t, "unit"), t.path("atLeast").asBoolean(false), integer(t, "deadline"),
                    integer(t, "horizonYears"),
                    rank.isObject() ? new TargetRank(string(rank, "scope"), integer(rank, "top"),
                            integer(rank, "position"), rank.path("notLast").asBoolean(false)) : null,
                    string(t, "source"), string(t, "written")));
        }
        List<Project> projects = new ArrayList<>();
        for (JsonNode p : root.path("projects")) {
            projects.add(new Project(string(p, "name"), strings(p.path("aliases"))));
        }
        List<Task> tasks = new ArrayList<>();
        for (JsonNode t : root.path("tasks")) {
            tasks.add(new Task(string(t, "source"), string(t, "title")));
        }
        return new CorpusAnnotation(string(root, "title"), string(root, "speakerRole"), outline, figures, targets,
                projects, tasks);
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asInt();
    }

    /** Values are written as strings ("8.6", "-3.1") so that no floating point stands between the text and them. */
    private static BigDecimal decimal(JsonNode node, String field) {
        String value = string(node, field);
        return value == null ? null : new BigDecimal(value);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value.asString());
        }
        return values;
    }
}
