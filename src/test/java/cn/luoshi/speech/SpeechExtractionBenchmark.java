package cn.luoshi.speech;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Extraction time per speech on one thread, for each seed and for a 30 KB speech (seed 004 — 28 KB — with the
 * opening of seed 001 appended). Not a test; run it with
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main SpeechExtractionBenchmark}.
 * MB/s = UTF-8 bytes of the speech / time per speech.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SpeechExtractionBenchmark {

    @Param({"000", "001", "002", "003", "004", "30KB"})
    public String speech;

    private final SpeechExtractor extractor = new SpeechExtractor();
    private String text;

    @Setup
    public void read() {
        if ("30KB".equals(speech)) {
            String base = Speeches.read(Speeches.SEED_004);
            String more = Speeches.read(Speeches.SEED_001);
            StringBuilder b = new StringBuilder(base);
            int i = 0;
            while (b.toString().getBytes(StandardCharsets.UTF_8).length < 30 * 1024) {
                b.append(more.charAt(i++));
            }
            text = b.toString();
        } else {
            text = Speeches.read(Speeches.SEEDS.stream().filter(s -> s.contains("/" + speech + "_")).findFirst()
                    .orElseThrow());
        }
    }

    @Benchmark
    public SpeechExtraction extract() {
        return extractor.extract(text);
    }
}
