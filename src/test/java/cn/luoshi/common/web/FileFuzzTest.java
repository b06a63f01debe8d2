package cn.luoshi.common.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded run of {@link FileFuzz} in CI: random uploads to every endpoint that takes a file, each decided by a
 * seed drawn from one fixed seed, so a failure names the seed that repeats it. None answers 5xx, every refusal is
 * problem+json (API) or a page with its message, no refused upload changes a row, and no upload leaves a stored
 * file without its record. The fuzz command runs the same inputs by the hundred thousand.
 */
class FileFuzzTest {

    static final int INPUTS = 120;

    private static ConfigurableApplicationContext app;
    private static FileFuzz fuzz;

    @BeforeAll
    static void start() throws Exception {
        app = ApiFuzz.start(Path.of("target", "filefuzz-data"));
        fuzz = new FileFuzz(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void noUploadAnswersAServerErrorOrLeavesAnythingHalfWritten() throws Exception {
        Random seeds = new Random(20261207);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            long seed = seeds.nextLong();
            FileFuzz.Outcome outcome = fuzz.call(seed);
            if (outcome.failure() != null) {
                failures.add(outcome.describe());
            }
            String orphans = fuzz.orphansLeft();
            if (orphans != null) {
                failures.add("seed " + seed + ": " + orphans);
                break;
            }
        }
        assertThat(failures).as("uploads that failed (of " + INPUTS + " over " + fuzz.targets().size()
                + " endpoints)").isEmpty();
    }
}
