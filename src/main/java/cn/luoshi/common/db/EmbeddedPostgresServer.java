package cn.luoshi.common.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server running from binaries shipped in a Maven artifact, keeping its cluster in the data folder.
 * One server per folder and JVM: several Spring contexts (as in the test suite) share it, and it stops when the
 * last of them closes.
 * <p>
 * It accepts only password (SCRAM) connections on 127.0.0.1; the superuser's password is generated at the first
 * start and kept in {@code <data-dir>/postgres-password}. A cluster made by an earlier version, which trusted every
 * local connection, gets its password on the first start of this one. A watcher starts the server again when its
 * process dies.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String DATABASE = "luoshi";
    static final String SUPERUSER = "postgres";
    static final String PASSWORD_FILE = "postgres-password";
    static final String HOST = "127.0.0.1";
    /** The whole pg_hba.conf: no unix-socket line, no trust, one host line for the loopback address. */
    static final String PG_HBA = """
            # Written by Luoshi at every start: only password (SCRAM) connections from this machine's loopback address.
            host all all 127.0.0.1/32 scram-sha-256
            """;
    private static final Pattern TRUST = Pattern.compile("(?m)^[^#\\n]*\\btrust\\b");
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration LEFTOVER_WAIT = Duration.ofSeconds(5);
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();

    private final Path directory;
    private final String password;
    private final int port;
    private final EmbeddedPostgresWatcher watcher;
    private final Thread shutdownHook;
    private volatile EmbeddedPostgres postgres;
    private volatile ProcessHandle postmaster;
    private volatile boolean available;
    private volatile boolean closed;
    private long downSince;
    private int users;

    private EmbeddedPostgresServer(Path directory, String password, EmbeddedPostgres postgres, Duration watchInterval) {
        this.directory = directory;
        this.password = password;
        this.postgres = postgres;
        this.port = postgres.getPort();
        this.postmaster = postmasterOf(directory).orElseThrow(
                () -> new IllegalStateException("No postmaster.pid in " + directory + " after its start"));
        this.available = true;
        this.watcher = new EmbeddedPostgresWatcher(this, watchInterval);
        this.shutdownHook = new Thread(() -> {
            try {
                stop();
            } catch (IOException e) {
                log.warn("Stopping the embedded PostgreSQL at exit", e);
            }
        }, "embedded-postgres-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static EmbeddedPostgresServer startIn(Path dataDir) {
        return startIn(dataDir, WATCH_INTERVAL);
    }

    /** {@code watchInterval} zero: no watcher thread; tests call {@link #restartIfGone()} themselves. */
    static synchronized EmbeddedPostgresServer startIn(Path dataDir, Duration watchInterval) {
        Path root = dataDir.toAbsolutePath().normalize();
        Path directory = root.resolve("postgres");
        EmbeddedPostgresServer server = RUNNING.get(directory);
        if (server == null) {
            try {
                Files.createDirectories(directory);
                Path passwordFile = root.resolve(PASSWORD_FILE);
                if (!Files.exists(passwordFile) && Files.exists(directory.resolve("postgresql.conf"))
                        && !trustsEveryone(directory)) {
                    throw new IllegalStateException("The embedded PostgreSQL in " + directory + " needs its password,"
                            + " but " + passwordFile + " is missing: restore it with the data folder's backup");
                }
                String password = PasswordFile.readOrCreate(passwordFile);
                stopOrphanedServer(directory);
                EmbeddedPostgres postgres = start(directory, passwordFile, password, 0);
                if (trustsEveryone(directory)) {
                    postgres = requirePassword(postgres, directory, passwordFile, password);
                }
                server = new EmbeddedPostgresServer(directory, password, postgres, watchInterval);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + directory
                        + " (is another Luoshi using this data folder?)", e);
            }
            server.createDatabaseIfMissing();
            server.watcher.start();
            RUNNING.put(directory, server);
        }
        server.users++;
        return server;
    }

    /**
     * Starts the postmaster; on an empty folder initdb first makes a cluster whose superuser has {@code password}.
     * pg_hba.conf is rewritten before every start, except on a trusting cluster still to be given its password.
     */
    private static EmbeddedPostgres start(Path directory, Path passwordFile, String password, int port)
            throws IOException {
        log.info("Starting embedded PostgreSQL in {}", directory);
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                // the library's own hook would stop the server behind the watcher's back; ours stops both in order
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(STARTUP_WAIT)
                // initdb's options: the library passes "-A trust" first, a later --auth wins.
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", passwordFile.toString())
                .setDataDirectoryCustomizer(folder -> {
                    if (!trustsEveryone(folder.toPath())) {
                        writePgHba(folder.toPath());
                    }
                })
                // the library checks readiness with a connection of its own
                .setConnectConfig("password", password)
                .setServerConfig("listen_addresses", HOST)
                // no Unix-domain socket at all (pg_hba.conf has no line for one either)
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("max_connections", "120")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("work_mem", "16MB")
                .setServerConfig("maintenance_work_mem", "256MB")
                .setServerConfig("timezone", "Asia/Shanghai")
                // The library starts the server with -F and synchronous_commit off, as a throwaway test database:
                // an acknowledged commit could be lost and a power cut could corrupt the cluster. This one keeps
                // the office's records, so every commit is flushed (a later -c wins over -F).
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
    }

    /**
     * A cluster made by an earlier version trusts every local connection and its superuser has no password. While
     * that trust still holds, give the superuser the password, then allow only password connections and restart.
     * Nothing else in the cluster changes. The password file was written before, so a crash on the way repeats
     * this step with the same password at the next start.
     */
    private static EmbeddedPostgres requirePassword(EmbeddedPostgres postgres, Path directory, Path passwordFile,
                                                    String password) throws IOException {
        log.warn("The embedded PostgreSQL in {} accepts connections without a password: setting one (kept in {})"
                + " and allowing password connections only", directory, passwordFile);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("set password_encryption = 'scram-sha-256'");
            statement.execute("alter role " + SUPERUSER + " with password '" + password.replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the password of the embedded PostgreSQL", e);
        }
        writePgHba(directory);
        int port = postgres.getPort();
        postgres.close();
        return start(directory, passwordFile, password, port);
    }

    static boolean trustsEveryone(Path directory) {
        Path hba = directory.resolve("pg_hba.conf");
        try {
            return Files.exists(hba) && TRUST.matcher(Files.readString(hba, StandardCharsets.UTF_8)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writePgHba(Path directory) {
        try {
            Files.writeString(directory.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write pg_hba.conf in " + directory, e);
        }
    }

    /**
     * If Luoshi was killed without shutting down, its PostgreSQL may still run on this folder and would block the
     * new start; stop it (it is ours: it runs our binaries on our data folder).
     */
    private static void stopOrphanedServer(Path directory) {
        postmasterOf(directory).ifPresent(orphan -> {
            log.warn("Stopping a PostgreSQL (pid {}) left running on {} by an earlier start", orphan.pid(), directory);
            orphan.destroy();
            try {
                orphan.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                orphan.destroyForcibly();
            }
        });
    }

    /** The live postmaster named in postmaster.pid, if that process is a postgres. */
    private static Optional<ProcessHandle> postmasterOf(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
            return ProcessHandle.of(Long.parseLong(first))
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            // being written or removed just now
            return Optional.empty();
        }
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

    /** True while the postmaster runs and no restart is under way; what the health endpoint reports. */
    public boolean isAvailable() {
        ProcessHandle current = postmaster;
        return available && current != null && current.isAlive();
    }

    /**
     * The watcher's check: when the postmaster has died, start the server again on the same folder and port.
     * Returns whether a restart was needed; one that cannot be done now is tried again at the next check.
     */
    synchronized boolean restartIfGone() {
        ProcessHandle current = postmaster;
        if (closed || (current != null && current.isAlive())) {
            return false;
        }
        if (available) {
            available = false;
            downSince = System.nanoTime();
            log.warn("The embedded PostgreSQL in {} (pid {}) is gone; starting it again on port {}", directory,
                    current == null ? "?" : current.pid(), port);
            try {
                // Releases the library's lock on the folder; its "stop" finds no process, which it logs.
                postgres.close();
            } catch (IOException e) {
                log.debug("Closing the dead embedded PostgreSQL", e);
            }
        }
        // The library keeps its lock on the folder when a start fails, which would block every later one: start
        // only when nothing known stands in the way, else wait for the next check.
        if (!leftoverProcessesGone()) {
            log.warn("Processes of the dead PostgreSQL still run in {}; trying at the next check", directory);
            return true;
        }
        if (!portFree()) {
            log.warn("Port {} of the embedded PostgreSQL is taken; trying at the next check", port);
            return true;
        }
        try {
            postgres = start(directory, directory.resolveSibling(PASSWORD_FILE), password, port);
            postmaster = postmasterOf(directory).orElse(null);
            available = true;
            log.warn("The embedded PostgreSQL in {} runs again (pid {}), {} ms after it was found gone", directory,
                    postmaster == null ? "?" : postmaster.pid(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - downSince));
        } catch (IOException | RuntimeException e) {
            log.error("Cannot start the embedded PostgreSQL in {} again; trying at the next check", directory, e);
        }
        return true;
    }

    private boolean portFree() {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(HOST, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A killed postmaster leaves its children (backends, checkpointer) to notice and exit; while one still holds
     * the shared memory, a new postmaster refuses to start. They are the processes working in the cluster folder.
     */
    private boolean leftoverProcessesGone() {
        Path real;
        try {
            real = directory.toRealPath();
        } catch (IOException e) {
            return true;
        }
        long self = ProcessHandle.current().pid();
        List<CompletableFuture<ProcessHandle>> exits = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self && worksIn(p, real))
                .map(ProcessHandle::onExit)
                .toList();
        if (exits.isEmpty()) {
            return true;
        }
        try {
            CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new))
                    .get(LEFTOVER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** Linux tells a process's working folder; elsewhere there is nothing to wait for. */
    private static boolean worksIn(ProcessHandle process, Path folder) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd")).equals(folder);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** For tests that look at the server while it is down: no restart until {@link #resumeWatching()}. */
    void pauseWatching() {
        watcher.stop();
    }

    void resumeWatching() {
        watcher.start();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + DATABASE;
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** A new connection to the Luoshi database, outside any pool. */
    Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    @Override
    public void close() throws IOException {
        synchronized (EmbeddedPostgresServer.class) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(directory);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down; the hook stops the server as close would
        }
        stop();
    }

    /** Stops the watcher before the server, so it does not take the stop for a crash and start it again. */
    private void stop() throws IOException {
        watcher.stop();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            available = false;
            log.info("Stopping embedded PostgreSQL in {}", directory);
            postgres.close();
        }
    }
}
