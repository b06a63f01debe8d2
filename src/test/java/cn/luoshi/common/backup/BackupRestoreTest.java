package cn.luoshi.common.backup;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import cn.luoshi.LuoshiApplication;
import cn.luoshi.audit.AuditTrail;
import cn.luoshi.common.db.EmbeddedPostgresServer;
import cn.luoshi.common.files.FileStore;
import cn.luoshi.common.files.StoredFile;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.SeparateDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A backup of the test installation taken through the API, restored by a second Luoshi into an empty data folder:
 * every table's row count, the audit chain's head and a stored file's bytes arrive unchanged. A backup whose
 * manifest was altered is refused and leaves the new database empty.
 */
@LuoshiTest
class BackupRestoreTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] TEXT = "备份与恢复：第一条进展材料\n".getBytes(StandardCharsets.UTF_8);
    private static Path taken;
    private static StoredFile evidence;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FileStore files;

    @AfterAll
    static void removeBackups() throws Exception {
        if (taken != null) {
            StoredFolders.deleteTree(taken.getParent());
        }
    }

    @Test
    void onlyAGlobalAdministratorTakesBackups() {
        var refused = Api.as(port, "duchashi").post("/api/v1/admin/backups", "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Api.anonymous(port).get("/api/v1/admin/backups").status()).isEqualTo(401);
        assertThat(Api.as(port, "duchashi").get("/api/v1/admin/backups").status()).isEqualTo(403);
    }

    @Test
    void aBackupRestoredIntoAnEmptyDataFolderHoldsEveryRowAndTheAuditHead(@TempDir Path restoreDir,
                                                                          @TempDir Path work) throws Exception {
        BackupManifest manifest = backup();
        String name = manifest.name();

        // The backup matches the live database table by table (nothing else writes while the test runs), and
        // the last audit record is the one of the backup itself.
        assertThat(rowsPerTable(manifest)).isEqualTo(liveRows());
        assertThat(manifest.tables()).extracting(BackupManifest.Table::name)
                .contains("flyway_schema_history", "audit_event", "stored_file", "app_user");
        assertThat(manifest.auditHead()).isEqualTo(liveHead());
        assertThat(jdbc.sql("select action || ' ' || entity_id from audit_event where id = ?")
                .param(manifest.auditHead().id()).query(String.class).single()).isEqualTo("backup.created " + name);
        assertThat(manifest.schemaVersion()).isEqualTo(jdbc.sql("""
                select version from flyway_schema_history where success and version is not null
                order by installed_rank desc limit 1""").query(String.class).single());
        assertThat(manifest.files().missing()).isEmpty();
        assertThat(Files.readAllBytes(taken.resolve("files").resolve(storagePath(evidence.id())))).isEqualTo(TEXT);

        // A second backup within the same second is refused rather than mixed into the first.
        var again = Api.as(port, "admin").post("/api/v1/admin/backups", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asString()).isEqualTo("backup.error.exists");

        try (ConfigurableApplicationContext restored = start(restoreDir, taken)) {
            DataSource restoredData = restored.getBean(DataSource.class);
            assertThat(rows(restoredData)).isEqualTo(rowsPerTable(manifest));
            assertThat(head(restoredData)).isEqualTo(manifest.auditHead());
            var chain = restored.getBean(AuditTrail.class).verify();
            assertThat(chain.intact()).isTrue();
            assertThat(chain.checked()).isEqualTo(rowsPerTable(manifest).get("audit_event"));
            try (var in = restored.getBean(FileStore.class).open(evidence.id())) {
                assertThat(in.readAllBytes()).isEqualTo(TEXT);
            }
            // New rows get new ids: the sequences came back with the rows.
            long auditSequence = manifest.sequences().stream().filter(q -> q.name().equals("audit_event_seq"))
                    .findFirst().orElseThrow().lastValue();
            assertThat(JdbcClient.create(restoredData).sql("select nextval('audit_event_seq')")
                    .query(Long.class).single()).isEqualTo(auditSequence + 1);
            int restoredPort = Integer.parseInt(restored.getEnvironment().getProperty("local.server.port"));
            var me = Api.as(restoredPort, "admin").get("/api/v1/me");
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().path("username").asString()).isEqualTo("admin");

            // Started again with the setting left on, the restored database is recognised and left alone; a
            // different backup is refused because the database is no longer empty.
            Path restoredFiles = restoreDir.resolve("files");
            assertThat(new DatabaseRestore(restoredData, restoredFiles, taken).run())
                    .isEqualTo(DatabaseRestore.Outcome.ALREADY_RESTORED);
            Path other = copyWithManifest(work.resolve("other"), m -> m.putObject("auditHead")
                    .put("id", manifest.auditHead().id()).put("hash", "0".repeat(64)));
            long accounts = rowsPerTable(manifest).get("app_user");
            long audits = JdbcClient.create(restoredData).sql("select count(*) from audit_event")
                    .query(Long.class).single();
            assertThatThrownBy(() -> new DatabaseRestore(restoredData, restoredFiles, other).run())
                    .isInstanceOf(RestoreRefused.class)
                    .hasMessageStartingWith("the database already holds data (" + accounts + " accounts, "
                            + audits + " audit records)");
        }
    }

    /**
     * A restore killed after copying the stored files and before its database commit leaves the copies (the database
     * rolled back). Started again, the same restore recognises them as the backup's own files, whole or cut short,
     * removes them and restores; a file of any other origin still refuses it and stays where it is.
     */
    @Test
    void aRestoreKilledBeforeItsCommitIsTakenUpAgainAndAForeignFileStillRefusesIt(@TempDir Path work)
            throws Exception {
        BackupManifest manifest = backup();
        Path dataDir = work.resolve("data");
        Path filesDir = dataDir.resolve("files");
        List<Path> copied = new ArrayList<>();
        StoredFolders.copyTree(taken.resolve("files"), filesDir, copied);
        assertThat(copied).hasSize((int) manifest.files().count());
        Path evidenceCopy = filesDir.resolve(storagePath(evidence.id()));
        Files.write(evidenceCopy, java.util.Arrays.copyOf(TEXT, 5)); // the copy that the kill cut short

        try (ConfigurableApplicationContext restored = start(dataDir, taken)) {
            DataSource restoredData = restored.getBean(DataSource.class);
            assertThat(rows(restoredData)).isEqualTo(rowsPerTable(manifest));
            assertThat(head(restoredData)).isEqualTo(manifest.auditHead());
            try (var in = restored.getBean(FileStore.class).open(evidence.id())) {
                assertThat(in.readAllBytes()).isEqualTo(TEXT);
            }
        }

        Path otherDir = work.resolve("other");
        Path foreign = otherDir.resolve("files").resolve("2026").resolve("foreign.txt");
        Files.createDirectories(foreign.getParent());
        Files.writeString(foreign, "不是备份里的文件");
        assertThatThrownBy(() -> start(otherDir, taken).close())
                .hasRootCauseInstanceOf(RestoreRefused.class)
                .rootCause().hasMessage("the file store " + otherDir.resolve("files").toAbsolutePath().normalize()
                        + " already holds files; a backup is restored only into an empty data folder");
        assertThat(Files.readString(foreign)).isEqualTo("不是备份里的文件");
    }

    @Test
    void aBackupWithAnAlteredRowCountIsRefusedAndLeavesTheDatabaseEmpty(@TempDir Path work) throws Exception {
        BackupManifest manifest = backup();
        long units = rowsPerTable(manifest).get("org_unit");
        Path tampered = copyWithManifest(work.resolve("tampered"), m -> {
            for (JsonNode table : m.path("tables")) {
                if (table.path("name").asString().equals("org_unit")) {
                    ((ObjectNode) table).put("rows", units + 1);
                }
            }
        });
        Path dataDir = work.resolve("data");

        assertThatThrownBy(() -> start(dataDir, tampered).close())
                .hasRootCauseInstanceOf(RestoreRefused.class)
                .rootCause().hasMessage("the loaded database differs from the manifest: org_unit has " + units
                        + " rows, the manifest says " + (units + 1));

        try (var server = EmbeddedPostgresServer.startIn(dataDir)) {
            var data = new PGSimpleDataSource();
            data.setURL(server.jdbcUrl());
            data.setUser(server.username());
            data.setPassword(server.password());
            var restoredJdbc = JdbcClient.create(data);
            assertThat(restoredJdbc.sql("select (select count(*) from app_user) + (select count(*) from audit_event)"
                    + " + (select count(*) from org_unit) + (select count(*) from stored_file)")
                    .query(Long.class).single()).isZero();
            assertThat(StoredFolders.holdsAnyFile(dataDir.resolve("files"))).isFalse();

            // A backup of another schema version is refused before anything is loaded.
            Path older = copyWithManifest(work.resolve("older"), m -> m.put("schemaVersion", "1.0"));
            assertThatThrownBy(() -> new DatabaseRestore(data, dataDir.resolve("files"), older).run())
                    .isInstanceOf(RestoreRefused.class)
                    .hasMessage("the backup was taken at schema version 1.0, this Luoshi is at "
                            + manifest.schemaVersion() + "; restore it with the Luoshi version that took it, then "
                            + "upgrade");
            assertThat(restoredJdbc.sql("select count(*) from app_user").query(Long.class).single()).isZero();
        }
    }

    /**
     * A backup restored into an empty external PostgreSQL (a server of its own, started from the embedded binaries)
     * owned by an ordinary user, as an installation with {@code SPRING_DATASOURCE_URL} would have it. Without the
     * right to set {@code session_replication_role} the restore is refused with the reason and leaves the database
     * empty; with {@code GRANT SET ON PARAMETER} (as the documentation says) the same start restores every row.
     */
    @Test
    void aBackupRestoresIntoAnEmptyExternalDatabaseOfAnOrdinaryUser(@TempDir Path work) throws Exception {
        BackupManifest manifest = backup();
        try (SeparateDatabase server = SeparateDatabase.startIn(work.resolve("postgres"))) {
            server.jdbc().sql("create role luoshi login password 'Restore-2026-external'").update();
            server.jdbc().sql("create database restored owner luoshi").update();
            String url = server.url().substring(0, server.url().lastIndexOf('/') + 1) + "restored";
            var data = new PGSimpleDataSource();
            data.setURL(url);
            data.setUser("luoshi");
            data.setPassword("Restore-2026-external");
            String[] external = {"--spring.datasource.url=" + url, "--spring.datasource.username=luoshi",
                    "--spring.datasource.password=Restore-2026-external"};

            assertThatThrownBy(() -> start(work.resolve("refused"), taken, external).close())
                    .hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class)
                    .satisfies(e -> assertThat(causes(e)).anyMatch(c -> c instanceof RestoreRefused
                            && c.getMessage().startsWith("the database user may not set session_replication_role,"
                            + " which a restore needs: restore as a superuser, or on PostgreSQL 15+ run GRANT SET "
                            + "ON PARAMETER session_replication_role TO <user>")));
            assertThat(JdbcClient.create(data).sql("select (select count(*) from app_user) + (select count(*) from"
                    + " audit_event) + (select count(*) from org_unit)").query(Long.class).single()).isZero();

            server.jdbc().sql("grant set on parameter session_replication_role to luoshi").update();
            long started = System.nanoTime();
            try (ConfigurableApplicationContext restored = start(work.resolve("data"), taken, external)) {
                System.out.printf("[backup] restored into an external database, start included, in %d ms%n",
                        (System.nanoTime() - started) / 1_000_000);
                assertThat(rows(data)).isEqualTo(rowsPerTable(manifest));
                assertThat(head(data)).isEqualTo(manifest.auditHead());
                var chain = restored.getBean(AuditTrail.class).verify();
                assertThat(chain.intact()).isTrue();
                assertThat(chain.checked()).isEqualTo(rowsPerTable(manifest).get("audit_event"));
                try (var in = restored.getBean(FileStore.class).open(evidence.id())) {
                    assertThat(in.readAllBytes()).isEqualTo(TEXT);
                }
                int restoredPort = Integer.parseInt(restored.getEnvironment().getProperty("local.server.port"));
                assertThat(Api.as(restoredPort, "admin").get("/api/v1/me").status()).isEqualTo(200);
            }
        }
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable c = e; c != null && !all.contains(c); c = c.getCause()) {
            all.add(c);
        }
        return all;
    }

    /**
     * A backup of an installation that never had the demo city (here: the test backup without its demo_load rows)
     * is restored on the embedded database, where the demo is on by default, and no demo data is added to it.
     */
    @Test
    void theDemoCityIsNotLoadedIntoARestoredDatabase(@TempDir Path work) throws Exception {
        BackupManifest manifest = backup();
        Path withoutDemo = copyWithManifest(work.resolve("without-demo"), m -> {
            for (JsonNode table : m.path("tables")) {
                if (table.path("name").asString().equals("demo_load")) {
                    ((ObjectNode) table).put("rows", 0).put("sha256", emptyDump(work.resolve("without-demo")
                            .resolve(table.path("file").asString())));
                }
            }
        });
        try (ConfigurableApplicationContext restored = start(work.resolve("data"), withoutDemo)) {
            Map<String, Long> expected = new LinkedHashMap<>(rowsPerTable(manifest));
            expected.put("demo_load", 0L);
            assertThat(rows(restored.getBean(DataSource.class))).isEqualTo(expected);
        }
    }

    /** Replaces a dump with one of no rows and answers its checksum. */
    private static String emptyDump(Path file) {
        try {
            Files.delete(file);
            try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
                out.flush();
            }
            return StoredFolders.sha256(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * One backup serves every test here (two within one second of the test clock would collide), taken after a
     * file of its own was stored.
     */
    private synchronized BackupManifest backup() throws Exception {
        if (taken == null) {
            evidence = files.store(new ByteArrayInputStream(TEXT), "进展.txt", TEXT.length,
                    FileStore.DOCUMENTS_AND_IMAGES, 1024, "gxj");
            var response = Api.as(port, "admin").post("/api/v1/admin/backups", "");
            assertThat(response.status()).isEqualTo(201);
            taken = Path.of(response.json().path("folder").asString());
            assertThat(response.json().path("sizeBytes").asLong()).isEqualTo(StoredFolders.size(taken));
        }
        return BackupManifest.readFrom(taken);
    }

    private static ConfigurableApplicationContext start(Path dataDir, Path backup, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--luoshi.data-dir=" + dataDir,
                "--luoshi.restore-from=" + backup, "--server.port=0", "--luoshi.admin-password=Restored2026",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        arguments.addAll(List.of(more));
        return new SpringApplication(LuoshiApplication.class).run(arguments.toArray(String[]::new));
    }

    private interface ManifestEdit {
        void apply(ObjectNode manifest);
    }

    private static Path copyWithManifest(Path target, ManifestEdit edit) throws Exception {
        var copied = new ArrayList<Path>();
        StoredFolders.copyTree(taken, target, copied);
        ObjectNode manifest = (ObjectNode) JSON.readTree(Files.readString(target.resolve(BackupManifest.FILE)));
        edit.apply(manifest);
        Files.writeString(target.resolve(BackupManifest.FILE), JSON.writeValueAsString(manifest));
        return target;
    }

    private String storagePath(long id) {
        return jdbc.sql("select storage_path from stored_file where id = ?").param(id).query(String.class).single();
    }

    private static Map<String, Long> rowsPerTable(BackupManifest manifest) {
        Map<String, Long> rows = new LinkedHashMap<>();
        manifest.tables().forEach(t -> rows.put(t.name(), t.rows()));
        return rows;
    }

    private Map<String, Long> liveRows() throws Exception {
        return rows(dataSource);
    }

    private BackupManifest.AuditHead liveHead() throws Exception {
        return head(dataSource);
    }

    private static Map<String, Long> rows(DataSource source) throws Exception {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection connection = source.getConnection()) {
            for (String table : SchemaCatalog.tables(connection)) {
                rows.put(table, SchemaCatalog.count(connection, table));
            }
        }
        return rows;
    }

    private static BackupManifest.AuditHead head(DataSource source) throws Exception {
        try (Connection connection = source.getConnection()) {
            return SchemaCatalog.auditHead(connection).orElseThrow();
        }
    }
}
