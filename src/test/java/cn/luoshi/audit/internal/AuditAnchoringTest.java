package cn.luoshi.audit.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import cn.luoshi.audit.AuditCheckpoint;
import cn.luoshi.audit.AuditTrail;
import cn.luoshi.audit.ChainVerification;
import cn.luoshi.audit.ChainVerification.Problem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.FreshTestDatabase;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain anchored outside the database. Each test appends rows of its own at the head of the shared log and
 * checkpoints them; while it tampers with them it holds the chain lock, so nothing else appends or checkpoints, and
 * it puts every row and every checkpoint line back before letting go.
 */
@LuoshiTest
class AuditAnchoringTest {

    private static final Path LOG = FreshTestDatabase.DATA_DIR.resolve("audit-checkpoints").resolve("checkpoints.log");
    private static final Path KEY = FreshTestDatabase.DATA_DIR.resolve("audit-checkpoints").resolve("checkpoint.key");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AuditCheckpointJob job;

    @Autowired
    AuditTrail trail;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** One audit row of the test's own, appended at the head; its id. */
    private long append(String summary) {
        events.publishEvent(new AuditRecord("test.anchor", "AnchorTest", summary, null, "锚定测试 " + summary,
                null, null));
        return jdbc.sql("select max(id) from audit_event").query(Long.class).single();
    }

    private AuditCheckpoint checkpoint() {
        return job.checkpointNow().orElseThrow();
    }

    private record Row(long id, OffsetDateTime occurredAt, String actor, Long actorId, String action,
                       String entityType, String entityId, Long unitId, String summary, String before,
                       String after, String prevHash, String hash) {

        String rehash(String prev, String newSummary) {
            return AuditChain.hash(prev, id, occurredAt, actor, actorId, action, entityType, entityId, unitId,
                    newSummary, before, after);
        }
    }

