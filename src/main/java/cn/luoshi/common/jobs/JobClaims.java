package cn.luoshi.common.jobs;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Lets a scheduled job run once across all application nodes sharing one database: the first node to claim a
 * (job, run key) pair — typically the job name and today's date — runs it, every other claim is refused.
 *
 * <p>A claim lives in the transaction that does the job's work. While that transaction is open, the claim also
 * holds an advisory lock on the pair, so another node asking meanwhile is refused at once instead of waiting for
 * the first to finish (a slow or hung node would otherwise hold one connection of every other node per trigger).
 * When the node doing the work dies, PostgreSQL ends its connection: the uncommitted claim and the lock go with it,
 * and the next trigger on any node claims the pair again.
 *
 * <p>A node that is alive but stuck (stopped, swapping, hung in a call) or whose machine vanished without a TCP reset
 * would keep its connection, and so the claim, for as long as its process lives or until TCP keepalive notices,
 * hours by default. The claim therefore also sets, for its transaction only, how long that transaction may sit idle
 * between statements ({@code luoshi.jobs.stuck-after}): a stuck node's transaction is ended by the server itself
 * after that time, rolling the claim back, and the next trigger on another node runs the job. The jobs' work is
 * database work only, so a healthy run never pauses that long between two statements.
 */
@Component
public class JobClaims {

    /** Keeps the claims' advisory locks apart from every other advisory lock the product takes. */
    private static final int LOCK_SPACE = 7215500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String node;
    private final String stuckAfter;

    JobClaims(JdbcClient jdbc, Clock clock, @Value("${luoshi.node-name:}") String nodeName,
              @Value("${luoshi.jobs.stuck-after:PT2M}") Duration stuckAfter) {
        if (stuckAfter.toMillis() < 1) {
            throw new IllegalArgumentException("luoshi.jobs.stuck-after must be at least 1 ms, not " + stuckAfter);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.stuckAfter = stuckAfter.toMillis() + "ms";
        this.node = StringUtils.hasText(nodeName) ? nodeName.strip()
                : ManagementFactory.getRuntimeMXBean().getName();
    }

    /** The name this node writes into its claims: {@code luoshi.node-name}, or the JVM's pid@host. */
    public String node() {
        return node;
    }

    /**
     * True for exactly one caller per (job, runKey), whichever node or thread it is on. Call it inside the
     * transaction that does the job's work: a claim made while another transaction holds the same pair is refused
     * without waiting, and if the work fails and rolls back, the claim goes with it and a later run may try again.
     */
    public boolean claim(String job, String runKey) {
        jdbc.sql("select set_config('idle_in_transaction_session_timeout', ?, true)").param(stuckAfter)
                .query(String.class).single();
        boolean free = jdbc.sql("select pg_try_advisory_xact_lock(?, hashtext(? || '/' || ?))")
                .params(LOCK_SPACE, job, runKey).query(Boolean.class).single();
        if (!free) {
            return false;
        }
        return jdbc.sql("""
                        insert into job_claim (job, run_key, node, claimed_at) values (?, ?, ?, ?)
                        on conflict (job, run_key) do nothing""")
                .params(job, runKey, node, OffsetDateTime.now(clock))
                .update() == 1;
    }
}
