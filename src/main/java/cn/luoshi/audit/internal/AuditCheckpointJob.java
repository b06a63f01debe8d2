package cn.luoshi.audit.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import cn.luoshi.audit.AuditCheckpoint;
import cn.luoshi.common.LuoshiProperties;
import cn.luoshi.common.jobs.JobClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anchors the chain head outside the database: at every start and every hour a signed checkpoint goes to the
 * checkpoint log in the data folder and to the application log. The hourly one runs on one node only: the first to
 * claim the hour writes it, inside the claim's transaction, so a failed write leaves the hour for a later trigger.
 */
@Component
public class AuditCheckpointJob {

    static final String JOB = "audit-checkpoint";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");
    private static final Logger log = LoggerFactory.getLogger(AuditCheckpointJob.class);

    private final JdbcClient jdbc;
    private final CheckpointLog checkpoints;
    private final JobClaims claims;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;

    AuditCheckpointJob(JdbcClient jdbc, CheckpointLog checkpoints, JobClaims claims, TransactionTemplate transactions,
                       Clock clock, LuoshiProperties properties) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.claims = claims;
        this.transactions = transactions;
        this.clock = clock;
        this.zone = properties.zone();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        try {
            checkpointNow();
        } catch (RuntimeException e) {
            log.error("Could not write the audit checkpoint at start: {}", e.getMessage());
        }
    }

    @Scheduled(cron = "${luoshi.audit.checkpoint-cron:0 1 * * * *}", zone = "${luoshi.zone:Asia/Shanghai}")
    void onSchedule() {
        try {
            hourly();
        } catch (RuntimeException e) {
            log.error("Could not write the hourly audit checkpoint: {}", e.getMessage());
        }
    }

    /** The hour's checkpoint; empty when another node (or an earlier trigger) wrote it or the log has no rows. */
    public Optional<AuditCheckpoint> hourly() {
        return transactions.execute(status -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (!claims.claim(JOB, now.atZoneSameInstant(zone).format(HOUR))) {
                return Optional.empty();
            }
            return write(now);
        });
    }

    /** A checkpoint of the head as it is now, claimed or not; empty when the log has no rows yet. */
    public Optional<AuditCheckpoint> checkpointNow() {
        return transactions.execute(status -> write(OffsetDateTime.now(clock)));
    }

    private Optional<AuditCheckpoint> write(OffsetDateTime now) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(AuditWriter.CHAIN_LOCK).query().singleValue();
        record Head(long id, String hash) {
        }
        Optional<Head> head = jdbc.sql("select id, hash from audit_event order by id desc limit 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        var entry = checkpoints.append(head.get().id(), head.get().hash(),
                now.atZoneSameInstant(zone).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS));
        // The application log is the second copy: compare it with the file when in doubt.
        log.info("Audit checkpoint {}: {}", entry.checkpoint().location(), entry.text());
        return Optional.of(entry.checkpoint());
    }
}
