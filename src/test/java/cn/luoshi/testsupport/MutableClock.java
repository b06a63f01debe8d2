package cn.luoshi.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A clock tests can set and move; Luoshi reads all time from the Clock bean. */
public class MutableClock extends Clock {

    /** The instant every test context starts at: mid-year, so time-progress is neither 0 nor 1. */
    public static final ZonedDateTime START = ZonedDateTime.of(2026, 7, 15, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai"));

    private volatile Instant now = START.toInstant();
    private final ZoneId zone;

    public MutableClock(ZoneId zone) {
        this.zone = zone;
    }

    public void set(ZonedDateTime time) {
        now = time.toInstant();
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void reset() {
        now = START.toInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock clock = new MutableClock(zone);
        clock.now = now;
        return clock;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
