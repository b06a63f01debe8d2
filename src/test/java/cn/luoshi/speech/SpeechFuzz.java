package cn.luoshi.speech;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The speech extractor's fuzz command (a benchmark, not a test): draws N inputs of the kinds in {@link SpeechInputs},
 * extracts each, and reports how many failed (an exception other than the size error, a malformed result, or a text
 * of up to 30 KB cut short by the time budget: all must be 0), how many inputs of up to 30 KB took a second or more
 * (must be 0; an input over a second is timed twice more and the fastest run counts, so that a pause of a shared
 * machine is not taken for a slow input), the slowest input with its time and size, and the throughput.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.luoshi.speech.SpeechFuzz [--inputs N] [--seed S] [--threads T]
 * </pre>
 *
 * Input i is drawn from its own seed (printed for every failure), so one input can be drawn again alone with
 * {@code --only SEED}. Failing inputs, shrunk, and the slowest input are written to {@code target/speech-fuzz/}.
 * Exit code 0 when nothing failed and nothing was slow, 1 otherwise.
 */
public final class SpeechFuzz {

    private static final long SLOW_NANOS = 1_000_000_000L;
    private static final int KEPT_FAILURES = 20;
    private static final Path OUT = Path.of("target", "speech-fuzz");

    private SpeechFuzz() {
    }

