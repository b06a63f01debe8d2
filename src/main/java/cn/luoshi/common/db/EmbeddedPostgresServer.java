package cn.luoshi.common.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server running from binaries shipped in a Maven artifact, keeping its cluster in the data folder.
 * One server per folder and JVM: several Spring contexts (as in the test suite) share it, and it stops when the
 * last of them closes.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String DATABASE = "luoshi";
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();

    private final Path directory;
    private final EmbeddedPostgres postgres;
    private int users;

    private EmbeddedPostgresServer(Path directory, EmbeddedPostgres postgres) {
        this.directory = directory;
        this.postgres = postgres;
    }

    public static synchronized EmbeddedPostgresServer startIn(Path dataDir) {
        Path directory = dataDir.resolve("postgres").toAbsolutePath().normalize();
        EmbeddedPostgresServer server = RUNNING.get(directory);
        if (server == null) {
            server = new EmbeddedPostgresServer(directory, start(directory));
            server.createDatabaseIfMissing();
            RUNNING.put(directory, server);
        }
        server.users++;
        return server;
    }

    private static EmbeddedPostgres start(Path directory) {
        try {
            Files.createDirectories(directory);
            stopOrphanedServer(directory);
            log.info("Starting embedded PostgreSQL in {}", directory);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "120")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "16MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("timezone", "Asia/Shanghai")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + directory
                    + " (is another Luoshi using this data folder?)", e);
        }
    }

    /**
     * If Luoshi was killed without shutting down, its PostgreSQL may still run on this folder and would block the
     * new start; stop it (it is ours: it runs our binaries on our data folder).
     */
    private static void stopOrphanedServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        long pid;
        try {
            pid = Long.parseLong(first);
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .ifPresent(orphan -> {
                    log.warn("Stopping a PostgreSQL (pid {}) left running on {} by an earlier start", pid, directory);
                    orphan.destroy();
                    try {
                        orphan.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        orphan.destroyForcibly();
                    }
                });
    }

    private void createDatabaseIfMissing() {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var check = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            check.setString(1, DATABASE);
            try (var rs = check.executeQuery()) {
                if (!rs.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the Luoshi database in the embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        synchronized (EmbeddedPostgresServer.class) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(directory);
        }
        log.info("Stopping embedded PostgreSQL in {}", directory);
        postgres.close();
    }
}
