package cn.luoshi.indicator.internal.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks imports whose runner died (a crash, a restart, a killed node) as failed, so they do not stay "running" for
 * ever. Their rows were written in one transaction that never committed, so nothing of them is in the database and
 * the file can simply be imported again.
 *
 * <p>A live import holds an advisory lock for as long as its writing transaction lasts, on whichever node runs it;
 * the lock goes with the connection when the process dies. So any node may sweep at any time: an import is
 * interrupted when it is RUNNING, its lock is free, and it was opened longer ago than it takes to start writing
 * ({@code luoshi.imports.interrupted-after}, a minute). The sweep runs at start and every minute
 * ({@code luoshi.imports.sweep-millis}), so an import cut off by a crash is marked at most about two minutes after
 * its node (or another) is up again.
 */
@Component
public class InterruptedImports {

    private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);

    /** Keeps observation imports' locks apart from every other advisory lock the product takes. */
    private static final long LOCK_SPACE = 0x4C53_494D_0000_0000L;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration grace;

    InterruptedImports(JdbcClient jdbc, Clock clock,
                       @Value("${luoshi.imports.interrupted-after:PT1M}") Duration grace) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.grace = grace;
    }

    static long lockKey(long importId) {
        return LOCK_SPACE | importId;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        sweepQuietly();
    }

    @Scheduled(fixedDelayString = "${luoshi.imports.sweep-millis:60000}",
            initialDelayString = "${luoshi.imports.sweep-millis:60000}")
    void regularly() {
        sweepQuietly();
    }

    /** A sweep that cannot run (the database away) waits for the next one rather than stopping the app. */
    private void sweepQuietly() {
        try {
            sweep();
        } catch (DataAccessException e) {
            log.warn("Could not look for interrupted imports: {}", e.getMessage());
        }
    }

    /** Marks the interrupted imports failed (phase INTERRUPTED) and returns how many there were. */
    @Transactional
    public int sweep() {
        // The try-lock is evaluated only for rows that passed the other conditions (a CTE fixes the order); a lock
        // it takes is released when this transaction ends.
        int marked = jdbc.sql("""
                        with candidate as materialized (
                            select id from observation_import
                            where status = 'RUNNING' and opened_at < now() - make_interval(secs => ?))
                        update observation_import i set status = 'FAILED', phase = 'INTERRUPTED', finished_at = ?
                        from candidate c
                        where i.id = c.id and pg_try_advisory_xact_lock(? | c.id)""")
                .params(grace.toMillis() / 1000.0, OffsetDateTime.now(clock), LOCK_SPACE).update();
        if (marked > 0) {
            log.warn("Marked {} interrupted observation import(s) as failed; nothing of them was written", marked);
        }
        // Previews nobody confirmed within a day give their file up; confirming one then asks for a new upload.
        for (String file : jdbc.sql("""
                        update observation_import i set pending_file = null
                        from (select id, pending_file from observation_import
                              where status = 'PREVIEW' and pending_file is not null
                                and opened_at < now() - interval '1 day' for update) old
                        where i.id = old.id returning old.pending_file""").query(String.class).list()) {
            try {
                Files.deleteIfExists(Path.of(file));
            } catch (IOException e) {
                log.warn("Could not delete the file of an expired import preview: {}", file);
            }
        }
        return marked;
    }
}
