package cn.luoshi.common.backup;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import cn.luoshi.common.LuoshiProperties;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a backup killed mid-way leaves (a hidden {@code .partial} folder) is removed at start and before the next
 * backup, audited; finished backups, other hidden folders and a backup being written by someone else stay.
 */
@LuoshiTest
class BackupLeftoversTest {

    private static final String LEFT = ".20260601-020000.partial-0f8e2c4a-1b3d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final String LEFT_TOO = ".20260602-020000.partial-9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
    private static final String FINISHED = "20260601-010000";

    @LocalServerPort
    int port;

    @Autowired
    Backups backups;

    @Autowired
    LuoshiProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Path dir;

    @BeforeEach
    void makeFolders() throws Exception {
        dir = Backups.backupsDir(properties);
        Files.createDirectories(dir);
        StoredFolders.deleteTree(dir);
        Files.createDirectories(dir);
    }

    @AfterEach
    void removeFolders() throws Exception {
        clock.reset();
        StoredFolders.deleteTree(dir);
    }

    @Test
    void theLeftoverOfAKilledBackupIsRemovedAtStartAndAFinishedBackupStays() throws Exception {
        leftover(LEFT, 3);
        leftover(LEFT_TOO, 0);
        Path finished = Files.createDirectories(dir.resolve(FINISHED).resolve("tables"));
        Files.writeString(finished.getParent().resolve(BackupManifest.FILE), "{}");
        Files.writeString(finished.resolve("app_user.copy.gz"), "x");
        Files.createDirectories(dir.resolve(".kept-by-someone"));
        Files.createDirectories(dir.resolve("notes"));
        long auditsBefore = leftoverAudits();

        backups.run(null);

        assertThat(names()).containsExactly(".kept-by-someone", ".lock", FINISHED, "notes");
        assertThat(Files.readString(finished.resolve("app_user.copy.gz"))).isEqualTo("x");
        assertThat(leftoverAudits()).isEqualTo(auditsBefore + 2);
        assertThat(jdbc.sql("""
                        select entity_id || ' ' || summary from audit_event
                        where action = 'backup.leftover-removed' order by id desc limit 2""")
                .query(String.class).list()).containsExactly(
                LEFT_TOO + " 删除中断的备份留下的未完成文件夹 backups/" + LEFT_TOO + "（0 字节）",
                LEFT + " 删除中断的备份留下的未完成文件夹 backups/" + LEFT + "（15 字节）");

        // Nothing left: a second start removes and audits nothing.
        backups.run(null);
        assertThat(leftoverAudits()).isEqualTo(auditsBefore + 2);
    }

    @Test
    void aBackupBeingWrittenElsewhereIsLeftAloneAndANewBackupRemovesTheLeftoverFirst() throws Exception {
        leftover(LEFT, 3);
        long auditsBefore = leftoverAudits();

        // Someone else (another node sharing the folder) holds the lock: their .partial folder is in use.
        try (FileChannel channel = FileChannel.open(dir.resolve(Backups.LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); var held = channel.lock()) {
            backups.run(null);
            assertThat(Files.isDirectory(dir.resolve(LEFT))).isTrue();
            var refused = Api.as(port, "admin").post("/api/v1/admin/backups", "");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().path("code").asString()).isEqualTo("backup.error.running");
            assertThat(Files.isDirectory(dir.resolve(LEFT))).isTrue();
        }
        assertThat(leftoverAudits()).isEqualTo(auditsBefore);

        clock.set(ZonedDateTime.of(2031, 5, 6, 7, 8, 9, 0, ZoneId.of("Asia/Shanghai")));
        var taken = Api.as(port, "admin").post("/api/v1/admin/backups", "");
        assertThat(taken.status()).isEqualTo(201);
        assertThat(taken.json().path("name").asString()).isEqualTo("20310506-070809");
        assertThat(names()).containsExactly(".lock", "20310506-070809");
        assertThat(leftoverAudits()).isEqualTo(auditsBefore + 1);
        // The leftover's record comes before the backup's own, which stays the last one in the backup.
        assertThat(jdbc.sql("select action || ' ' || entity_id from audit_event order by id desc limit 2")
                .query(String.class).list())
                .containsExactly("backup.created 20310506-070809", "backup.leftover-removed " + LEFT);
    }

    /** A folder as a killed backup leaves it: a dump or two, no manifest. */
    private void leftover(String name, int rows) throws Exception {
        Path tables = Files.createDirectories(dir.resolve(name).resolve("tables"));
        if (rows > 0) {
            Files.writeString(tables.resolve("org_unit.copy.gz"), "12345".repeat(rows), StandardCharsets.UTF_8);
        }
    }

    private long leftoverAudits() {
        return jdbc.sql("select count(*) from audit_event where action = 'backup.leftover-removed'")
                .query(Long.class).single();
    }

    private List<String> names() throws Exception {
        try (var entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
