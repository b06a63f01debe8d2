package cn.luoshi.common.db;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every interval that the embedded PostgreSQL still runs and starts it again when it has died, so a killed
 * database costs seconds of errors instead of an application that waits forever. A thread of its own rather than a
 * Spring scheduled job: the server outlives single Spring contexts and must be watched from its start.
 */
final class EmbeddedPostgresWatcher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresWatcher.class);

    private final EmbeddedPostgresServer server;
    private final Duration interval;
    private ScheduledExecutorService executor;

    EmbeddedPostgresWatcher(EmbeddedPostgresServer server, Duration interval) {
        this.server = server;
        this.interval = interval;
    }

    synchronized void start() {
        if (interval.isZero() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "embedded-postgres-watcher");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            server.restartIfGone();
        } catch (RuntimeException e) {
            // an exception would end the schedule; the next check tries again
            log.error("Checking the embedded PostgreSQL failed", e);
        }
    }

    synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            // a restart under way finishes before the server is closed
            executor.awaitTermination(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }
}
