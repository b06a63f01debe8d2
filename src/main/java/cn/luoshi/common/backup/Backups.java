package cn.luoshi.common.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import cn.luoshi.common.LuoshiProperties;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.events.AuditRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Backs up the running installation into {@code <data>/backups/<yyyyMMdd-HHmmss>/}: every table of the schema
 * from one database snapshot, then a copy of the file store. Taken by the application itself because the embedded
 * database cannot be opened by a second process while Luoshi runs; works the same on an external server.
 *
 * <p>The folder is written under a hidden temporary name and renamed when complete, so a folder with a plain name
 * and a manifest is always a whole backup. Files stored after the snapshot may be copied too; they are extras
 * nothing refers to, and harmless.
 *
 * <p>While it writes, a backup holds an exclusive lock on {@code <data>/backups/.lock}, which the operating system
 * releases when the process dies however it dies. A hidden {@code .partial} folder found while nobody holds that
 * lock is what a killed backup left behind; it is removed at start and before each new backup, and the removal is
 * logged and audited. Folders of finished backups are never touched.
 */
@Service
public class Backups implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    static final String TABLES = "tables";
    static final String FILES = "files";
    static final String LOCK = ".lock";
    /** {@code .<yyyyMMdd-HHmmss>.partial-<uuid>}, exactly as {@link #write} names a backup being written. */
    static final Pattern PARTIAL = Pattern.compile(
            "\\.\\d{8}-\\d{6}\\.partial-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final DataSource dataSource;
    private final Path backupsDir;
    private final Path filesDir;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ReentrantLock running = new ReentrantLock();

    Backups(DataSource dataSource, LuoshiProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.backupsDir = backupsDir(properties);
        this.filesDir = properties.filesDir().toAbsolutePath().normalize();
        this.clock = clock;
        this.events = events;
    }

    static Path backupsDir(LuoshiProperties properties) {
        return properties.dataDir().resolve("backups").toAbsolutePath().normalize();
    }

    /**
     * Takes a backup now. Its audit record is written first, so the backup holds the record of its own making and
     * a restored database ends with it; a backup that fails adds a second record saying so.
     */
    public BackupTaken create() {
        if (!running.tryLock()) {
            throw DomainException.conflict("backup.error.running");
        }
        try {
            OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
            String name = NAME.format(now);
            Path target = backupsDir.resolve(name);
            if (Files.exists(target)) {
                throw DomainException.conflict("backup.error.exists", name);
            }
            Files.createDirectories(backupsDir);
            try (FileChannel lockFile = openLock(); FileLock held = tryLock(lockFile)) {
                if (held == null) {
                    throw DomainException.conflict("backup.error.running");
                }
                removeLeftovers();
                return createHolding(name, now, target);
            }
        } catch (IOException e) {
            throw new DomainException(HttpStatus.INTERNAL_SERVER_ERROR, "backup.error.failed",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            running.unlock();
        }
    }

    private BackupTaken createHolding(String name, OffsetDateTime now, Path target) {
        events.publishEvent(new AuditRecord("backup.created", "Backup", name, null,
                "备份数据库与文件到 backups/" + name, null, null));
        long started = System.nanoTime();
        try {
            BackupTaken taken = write(name, now, target);
            log.info("Backup {} taken in {} ms: {} tables, {} rows, {} files, {} bytes", name,
                    (System.nanoTime() - started) / 1_000_000, taken.manifest().tables().size(),
                    taken.manifest().totalRows(), taken.manifest().files().count(), taken.sizeBytes());
            return taken;
        } catch (IOException | SQLException | RuntimeException e) {
            log.error("Backup {} failed", name, e);
            events.publishEvent(new AuditRecord("backup.failed", "Backup", name, null,
                    "备份 backups/" + name + " 失败，未留下备份", null, null));
            throw new DomainException(HttpStatus.INTERNAL_SERVER_ERROR, "backup.error.failed",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** At start: what a backup killed before (kill -9, power cut) left behind is removed. */
    @Override
    public void run(ApplicationArguments args) {
        if (!Files.isDirectory(backupsDir) || !running.tryLock()) {
            return;
        }
        try (FileChannel lockFile = openLock(); FileLock held = tryLock(lockFile)) {
            if (held == null) {
                log.info("A backup is being written into {} by another process; its folder is left alone",
                        backupsDir);
                return;
            }
            removeLeftovers();
        } catch (IOException e) {
            log.warn("Could not look for the leftovers of interrupted backups in {}", backupsDir, e);
        } finally {
            running.unlock();
        }
    }

    private FileChannel openLock() throws IOException {
        return FileChannel.open(backupsDir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    /** Null when another process, or another application in this JVM sharing the folder, is writing a backup. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /**
     * Removes every {@code .partial} folder of an interrupted backup. Called only while holding the lock, so no
     * backup is being written into any of them; a finished backup has a plain name and is never matched.
     *
     * @return the names of the folders removed
     */
    List<String> removeLeftovers() throws IOException {
        List<Path> leftovers;
        try (var entries = Files.list(backupsDir)) {
            leftovers = entries.filter(Files::isDirectory)
                    .filter(f -> PARTIAL.matcher(f.getFileName().toString()).matches())
                    .sorted().toList();
        }
        List<String> removed = new ArrayList<>();
        for (Path leftover : leftovers) {
            String name = leftover.getFileName().toString();
            long bytes = StoredFolders.size(leftover);
            StoredFolders.deleteTree(leftover);
            removed.add(name);
            log.warn("Removed {} ({} bytes) in {}: what an interrupted backup left behind; finished backups are "
                    + "not touched", name, bytes, backupsDir);
            events.publishEvent(new AuditRecord("backup.leftover-removed", "Backup", name, null,
                    "删除中断的备份留下的未完成文件夹 backups/" + name + "（" + bytes + " 字节）", null, null));
        }
        if (!removed.isEmpty()) {
            StoredFolders.forceDirectory(backupsDir);
        }
        return removed;
    }

    private BackupTaken write(String name, OffsetDateTime now, Path target) throws IOException, SQLException {
        Path partial = backupsDir.resolve("." + name + ".partial-" + UUID.randomUUID());
        Files.createDirectory(partial);
        boolean complete = false;
        try {
            Snapshot snapshot = dumpDatabase(partial.resolve(TABLES));
            BackupManifest.StoredFiles files = copyFiles(partial.resolve(FILES), snapshot.storedPaths());
            var manifest = new BackupManifest(BackupManifest.FORMAT, name, now, snapshot.schemaVersion(),
                    snapshot.tables(), snapshot.sequences(), snapshot.auditHead(), files);
            try (OutputStream out = StoredFolders.durableOutput(partial.resolve(BackupManifest.FILE))) {
                manifest.writeTo(out);
            }
            StoredFolders.forceDirectory(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            StoredFolders.forceDirectory(backupsDir);
            complete = true;
            return new BackupTaken(name, target.toString(), StoredFolders.size(target), manifest);
        } finally {
            if (!complete) {
                StoredFolders.deleteTree(partial);
            }
        }
    }

    private record Snapshot(String schemaVersion, List<BackupManifest.Table> tables,
                            List<BackupManifest.Sequence> sequences, BackupManifest.AuditHead auditHead,
                            List<String> storedPaths) {
    }

    /**
     * Every table in one REPEATABLE READ transaction: all COPYs read the same snapshot, so the dump is as
     * consistent as if the application had been stopped at that moment.
     */
    private Snapshot dumpDatabase(Path folder) throws IOException, SQLException {
        Files.createDirectories(folder);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (var statement = connection.createStatement()) {
                    statement.execute("set transaction isolation level repeatable read, read only");
                }
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                String version = SchemaCatalog.schemaVersion(connection);
                List<BackupManifest.Table> tables = new ArrayList<>();
                for (String table : SchemaCatalog.tables(connection)) {
                    tables.add(dumpTable(connection, copy, table, folder));
                }
                BackupManifest.AuditHead head = SchemaCatalog.auditHead(connection).orElse(null);
                List<String> storedPaths = new ArrayList<>();
                try (var statement = connection.prepareStatement("select storage_path from stored_file order by id");
                     var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        storedPaths.add(rs.getString(1));
                    }
                }
                // Sequences are not under MVCC: read after the tables, their values are at least what the snapshot
                // used, so a restored database never hands out an id it already holds.
                List<BackupManifest.Sequence> sequences = new ArrayList<>();
                for (String sequence : SchemaCatalog.sequences(connection)) {
                    try (var statement = connection.prepareStatement(
                            "select last_value, is_called from " + SchemaCatalog.quote(sequence));
                         var rs = statement.executeQuery()) {
                        rs.next();
                        sequences.add(new BackupManifest.Sequence(sequence, rs.getLong(1), rs.getBoolean(2)));
                    }
                }
                connection.commit();
                return new Snapshot(version, tables, sequences, head, storedPaths);
            } catch (IOException | SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static BackupManifest.Table dumpTable(Connection connection, CopyManager copy, String table, Path folder)
            throws IOException, SQLException {
        List<String> columns = SchemaCatalog.columns(connection, table);
        String file = TABLES + "/" + fileName(table);
        MessageDigest digest = sha256();
        long rows;
        try (var out = new GZIPOutputStream(new BufferedOutputStream(new DigestOutputStream(
                StoredFolders.durableOutput(folder.resolve(fileName(table))), digest), 1 << 16), 1 << 16)) {
            rows = copy.copyOut("COPY " + SchemaCatalog.quote(table) + " (" + SchemaCatalog.columnList(columns)
                    + ") TO STDOUT", out);
        }
        return new BackupManifest.Table(table, columns, rows, file, HexFormat.of().formatHex(digest.digest()));
    }

    /** Table names are SQL identifiers; anything unusual in one is replaced so it can never address a folder. */
    static String fileName(String table) {
        return table.replaceAll("[^A-Za-z0-9_]", "_") + ".copy.gz";
    }

    private BackupManifest.StoredFiles copyFiles(Path target, List<String> storedPaths) throws IOException {
        List<Path> copied = new ArrayList<>();
        long bytes = StoredFolders.copyTree(filesDir, target, copied);
        List<String> missing = storedPaths.stream().filter(p -> !Files.isRegularFile(target.resolve(p))).toList();
        if (!missing.isEmpty()) {
            log.warn("The file store lacks {} files that stored_file refers to (first: {}); the backup records them "
                    + "as missing", missing.size(), missing.getFirst());
        }
        return new BackupManifest.StoredFiles(copied.size(), bytes, missing);
    }

    /** The finished backups in the data folder, newest first. */
    public List<BackupTaken> list() throws IOException {
        if (!Files.isDirectory(backupsDir)) {
            return List.of();
        }
        List<BackupTaken> found = new ArrayList<>();
        try (var folders = Files.list(backupsDir)) {
            for (Path folder : folders.filter(Files::isDirectory)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> Files.isRegularFile(f.resolve(BackupManifest.FILE)))
                    .sorted(Comparator.comparing(Path::getFileName).reversed()).toList()) {
                found.add(new BackupTaken(folder.getFileName().toString(), folder.toString(),
                        StoredFolders.size(folder), BackupManifest.readFrom(folder)));
            }
        }
        return found;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