    public static void main(String[] args) throws Exception {
        long inputs = 1_000_000;
        long seed = 20_261_203L;
        int threads = 1;
        Long only = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--inputs" -> inputs = Long.parseLong(args[i + 1].replace("_", "").replace(",", ""));
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--only" -> only = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SpeechExtractor extractor = new SpeechExtractor();
        Files.createDirectories(OUT);
        if (only != null) {
            String input = SpeechInputs.any(new Random(only));
            save("input-" + only, input);
            Outcome outcome = run(extractor, input, only);
            System.out.printf("seed %d: %d chars, %d bytes, %.1f ms, %s%n", only, input.length(), outcome.bytes,
                    outcome.nanos / 1e6, outcome.failure == null ? "ok" : outcome.failure);
            System.exit(outcome.failure == null ? 0 : 1);
        }
        warmUp(extractor);
        Stats total = new Stats();
        long started = System.nanoTime();
        long batch = Math.max(1, Math.min(10_000, inputs / Math.max(1, threads * 4L)));
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            long next = 0;
            long lastReport = started;
            while (next < inputs) {
                List<Future<Stats>> futures = new ArrayList<>();
                for (int t = 0; t < threads && next < inputs; t++) {
                    long from = next;
                    long to = Math.min(inputs, from + batch);
                    long masterSeed = seed;
                    futures.add(pool.submit(() -> runRange(extractor, masterSeed, from, to)));
                    next = to;
                }
                for (Future<Stats> f : futures) {
                    total.add(f.get());
                }
                if (System.nanoTime() - lastReport > 30_000_000_000L) {
                    lastReport = System.nanoTime();
                    System.out.printf("… %,d inputs, %,d failures, %.0f s%n", total.count, total.failures, (lastReport - started) / 1e9);
                }
            }
        }
        double wall = (System.nanoTime() - started) / 1e9;
        report(total, wall, threads, seed);
        System.exit(total.failures == 0 && total.slow == 0 ? 0 : 1);
    }

    /** Loads the classes and lets the JIT compile the extractor, so that the first inputs do not count as slow. */
    private static void warmUp(SpeechExtractor extractor) {
        for (int round = 0; round < 100; round++) {
            for (String seed : SpeechInputs.SEEDS) {
                extractor.extract(seed);
            }
        }
    }

    /** Input i's own seed: a mix of the master seed and i, so that results do not depend on the number of threads. */
    static long inputSeed(long master, long i) {
        long z = master + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static Stats runRange(SpeechExtractor extractor, long master, long from, long to) {
        Stats stats = new Stats();
        for (long i = from; i < to; i++) {
            long inputSeed = inputSeed(master, i);
            String input = SpeechInputs.any(new Random(inputSeed));
            Outcome outcome = run(extractor, input, inputSeed);
            stats.record(input, outcome, extractor);
        }
        return stats;
    }

    private record Outcome(long seed, long bytes, long nanos, String failure) {
    }

    private static Outcome run(SpeechExtractor extractor, String input, long seed) {
        long bytes = input.getBytes(StandardCharsets.UTF_8).length;
        long start = System.nanoTime();
        SpeechExtraction result = null;
        String failure = null;
        try {
            result = extractor.extract(input);
        } catch (SpeechTooLargeException tooLarge) {
            if (bytes <= extractor.limits().maxBytes()) {
                failure = "size error for " + bytes + " bytes";
            }
        } catch (RuntimeException | StackOverflowError e) {
            StackTraceElement[] trace = e.getStackTrace();
            failure = e.getClass().getName() + " at " + (trace.length > 0 ? trace[0] : "?") + ": " + e.getMessage();
        }
        long nanos = System.nanoTime() - start;
        if (nanos >= SLOW_NANOS && bytes <= WellFormed.READ_WHOLE_BYTES) {
            // a pause of the machine or the collector is not the input's doing: it counts as slow when it is slow again
            for (int again = 0; again < 2; again++) {
                long restart = System.nanoTime();
                try {
                    extractor.extract(input);
                } catch (RuntimeException | StackOverflowError ignored) {
                    // the first run's outcome stands
                }
                nanos = Math.min(nanos, System.nanoTime() - restart);
            }
        }
        if (result != null) {
            List<String> problems = WellFormed.problems(input, result);
            if (!problems.isEmpty()) {
                failure = "malformed: " + problems.getFirst();
            } else if (result.partial() && bytes <= WellFormed.READ_WHOLE_BYTES) {
                failure = "partial: " + bytes + " bytes not read whole within the time budget";
            }
        }
        return new Outcome(seed, bytes, nanos, failure);
    }

    private static final class Stats {
        long count;
        long bytes;
        long nanos;
        long failures;
        long exceptions;
        long slow;
        long tooLarge;
        Outcome slowest;
        String slowestInput;
        Outcome slowestSmall;
        String slowestSmallInput;
        final List<String> kept = new ArrayList<>();

        void record(String input, Outcome o, SpeechExtractor extractor) {
            count++;
            bytes += o.bytes;
            nanos += o.nanos;
            if (o.bytes > extractor.limits().maxBytes()) {
                tooLarge++;
            }
            if (o.failure != null) {
                failures++;
                if (!o.failure.startsWith("malformed") && !o.failure.startsWith("partial")) {
                    exceptions++;
                }
                if (kept.size() < KEPT_FAILURES) {
                    String kind = WellFormed.kindOf(o.failure);
                    String small = Shrinker.shrink(input, s -> kind.equals(WellFormed.kindOf(WellFormed.failure(extractor, s))));
                    String kept = "seed " + o.seed + " (" + input.length() + " chars): " + o.failure + "\nshrunk: "
                            + Shrinker.literal(small) + "\n";
                    this.kept.add(kept);
                    System.out.println(kept);
                }
            }
            if (o.bytes <= WellFormed.READ_WHOLE_BYTES && o.nanos >= SLOW_NANOS) {
                slow++;
            }
            if (slowest == null || o.nanos > slowest.nanos) {
                slowest = o;
                slowestInput = input;
            }
            if (o.bytes <= WellFormed.READ_WHOLE_BYTES && (slowestSmall == null || o.nanos > slowestSmall.nanos)) {
                slowestSmall = o;
                slowestSmallInput = input;
            }
        }

        void add(Stats other) {
            count += other.count;
            bytes += other.bytes;
            nanos += other.nanos;
            failures += other.failures;
            exceptions += other.exceptions;
            slow += other.slow;
            tooLarge += other.tooLarge;
            for (String k : other.kept) {
                if (kept.size() < KEPT_FAILURES) {
                    kept.add(k);
                }
            }
            if (other.slowest != null && (slowest == null || other.slowest.nanos > slowest.nanos)) {
                slowest = other.slowest;
                slowestInput = other.slowestInput;
            }
            if (other.slowestSmall != null && (slowestSmall == null || other.slowestSmall.nanos > slowestSmall.nanos)) {
                slowestSmall = other.slowestSmall;
                slowestSmallInput = other.slowestSmallInput;
            }
        }
    }

    /** The input as UTF-8 (a lone surrogate becomes "?") and as an exact Java literal. */
    private static void save(String name, String input) throws IOException {
        Files.write(OUT.resolve(name + ".txt"), input.getBytes(StandardCharsets.UTF_8));
        Files.write(OUT.resolve(name + ".literal"), Shrinker.literal(input).getBytes(StandardCharsets.UTF_8));
    }

    private static void report(Stats s, double wall, int threads, long seed) throws IOException {
        System.out.printf("inputs               %,d (seed %d, %d thread%s, %,d over the size limit, refused as they must be)%n",
                s.count, seed, threads, threads == 1 ? "" : "s", s.tooLarge);
        System.out.printf("failures             %,d (exceptions %,d)%n", s.failures, s.exceptions);
        System.out.printf("slow (≤30 KB, ≥1 s)  %,d%n", s.slow);
        if (s.slowest != null) {
            System.out.printf("slowest              %.1f ms, %,d bytes (seed %d)%n", s.slowest.nanos / 1e6, s.slowest.bytes, s.slowest.seed);
            save("slowest", s.slowestInput);
        }
        if (s.slowestSmall != null) {
            System.out.printf("slowest ≤30 KB       %.1f ms, %,d bytes (seed %d)%n", s.slowestSmall.nanos / 1e6, s.slowestSmall.bytes,
                    s.slowestSmall.seed);
            save("slowest-30kb", s.slowestSmallInput);
        }
        System.out.printf("input                %,.1f MB, mean %,d bytes%n", s.bytes / 1e6, s.count == 0 ? 0 : s.bytes / s.count);
        System.out.printf("throughput           %,.0f inputs/s, %.2f MB/s of extraction time (%.0f s extracting, %.0f s wall)%n",
                s.count / wall, s.bytes / 1e6 / (s.nanos / 1e9), s.nanos / 1e9, wall);
        Files.write(OUT.resolve("failures.txt"), String.join("\n", s.kept).getBytes(StandardCharsets.UTF_8));
        if (!s.kept.isEmpty()) {
            System.out.println("failing inputs, shrunk: " + OUT.resolve("failures.txt"));
        }
    }
}
