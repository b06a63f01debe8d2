package cn.luoshi.common.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts events per key in a sliding window (e.g. appeals submitted from one address, failed sign-ins of one
 * account) and says when a key has had enough. Kept in memory per node: behind a load balancer each node enforces
 * the limit on its own share, which still stops a flood.
 */
@Component
public class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Records an event for the key if fewer than {@code limit} happened in the window; false when over the limit. */
    public boolean tryAcquire(String bucket, String key, int limit, Duration window) {
        Deque<Instant> times = events.computeIfAbsent(bucket + '|' + key, k -> new ArrayDeque<>());
        Instant now = clock.instant();
        synchronized (times) {
            prune(times, now.minus(window));
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
        }
        evictIfCrowded(now.minus(window));
        return true;
    }

    /** Records an event without checking (e.g. a failed sign-in). */
    public void record(String bucket, String key, Duration window) {
        Deque<Instant> times = events.computeIfAbsent(bucket + '|' + key, k -> new ArrayDeque<>());
        Instant now = clock.instant();
        synchronized (times) {
            prune(times, now.minus(window));
            times.addLast(now);
        }
        evictIfCrowded(now.minus(window));
    }

    /** How many events the key had within the window. */
    public int count(String bucket, String key, Duration window) {
        Deque<Instant> times = events.get(bucket + '|' + key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, clock.instant().minus(window));
            return times.size();
        }
    }

    /** When the key's newest event within the window happened, if it had one. */
    public java.util.Optional<Instant> latest(String bucket, String key, Duration window) {
        Deque<Instant> times = events.get(bucket + '|' + key);
        if (times == null) {
            return java.util.Optional.empty();
        }
        synchronized (times) {
            prune(times, clock.instant().minus(window));
            return java.util.Optional.ofNullable(times.peekLast());
        }
    }

    public void reset(String bucket, String key) {
        events.remove(bucket + '|' + key);
    }

    private static void prune(Deque<Instant> times, Instant oldest) {
        while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
            times.pollFirst();
        }
    }

    private void evictIfCrowded(Instant oldest) {
        if (events.size() <= MAX_KEYS) {
            return;
        }
        for (Iterator<Map.Entry<String, Deque<Instant>>> it = events.entrySet().iterator(); it.hasNext(); ) {
            Deque<Instant> times = it.next().getValue();
            synchronized (times) {
                prune(times, oldest);
                if (times.isEmpty()) {
                    it.remove();
                }
            }
        }
    }
}
