package cn.luoshi.common.jobs;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lets a scheduled job run once across all application nodes sharing one database: the first node to claim a
 * (job, run key) pair — typically the job name and today's date — runs it, every other claim is refused.
 */
@Component
public class JobClaims {

    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcClient jdbc;
    private final Clock clock;

    JobClaims(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * True for exactly one caller per (job, runKey), whichever node or thread it is on. Call it inside the
     * transaction that does the job's work: a concurrent claim then waits on the unique key until that transaction
     * ends, and if the work fails and rolls back, the claim goes with it and a later run may try again.
     */
    public boolean claim(String job, String runKey) {
        return jdbc.sql("""
                        insert into job_claim (job, run_key, node, claimed_at) values (?, ?, ?, ?)
                        on conflict (job, run_key) do nothing""")
                .params(job, runKey, NODE, OffsetDateTime.now(clock))
                .update() == 1;
    }
}
