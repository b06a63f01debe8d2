package cn.luoshi.cockpit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The cockpit of a province counts every task, appeal, project and observation in it, seconds of database work that
 * the forty leaders of a province would otherwise repeat for each of their clicks. A picture once taken is shown to
 * every reader with the same scope, roles, month and language for {@code freshFor} (the page says when it was taken);
 * the first reader after that takes a new one, and readers arriving meanwhile wait for that one instead of each
 * taking their own. A zero {@code freshFor} takes a picture for every reader.
 *
 * @param <K> what the picture depends on
 * @param <V> the picture
 */
final class CockpitSnapshots<K, V> {

    /** Keys beyond this many (scopes × months × languages) are dropped, the stale ones first. */
    static final int MAX_KEPT = 2_000;

    private record Snapshot<V>(Instant takenAt, CompletableFuture<V> picture) {
    }

    private final Clock clock;
    private final Duration freshFor;
    private final Map<Object, Snapshot<V>> kept = new ConcurrentHashMap<>();

    CockpitSnapshots(Clock clock, Duration freshFor) {
        this.clock = clock;
        this.freshFor = freshFor;
    }

    /** The picture for {@code key}: the kept one while fresh, else a new one taken by {@code take} at this instant. */
    V get(K key, Function<Instant, V> take) {
        if (freshFor.isZero() || freshFor.isNegative()) {
            return take.apply(clock.instant());
        }
        while (true) {
            Instant now = clock.instant();
            Snapshot<V> current = kept.get(key);
            if (current != null && fresh(current, now)) {
                try {
                    return current.picture().join();
                } catch (CompletionException e) {
                    // the picture this reader waited for failed; it is dropped, so the next reader takes a new one
                    kept.remove(key, current);
                    throw unwrap(e);
                }
            }
            Snapshot<V> mine = new Snapshot<>(now, new CompletableFuture<>());
            boolean won = current == null ? kept.putIfAbsent(key, mine) == null : kept.replace(key, current, mine);
            if (!won) {
                continue;
            }
            trim(now);
            try {
                V picture = take.apply(now);
                mine.picture().complete(picture);
                return picture;
            } catch (RuntimeException | Error e) {
                // nothing half-taken is kept: readers waiting on it see the same failure, the next one tries again
                kept.remove(key, mine);
                mine.picture().completeExceptionally(e);
                throw e;
            }
        }
    }

    void clear() {
        kept.clear();
    }

    int size() {
        return kept.size();
    }

    private boolean fresh(Snapshot<V> snapshot, Instant now) {
        // a picture still being taken counts as fresh, so that readers wait for it rather than start another
        return !snapshot.picture().isDone() || snapshot.takenAt().plus(freshFor).isAfter(now);
    }

    private void trim(Instant now) {
        if (kept.size() <= MAX_KEPT) {
            return;
        }
        kept.values().removeIf(s -> s.picture().isDone() && !fresh(s, now));
        for (Iterator<Object> i = kept.keySet().iterator(); kept.size() > MAX_KEPT && i.hasNext(); ) {
            i.next();
            i.remove();
        }
    }

    private static RuntimeException unwrap(CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
            return r;
        }
        if (e.getCause() instanceof Error err) {
            throw err;
        }
        return e;
    }
}