    private Row row(long id) {
        return jdbc.sql("""
                        select id, occurred_at, actor, actor_id, action, entity_type, entity_id, unit_id, summary,
                               before_json, after_json, prev_hash, hash
                        from audit_event where id = ?""").param(id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getObject(4, Long.class), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, Long.class), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getString(12), rs.getString(13)))
                .single();
    }

    private void insert(Row r) {
        jdbc.sql("""
                        insert into audit_event (id, occurred_at, actor, actor_id, action, entity_type, entity_id,
                                                 unit_id, summary, before_json, after_json, prev_hash, hash)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.occurredAt(), r.actor(), r.actorId(), r.action(), r.entityType(), r.entityId(),
                        r.unitId(), r.summary(), r.before(), r.after(), r.prevHash(), r.hash())
                .update();
    }

    /**
     * The verification as the audit page shows it. Used while the chain lock is held, so it must not append: the
     * caller signs in by Basic once before (a Basic success is logged once an hour), and a timeout ends the wait
     * should it append anyway.
     */
    private String verificationPage() throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/audit/verify"))
                .header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(20)).GET().build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }
    }

    private long rowCount() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }

    interface Tampering {
        void run() throws Exception;
    }

    /**
     * Runs the tampering while holding the chain lock on a connection of its own, with the append-only guard off;
     * the tampering must undo itself in its own finally.
     */
    private void withChainLock(Tampering tampering) throws Exception {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            try (var statement = lock.createStatement()) {
                statement.execute("select pg_advisory_lock(" + AuditWriter.CHAIN_LOCK + ")");
            }
            try {
                jdbc.sql("alter table audit_event disable trigger audit_event_no_update").update();
                try {
                    tampering.run();
                } finally {
                    jdbc.sql("alter table audit_event enable trigger audit_event_no_update").update();
                }
            } finally {
                try (var statement = lock.createStatement()) {
                    statement.execute("select pg_advisory_unlock(" + AuditWriter.CHAIN_LOCK + ")");
                }
            }
        }
    }

    @Test
    void deletingTheNewestRowsAfterACheckpointIsReportedWithTheCheckpointItContradicts() throws Exception {
        assertThat(Api.as(port, "admin").get("/api/v1/me").status()).isEqualTo(200);
        long first = append("一");
        AuditCheckpoint anchoredFirst = checkpoint();
        long second = append("二");
        AuditCheckpoint anchoredSecond = checkpoint();
        long third = append("三");
        AuditCheckpoint anchoredThird = checkpoint();
        assertThat(List.of(anchoredFirst.rowId(), anchoredSecond.rowId(), anchoredThird.rowId()))
                .containsExactly(first, second, third);
        // The chain alone cannot see it: cutting the head leaves a shorter chain that is still consistent.
        withChainLock(() -> {
            Row secondRow = row(second);
            Row thirdRow = row(third);
            long rows = rowCount();
            assertThat(jdbc.sql("select max(id) from audit_event").query(Long.class).single()).isEqualTo(third);
            jdbc.sql("delete from audit_event where id in (?, ?)").params(second, third).update();
            try {
                ChainVerification verdict = trail.verify();
                assertThat(verdict.intact()).isFalse();
                assertThat(verdict.problem()).isEqualTo(Problem.ROW_MISSING);
                assertThat(verdict.checked()).isEqualTo(rows - 2);
                assertThat(verdict.firstBrokenId()).isEqualTo(second);
                assertThat(verdict.contradictedCheckpoint()).isEqualTo(anchoredSecond);
                assertThat(verdict.lastGoodCheckpoint()).isEqualTo(anchoredFirst);
                assertThat(verdict.reason()).startsWith("记录缺失：" + time(anchoredSecond)
                        + " 的检查点记载的第 " + second + " 条记录已不存在");
                assertThat(verificationPage()).contains("审计日志已被篡改：" + shown(anchoredSecond) + " 的检查点记载的第 "
                        + second + " 条记录已不存在，记录被删除。").contains("最近一个相符的检查点：" + shown(anchoredFirst)
                        + "，第 " + first + " 条记录，哈希 " + anchoredFirst.hash());
            } finally {
                insert(secondRow);
                insert(thirdRow);
            }
        });
        ChainVerification restored = trail.verify();
        assertThat(restored.intact()).isTrue();
        assertThat(restored.lastGoodCheckpoint()).isEqualTo(anchoredThird);
    }

    @Test
    void rewritingARowAndRechainingTheRowsAfterItIsReported() throws Exception {
        assertThat(Api.as(port, "admin").get("/api/v1/me").status()).isEqualTo(200);
        append("甲");
        AuditCheckpoint before = checkpoint();
        long rewritten = append("乙");
        long head = append("丙");
        AuditCheckpoint anchoredHead = checkpoint();
        withChainLock(() -> {
            Row victim = row(rewritten);
            Row last = row(head);
            long rows = rowCount();
            assertThat(jdbc.sql("select max(id) from audit_event").query(Long.class).single()).isEqualTo(head);
            // Someone who can write the database changes a row and recomputes every hash after it.
            String forgedHash = victim.rehash(victim.prevHash(), "锚定测试 改写");
            String forgedHead = last.rehash(forgedHash, last.summary());
            jdbc.sql("update audit_event set summary = '锚定测试 改写', hash = ? where id = ?")
                    .params(forgedHash, rewritten).update();
            jdbc.sql("update audit_event set prev_hash = ?, hash = ? where id = ?")
                    .params(forgedHash, forgedHead, head).update();
            try {
                ChainVerification verdict = trail.verify();
                assertThat(verdict.intact()).isFalse();
                assertThat(verdict.problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
                assertThat(verdict.checked()).isEqualTo(rows);
                assertThat(verdict.firstBrokenId()).isEqualTo(head);
                assertThat(verdict.contradictedCheckpoint()).isEqualTo(anchoredHead);
                assertThat(verdict.lastGoodCheckpoint()).isEqualTo(before);
                assertThat(verdict.reason()).startsWith("与检查点不符：第 " + head + " 条记录的哈希与 "
                        + time(anchoredHead) + " 的检查点不同");
                assertThat(verificationPage()).contains("审计日志已被篡改：第 " + head + " 条记录的哈希与 "
                        + shown(anchoredHead) + " 的检查点不同，它或它之前的记录被改写并重新链接。");
            } finally {
                jdbc.sql("update audit_event set summary = ?, hash = ? where id = ?")
                        .params(victim.summary(), victim.hash(), rewritten).update();
                jdbc.sql("update audit_event set prev_hash = ?, hash = ? where id = ?")
                        .params(last.prevHash(), last.hash(), head).update();
            }
        });
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aCheckpointLineWithABadSignatureIsReported() throws Exception {
        long row = append("伪造");
        AuditCheckpoint genuine = checkpoint();
        String hash = genuine.hash();
        long size = Files.size(LOG);
        int lines = Files.readAllLines(LOG).size();
        // A checkpoint of the same head, signed with a key that is not the application's.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        String time = "2026-07-15T10:00:00+08:00";
        String signature = HexFormat.of().formatHex(mac.doFinal((time + " " + row + " " + hash)
                .getBytes(StandardCharsets.UTF_8)));
        Files.writeString(LOG, "v1 " + time + " " + row + " " + hash + " " + signature + "\n",
                StandardOpenOption.APPEND);
        try {
            var verdict = Api.as(port, "admin").get("/api/v1/audit/verify").json();
            assertThat(verdict.path("intact").asBoolean()).isFalse();
            assertThat(verdict.path("problem").asString()).isEqualTo("CHECKPOINT_SIGNATURE");
            assertThat(verdict.path("firstBrokenId").isNull()).isTrue();
            assertThat(verdict.path("checkpoints").asInt()).isEqualTo(lines);
            assertThat(verdict.path("contradictedCheckpoint").path("rowId").asLong()).isEqualTo(row);
            assertThat(verdict.path("contradictedCheckpoint").path("location").asString())
                    .isEqualTo("checkpoints.log:" + (lines + 1));
            assertThat(verdict.path("lastGoodCheckpoint").path("location").asString())
                    .isEqualTo(genuine.location());
            assertThat(verdict.path("reason").asString()).isEqualTo("检查点签名不符：checkpoints.log:" + (lines + 1)
                    + " 不是本系统签发的 / checkpoint signature wrong: checkpoints.log:" + (lines + 1)
                    + " was not written by this system");
            String page = Api.as(port, "admin").get("/audit/verify").body();
            assertThat(page).contains("检查点被伪造：checkpoints.log:" + (lines + 1) + " 的签名不符")
                    .contains("已核对 " + lines + " 个检查点");
        } finally {
            try (FileChannel channel = FileChannel.open(LOG, StandardOpenOption.WRITE)) {
                channel.truncate(size);
            }
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void anIntactChainWithCheckpointsVerifiesAndThePageNamesTheLastCheckpoint() throws IOException {
        clock.set(ZonedDateTime.of(2026, 7, 16, 14, 30, 15, 250_000_000, ZoneId.of("Asia/Shanghai")));
        long row = append("完好");
        AuditCheckpoint anchored = checkpoint();
        assertThat(anchored.at()).isEqualTo(OffsetDateTime.parse("2026-07-16T14:30:15+08:00"));
        assertThat(anchored.hash()).isEqualTo(row(row).hash());
        int lines = Files.readAllLines(LOG).size();
        assertThat(anchored.location()).isEqualTo("checkpoints.log:" + lines);
        assertThat(Files.readAllLines(LOG).getLast()).startsWith("v1 2026-07-16T14:30:15+08:00 " + row + " "
                + anchored.hash() + " ");

        var verdict = Api.as(port, "admin").get("/api/v1/audit/verify").json();
        assertThat(verdict.path("intact").asBoolean()).isTrue();
        assertThat(verdict.path("problem").isNull()).isTrue();
        assertThat(verdict.path("checked").asLong()).isEqualTo(rowCount());
        assertThat(verdict.path("checkpoints").asInt()).isEqualTo(lines);
        assertThat(verdict.path("lastGoodCheckpoint").path("rowId").asLong()).isEqualTo(row);
        assertThat(verdict.path("lastGoodCheckpoint").path("hash").asString()).isEqualTo(anchored.hash());
        assertThat(OffsetDateTime.parse(verdict.path("lastGoodCheckpoint").path("at").asString()))
                .isAtSameInstantAs(anchored.at());
        String page = Api.as(port, "admin").get("/audit/verify").body();
        assertThat(page).contains("哈希链完整").contains("已核对 " + lines + " 个检查点")
                .contains("最近一个相符的检查点：2026-07-16 14:30:15，第 " + row + " 条记录，哈希 " + anchored.hash());
    }

    @Test
    void theHourlyCheckpointIsWrittenOncePerHourAcrossTheCluster() {
        clock.set(ZonedDateTime.of(2031, 3, 4, 10, 20, 0, 0, ZoneId.of("Asia/Shanghai")));
        long row = append("每小时");
        AuditCheckpoint tenOClock = job.hourly().orElseThrow();
        assertThat(tenOClock.rowId()).isEqualTo(row);
        assertThat(tenOClock.at()).isEqualTo(OffsetDateTime.parse("2031-03-04T10:20:00+08:00"));
        clock.advance(Duration.ofMinutes(30));
        // Another trigger in the same hour, on this node or another, finds the hour claimed.
        assertThat(job.hourly()).isEmpty();
        clock.advance(Duration.ofMinutes(15));
        assertThat(job.hourly().orElseThrow().at()).isEqualTo(OffsetDateTime.parse("2031-03-04T11:05:00+08:00"));
        assertThat(jdbc.sql("select run_key from job_claim where job = 'audit-checkpoint' and run_key like '2031-%'"
                + " order by run_key").query(String.class).list()).containsExactly("2031-03-04T10", "2031-03-04T11");
    }

    @Test
    void theStartWroteACheckpointSignedWithAKeyOnlyTheOwnerCanRead() throws IOException {
        assertThat(Files.getPosixFilePermissions(KEY))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(Files.getPosixFilePermissions(KEY.getParent())).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        assertThat(Files.readString(KEY)).matches("[0-9a-f]{64}");
        // The data folder was empty when the suite began: the first line is the start's, at the clock's start.
        assertThat(Files.readAllLines(LOG).getFirst())
                .matches("v1 2026-07-15T09:00:00\\+08:00 \\d+ [0-9a-f]{64} [0-9a-f]{64}");
    }

    /** The time as the audit page shows it. */
    private static String shown(AuditCheckpoint checkpoint) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(checkpoint.at());
    }

    /** The time as checkpoints and reasons write it. */
    private static String time(AuditCheckpoint checkpoint) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(checkpoint.at());
    }
}
