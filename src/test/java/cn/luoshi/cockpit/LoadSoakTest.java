package cn.luoshi.cockpit;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI version of the load soak: 200 users of every kind for two minutes on the demo city, on a database of its
 * own. Every answer is the one its user expects, and what the heap keeps does not grow with the work done. The
 * figures are printed; the half-hour soak on the province is the {@link LoadSoak} command.
 */
class LoadSoakTest {

    @Test
    void twoHundredUsersWorkForTwoMinutesWithoutOneError() throws Exception {
        LoadSoak.Figures figures;
        try (ConfigurableApplicationContext app = LoadSoak.start(Path.of("target", "soak-data"))) {
            figures = LoadSoak.run(app, new LoadSoak.Options(200, Duration.ofMinutes(2), false,
                    Path.of("target", "soak-data")));
        }
        figures.lines().forEach(System.out::println);
        assertThat(figures.firstErrors()).as("the first errors").isEmpty();
        assertThat(figures.errors()).isZero();
        assertThat(figures.actions()).extracting(LoadSoak.Action::name).containsExactly("appeal", "appeals",
                "appeals@top", "board", "board@top", "cockpit", "cockpit@top", "home", "home@top", "inbox", "progress",
                "report", "report@top", "signIn", "task", "task@top");
        // Sessions and caches settle once warm; what stays after a full collection at the end is within 64 MB of
        // what stayed after the first fifth of the run.
        assertThat(figures.heapEndBytes() - figures.heapWarmBytes()).isLessThan(64L * 1024 * 1024);
    }
}
