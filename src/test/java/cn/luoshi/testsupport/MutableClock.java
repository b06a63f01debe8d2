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

    /**
     * The same moving time seen in another zone: callers that keep {@code clock.withZone(...)} from start-up must
     * see every later {@link #set} and {@link #advance}, as they would with the system clock.
     */
    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new Zoned(this, zone);
    }

    private static final class Zoned extends Clock {
        private final MutableClock source;
        private final ZoneId zone;

        Zoned(MutableClock source, ZoneId zone) {
            this.source = source;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return source.withZone(other);
        }

        @Override
        public Instant instant() {
            return source.instant();
        }
    }

    @Override
    public Instant instant() {
        return now;
    }
}
