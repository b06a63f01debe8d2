package cn.luoshi.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MutableClockTest {

    @Test
    void aClockTakenInAnotherZoneAtStartUpFollowsEveryLaterMove() {
        MutableClock clock = new MutableClock(ZoneId.of("Asia/Shanghai"));
        Clock utc = clock.withZone(ZoneOffset.UTC);

        clock.set(ZonedDateTime.of(2026, 12, 31, 23, 30, 0, 0, ZoneId.of("Asia/Shanghai")));
        assertThat(LocalDate.now(utc)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);

        clock.advance(Duration.ofHours(9));
        // 2027-01-01 08:30 in Shanghai is 00:30 UTC on the same day
        assertThat(LocalDate.now(utc)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(utc.instant()).isEqualTo(clock.instant());
        assertThat(utc.withZone(ZoneId.of("Asia/Shanghai")).instant()).isEqualTo(clock.instant());
        assertThat(clock.withZone(ZoneId.of("Asia/Shanghai"))).isSameAs(clock);
    }
}
