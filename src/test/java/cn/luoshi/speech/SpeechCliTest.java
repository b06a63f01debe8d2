package cn.luoshi.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code extract-speech FILE}: JSON on standard output, exit 2 with a bilingual message for bad input. */
class SpeechCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(byte[] stdin, SpeechExtractor extractor, String... args) {
        return SpeechCli.run(args, new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), extractor);
    }

    private int run(String... args) {
        return run(new byte[0], Speeches.EXTRACTOR, args);
    }

    private JsonNode json() {
        return JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsTheExtractionAsJson() throws IOException {
        Path file = dir.resolve("000.txt");
        Files.writeString(file, Speeches.read(Speeches.SEED_000));
        assertThat(run("extract-speech", file.toString())).isZero();
        JsonNode json = json();
        assertThat(json.get("title").asString()).isEqualTo("在XX▪XX两市情况交流会上的讲话");
        assertThat(json.get("speakerRole").isNull()).isTrue();
        JsonNode gdp = json.get("figures").get(0);
        assertThat(gdp.get("indicator").asString()).isEqualTo("地区生产总值");
        assertThat(gdp.get("value").decimalValue()).isEqualByComparingTo("2160");
        assertThat(gdp.get("unit").asString()).isEqualTo("亿元");
        assertThat(gdp.get("period").asString()).isEqualTo("2025年");
        assertThat(gdp.get("rank").get("scope").asString()).isEqualTo("全省");
        assertThat(gdp.get("rank").get("position").asInt()).isEqualTo(5);
        assertThat(gdp.get("comparison").get("peer").asString()).isEqualTo("XX");
        assertThat(gdp.get("comparison").get("difference").decimalValue()).isEqualByComparingTo("230");
        assertThat(gdp.get("comparison").get("direction").asString()).isEqualTo("少");
        assertThat(json.get("outline").get(0).get("children").isArray()).isTrue();
        assertThat(err.size()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\n  \"title\"");
    }

    @Test
    void readsStandardInputForADash() {
        byte[] speech = "一、加快推进重点项目建设\n力争到2026年，全市工业总产值突破1000亿元。".getBytes(StandardCharsets.UTF_8);
        assertThat(run(speech, Speeches.EXTRACTOR, "extract-speech", "-")).isZero();
        assertThat(json().get("targets").get(0).get("deadline").asInt()).isEqualTo(2026);
    }

    /** These made the command exit 1 with a stack trace. */
    @Test
    void sentencesThatOnceCrashedTheExtractorExitWithZero() throws IOException {
        Path file = dir.resolve("crashers.txt");
        Files.writeString(file, "实现三年翻一番。\n会议于2024.1.27召开\n19.936.943.2\n");
        assertThat(run("extract-speech", file.toString())).isZero();
        assertThat(err.size()).isZero();
        assertThat(json().get("figures").isEmpty()).isTrue();
        assertThat(json().get("targets").isEmpty()).isTrue();
    }

    @Test
    void readsFilesSavedAsGb18030() throws IOException {
        Path file = dir.resolve("gbk.txt");
        Files.write(file, "一、加快推进重点项目建设".getBytes(Charset.forName("GB18030")));
        assertThat(run("extract-speech", file.toString())).isZero();
        assertThat(json().get("outline").get(0).get("heading").asString()).isEqualTo("加快推进重点项目建设");
    }

    @Test
    void missingFileExitsWithTwoAndSaysSoInChineseAndEnglish() {
        assertThat(run("extract-speech", dir.resolve("none.txt").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("找不到文件").contains("File not found");
        assertThat(out.size()).isZero();
    }

    @Test
    void directoryIsUnreadable() {
        assertThat(run("extract-speech", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("无法读取文件").contains("Cannot read file");
    }

    @Test
    void oversizeFileExitsWithTwo() throws IOException {
        Path file = dir.resolve("big.txt");
        Files.write(file, new byte[2_001]);
        SpeechExtractor small = new SpeechExtractor(new SpeechLimits(2_000, Duration.ofSeconds(5)));
        assertThat(run(new byte[0], small, "extract-speech", file.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("文件过大").contains("too large");
        assertThat(run(new byte[2_001], small, "extract-speech", "-")).isEqualTo(2);
    }

    @Test
    void wrongArgumentsShowTheUsage() {
        assertThat(run("extract-speech")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("用法").contains("Usage");
        assertThat(run("extract-speech", "a", "b")).isEqualTo(2);
    }
}
