package cn.luoshi.cockpit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import cn.luoshi.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One cockpit picture per key and minute: reused while fresh, taken anew after, never kept when it failed. */
class CockpitSnapshotsTest {

    private final MutableClock clock = new MutableClock(ZoneId.of("Asia/Shanghai"));
    private final AtomicInteger taken = new AtomicInteger();
    private CockpitSnapshots<String, String> snapshots;

    @BeforeEach
    void setUp() {
        clock.reset();
        snapshots = new CockpitSnapshots<>(clock, Duration.ofMinutes(1));
    }

    private String picture(Instant at) {
        return "picture " + taken.incrementAndGet() + " at " + at;
    }

    @Test
    void aPictureIsShownToEveryReaderOfItsKeyForAMinuteAndRetakenAtTheMinute() {
        Instant start = clock.instant();
        String first = snapshots.get("980000", this::picture);
        assertThat(first).isEqualTo("picture 1 at " + start);

        clock.advance(Duration.ofSeconds(59));
        assertThat(snapshots.get("980000", this::picture)).isEqualTo(first);

        clock.advance(Duration.ofSeconds(1));
        assertThat(snapshots.get("980000", this::picture)).isEqualTo("picture 2 at " + start.plusSeconds(60));
        assertThat(taken).hasValue(2);
    }

    @Test
    void readersOfAnotherKeyGetTheirOwnPicture() {
        assertThat(snapshots.get("980000", this::picture)).startsWith("picture 1 ");
        assertThat(snapshots.get("980100", this::picture)).startsWith("picture 2 ");
        assertThat(snapshots.get("980000", this::picture)).startsWith("picture 1 ");
        assertThat(snapshots.size()).isEqualTo(2);
    }

    @Test
    void aFailedPictureIsNotKept() {
        assertThatThrownBy(() -> snapshots.get("980000", at -> {
            taken.incrementAndGet();
            throw new IllegalStateException("database gone");
        })).isInstanceOf(IllegalStateException.class).hasMessage("database gone");

        assertThat(snapshots.get("980000", this::picture)).startsWith("picture 2 ");
        assertThat(snapshots.size()).isEqualTo(1);
    }

    @Test
    void clearingMakesTheNextReaderTakeANewPicture() {
        snapshots.get("980000", this::picture);
        snapshots.clear();
        assertThat(snapshots.get("980000", this::picture)).startsWith("picture 2 ");
    }

    @Test
    void zeroFreshnessTakesAPictureForEveryReader() {
        CockpitSnapshots<String, String> always = new CockpitSnapshots<>(clock, Duration.ZERO);
        assertThat(always.get("980000", this::picture)).startsWith("picture 1 ");
        assertThat(always.get("980000", this::picture)).startsWith("picture 2 ");
        assertThat(always.size()).isZero();
    }

    @Test
    void aReaderArrivingWhileAPictureIsTakenWaitsForItInsteadOfTakingAnother() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> firstResult = new AtomicReference<>();
        Thread first = Thread.ofPlatform().start(() -> firstResult.set(snapshots.get("980000", at -> {
            inside.countDown();
            awaitQuietly(release);
            return picture(at);
        })));
        inside.await();

        AtomicReference<String> secondResult = new AtomicReference<>();
        Thread second = Thread.ofPlatform().start(() -> secondResult.set(snapshots.get("980000", this::picture)));
        // the second reader is parked on the first one's picture before that is finished
        while (second.getState() != Thread.State.WAITING) {
            assertThat(second.isAlive()).as("the second reader returned before the first picture was done").isTrue();
            Thread.onSpinWait();
        }
        release.countDown();
        first.join();
        second.join();

        assertThat(firstResult.get()).isEqualTo("picture 1 at " + clock.instant());
        assertThat(secondResult.get()).isEqualTo(firstResult.get());
        assertThat(taken).hasValue(1);
    }

    @Test
    void noMoreThanTheLimitOfKeysIsKept() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < CockpitSnapshots.MAX_KEPT + 5; i++) {
            keys.add("unit " + i);
        }
        keys.forEach(k -> snapshots.get(k, this::picture));
        assertThat(snapshots.size()).isEqualTo(CockpitSnapshots.MAX_KEPT);
        assertThat(taken).hasValue(CockpitSnapshots.MAX_KEPT + 5);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
