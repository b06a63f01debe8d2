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
 * A bounded run of {@link ApiFuzz} in CI: 1,500 random calls to the API operations, each decided by a seed drawn
 * from one fixed seed (so a failure names the seed that repeats it), never answer 5xx. The fuzz command runs the
 * same calls by the million.
 */
class ApiFuzzTest {

    static final int CALLS = 1500;

    private static ConfigurableApplicationContext app;
    private static ApiFuzz fuzz;

    @BeforeAll
    static void start() throws Exception {
        app = ApiFuzz.start(Path.of("target", "fuzz-data"));
        fuzz = new ApiFuzz(ApiFuzz.baseOf(app));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void noCallAnswersAServerError() throws Exception {
        Random seeds = new Random(20261203);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            long seed = seeds.nextLong();
            ApiFuzz.Outcome outcome = fuzz.call(seed);
            if (outcome.status() >= 500) {
                failures.add("seed " + seed + ": " + outcome.describe());
            }
        }
        assertThat(failures).as("calls answered 5xx (of " + CALLS + " over " + fuzz.operations().size()
                + " operations)").isEmpty();
    }
}
