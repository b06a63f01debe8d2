package cn.luoshi.common.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A node that claimed a job and then stopped doing anything (a stopped process, a machine gone without a reset) keeps
 * its connection open; the server ends its transaction once it has sat idle for the claim's limit, the claim rolls
 * back with it, and another node's next trigger runs the job.
 */
@LuoshiTest
class StuckClaimTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Test
    void aClaimOfANodeThatStoppedMidRunIsReleasedByTheServerAndTheOtherNodeRunsTheJob() throws Exception {
        // What ends the stuck transaction is the database server's own timer. Under a fake-time library preloaded
        // into the build (faketime, which the server inherits) that timer never fires, so there is nothing to see.
        assumeFalse(System.getenv("FAKETIME") != null
                        || String.valueOf(System.getenv("LD_PRELOAD")).contains("faketime"),
                "the server's timers do not run under libfaketime");
        JobClaims stuckNode = new JobClaims(jdbc, clock, "node-a", Duration.ofMillis(500));
        JobClaims otherNode = new JobClaims(jdbc, clock, "node-b", Duration.ofMillis(500));
        String runKey = UUID.randomUUID().toString();

        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch wakeUp = new CountDownLatch(1);
        AtomicReference<Boolean> stuckClaim = new AtomicReference<>();
        AtomicReference<Throwable> stuckEnd = new AtomicReference<>();
        Thread stuck = Thread.ofPlatform().start(() -> {
            try {
                transactions.executeWithoutResult(status -> {
                    stuckClaim.set(stuckNode.claim("stuck-test", runKey));
                    claimed.countDown();
                    try {
                        wakeUp.await(); // the node stops here: no statement, no commit, connection open
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Throwable e) {
                stuckEnd.set(e);
            }
        });
        claimed.await();
        assertThat(stuckClaim.get()).isTrue();

        // the other node is refused at once while the claim is held; once the server has ended the idle transaction,
        // its next trigger wins (the bound only stops a broken build from hanging)
        boolean won = false;
        long giveUpAt = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!won && System.nanoTime() < giveUpAt) {
            won = Boolean.TRUE.equals(transactions.execute(status -> otherNode.claim("stuck-test", runKey)));
            if (!won) {
                Thread.onSpinWait();
            }
        }
        assertThat(won).as("the other node claimed the job after the stuck one's transaction ended").isTrue();
        assertThat(jdbc.sql("select node from job_claim where job = 'stuck-test' and run_key = ?").param(runKey)
                .query(String.class).list()).containsExactly("node-b");

        // the stuck node, woken up, cannot commit: its work is gone with its claim
        wakeUp.countDown();
        stuck.join();
        assertThat(stuckEnd.get()).isNotNull();
        assertThat(jdbc.sql("select count(*) from job_claim where job = 'stuck-test' and run_key = ?").param(runKey)
                .query(Integer.class).single()).isEqualTo(1);
    }
}
