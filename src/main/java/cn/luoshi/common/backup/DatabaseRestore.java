package cn.luoshi.common.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a backup folder back into an empty, freshly migrated database and file store, in one transaction: any
 * check that fails rolls everything back and removes the files copied so far, so a refused restore leaves the
 * database empty and the start stops with the reason.
 *
 * <p>Refused when: the folder has no manifest; the database already holds data (unless that data descends from
 * this very backup, i.e. a restart with the setting left on, which is let through); the schema version or the set
 * of tables, columns and sequences differs from this Luoshi's; a dump file does not match its checksum; or, after
 * loading, any table's row count or the audit chain's head differs from the manifest.
 */
final class DatabaseRestore {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRestore.class);
    /** Two nodes started on one empty database with the same setting restore it once. */
    private static final long RESTORE_LOCK = 7215900L;

    enum Outcome { RESTORED, ALREADY_RESTORED }

    private final DataSource dataSource;
    private final Path filesDir;
    private final Path folder;

    DatabaseRestore(DataSource dataSource, Path filesDir, Path folder) {
        this.dataSource = dataSource;
        this.filesDir = filesDir.toAbsolutePath().normalize();
        this.folder = folder.toAbsolutePath().normalize();
    }

    Outcome run() {
        long started = System.nanoTime();
        BackupManifest manifest = readManifest();
        List<Path> copiedFiles = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                execute(connection, "select pg_advisory_xact_lock(" + RESTORE_LOCK + ")");
                if (holdsData(connection, manifest)) {
                    connection.rollback();
                    log.warn("The database already holds the backup {} (its audit chain contains the backup's head "
                            + "#{}); nothing restored. Remove LUOSHI_RESTORE_FROM from the start settings.",
                            folder, manifest.auditHead().id());
                    return Outcome.ALREADY_RESTORED;
                }
                checkSameSchema(connection, manifest);
                if (StoredFolders.holdsAnyFile(filesDir)) {
                    List<Path> leftovers = leftoversOfThisBackup();
                    if (leftovers == null) {
                        throw new RestoreRefused("the file store " + filesDir + " already holds files; a backup is "
                                + "restored only into an empty data folder");
                    }
                    log.warn("Removing {} files that an interrupted restore of {} left in {} (each one of the "
                            + "backup's own files, whole or cut short); the database holds none of it", leftovers.size(),
                            folder, filesDir);
                    removeAll(leftovers);
                }
                checkDumps(manifest);
                load(connection, manifest);
                verify(connection, manifest);
                copyFiles(connection, manifest, copiedFiles);
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                removeAll(copiedFiles);
                throw e instanceof RestoreRefused refused ? refused
                        : new RestoreRefused("restoring " + folder + " failed: " + e.getMessage(), e);
            }
        } catch (SQLException e) {
            removeAll(copiedFiles);
            throw new RestoreRefused("restoring " + folder + " failed: " + e.getMessage(), e);
        }
        log.info("Restored backup {} ({} tables, {} rows, {} files, audit head #{}) in {} ms", folder,
                manifest.tables().size(), manifest.totalRows(), manifest.files().count(),
                manifest.auditHead() == null ? "-" : manifest.auditHead().id(),
                (System.nanoTime() - started) / 1_000_000);
        return Outcome.RESTORED;
    }

    private BackupManifest readManifest() {
        if (!Files.isRegularFile(folder.resolve(BackupManifest.FILE))) {
            throw new RestoreRefused(folder + " holds no " + BackupManifest.FILE + ": it is not a complete Luoshi "
                    + "backup folder (a backup being written is named .<name>.partial-…)");
        }
        BackupManifest manifest;
        try {
            manifest = BackupManifest.readFrom(folder);
        } catch (IOException | RuntimeException e) {
            throw new RestoreRefused("cannot read " + folder.resolve(BackupManifest.FILE) + ": " + e.getMessage(), e);
        }
        if (manifest.format() != BackupManifest.FORMAT || manifest.tables() == null || manifest.sequences() == null
                || manifest.files() == null) {
            throw new RestoreRefused(folder.resolve(BackupManifest.FILE) + " is not a manifest of format "
                    + BackupManifest.FORMAT);
        }
        return manifest;
    }

    /**
     * "Holds data" means someone has used it: an account or an audit record exists. What Flyway seeded (reference
     * rows, the migration history) does not count; the load replaces it.
     */
    private static boolean holdsData(Connection connection, BackupManifest manifest) throws SQLException {
        long users = SchemaCatalog.count(connection, "app_user");
        long audits = SchemaCatalog.count(connection, "audit_event");
        if (users == 0 && audits == 0) {
            return false;
        }
        BackupManifest.AuditHead head = manifest.auditHead();
        if (head != null) {
            try (var statement = connection.prepareStatement("select hash from audit_event where id = ?")) {
                statement.setLong(1, head.id());
                try (var rs = statement.executeQuery()) {
                    if (rs.next() && head.hash().equals(rs.getString(1))) {
                        return true;
                    }
                }
            }
        }
        throw new RestoreRefused("the database already holds data (" + users + " accounts, " + audits
                + " audit records); a backup is restored only into an empty database: start with an empty data "
                + "folder (or an empty external database), or start without LUOSHI_RESTORE_FROM");
    }

    private static void checkSameSchema(Connection connection, BackupManifest manifest) throws SQLException {
        String version = SchemaCatalog.schemaVersion(connection);
        if (!Objects.equals(version, manifest.schemaVersion())) {
            throw new RestoreRefused("the backup was taken at schema version " + manifest.schemaVersion()
                    + ", this Luoshi is at " + version + "; restore it with the Luoshi version that took it, then "
                    + "upgrade");
        }
        Set<String> tables = new TreeSet<>(SchemaCatalog.tables(connection));
        Set<String> backedUp = new TreeSet<>(manifest.tables().stream().map(BackupManifest.Table::name).toList());
        if (!tables.equals(backedUp)) {
            throw new RestoreRefused("the backup's tables differ from this schema's: only in the backup "
                    + difference(backedUp, tables) + ", only in the database " + difference(tables, backedUp));
        }
        for (BackupManifest.Table table : manifest.tables()) {
            List<String> columns = SchemaCatalog.columns(connection, table.name());
            if (!columns.equals(table.columns())) {
                throw new RestoreRefused("the columns of " + table.name() + " differ: backup " + table.columns()
                        + ", database " + columns);
            }
        }
        Set<String> sequences = new TreeSet<>(SchemaCatalog.sequences(connection));
        Set<String> backedUpSequences = new TreeSet<>(
                manifest.sequences().stream().map(BackupManifest.Sequence::name).toList());
        if (!sequences.equals(backedUpSequences)) {
            throw new RestoreRefused("the backup's sequences differ from this schema's: only in the backup "
                    + difference(backedUpSequences, sequences) + ", only in the database "
                    + difference(sequences, backedUpSequences));
        }
    }

    /** Every dump file is whole before anything is loaded: a damaged or altered backup is refused up front. */
    private void checkDumps(BackupManifest manifest) throws IOException {
        for (BackupManifest.Table table : manifest.tables()) {
            Path file = inside(table.file());
            if (!StoredFolders.sha256(file).equals(table.sha256())) {
                throw new RestoreRefused(file + " does not match its checksum in the manifest: the backup is "
                        + "damaged");
            }
        }
    }

    /**
     * Replaces what migration seeded with the backup's rows. As replica, the session fires no triggers: foreign
     * keys are not checked row by row (the rows come from one consistent snapshot), the audit log's append-only
     * guard and the appeal summary trigger stay quiet (the summary is in the backup).
     */
    private void load(Connection connection, BackupManifest manifest) throws SQLException, IOException {
        try {
            execute(connection, "set local session_replication_role = replica");
        } catch (SQLException e) {
            throw new RestoreRefused("the database user may not set session_replication_role, which a restore "
                    + "needs: restore as a superuser, or on PostgreSQL 15+ run GRANT SET ON PARAMETER "
                    + "session_replication_role TO <user> (" + e.getMessage() + ")", e);
        }
        execute(connection, "truncate " + String.join(", ",
                manifest.tables().stream().map(t -> SchemaCatalog.quote(t.name())).toList()));
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (BackupManifest.Table table : manifest.tables()) {
            try (InputStream in = new GZIPInputStream(
                    new BufferedInputStream(Files.newInputStream(inside(table.file())), 1 << 16), 1 << 16)) {
                copy.copyIn("COPY " + SchemaCatalog.quote(table.name()) + " ("
                        + SchemaCatalog.columnList(table.columns()) + ") FROM STDIN", in);
            }
        }
        for (BackupManifest.Sequence sequence : manifest.sequences()) {
            try (var statement = connection.prepareStatement("select setval(?::regclass, ?, ?)")) {
                statement.setString(1, SchemaCatalog.quote(sequence.name()));
                statement.setLong(2, sequence.lastValue());
                statement.setBoolean(3, sequence.called());
                statement.execute();
            }
        }
    }

    private static void verify(Connection connection, BackupManifest manifest) throws SQLException {
        List<String> differences = new ArrayList<>();
        for (BackupManifest.Table table : manifest.tables()) {
            long rows = SchemaCatalog.count(connection, table.name());
            if (rows != table.rows()) {
                differences.add(table.name() + " has " + rows + " rows, the manifest says " + table.rows());
            }
        }
        if (!differences.isEmpty()) {
            throw new RestoreRefused("the loaded database differs from the manifest: " + String.join("; ",
                    differences));
        }
        BackupManifest.AuditHead head = SchemaCatalog.auditHead(connection).orElse(null);
        if (!Objects.equals(head, manifest.auditHead())) {
            throw new RestoreRefused("the loaded audit chain ends at " + describe(head) + ", the manifest says "
                    + describe(manifest.auditHead()));
        }
    }

    /** Copies the stored files and checks that every file the restored database refers to has arrived. */
    private void copyFiles(Connection connection, BackupManifest manifest, List<Path> copied)
            throws SQLException {
        try {
            StoredFolders.copyTree(folder.resolve(Backups.FILES), filesDir, copied);
        } catch (IOException e) {
            throw new RestoreRefused("copying the stored files into " + filesDir + " failed: " + e.getMessage(), e);
        }
        Set<String> knownMissing = new LinkedHashSet<>(manifest.files().missing());
        List<String> absent = new ArrayList<>();
        try (var statement = connection.prepareStatement("select storage_path from stored_file order by id");
             var rs = statement.executeQuery()) {
            while (rs.next()) {
                String path = rs.getString(1);
                if (!knownMissing.contains(path) && !Files.isRegularFile(filesDir.resolve(path))) {
                    absent.add(path);
                }
            }
        }
        if (!absent.isEmpty() || copied.size() != manifest.files().count()) {
            throw new RestoreRefused("the backup's file store is incomplete: " + copied.size()
                    + " files copied, the manifest says " + manifest.files().count() + "; " + absent.size()
                    + " stored files missing" + (absent.isEmpty() ? "" : " (first: " + absent.getFirst() + ")"));
        }
    }

    /**
     * The files a restore of this same backup left when it was killed between copying the files and committing the
     * database (the database rolled back, the copies stayed): every file in the store is one of the backup's own
     * files at the same place, whole or cut short where the copy stopped. Null when any file is something else, which
     * is never removed.
     */
    private List<Path> leftoversOfThisBackup() throws IOException {
        Path source = folder.resolve(Backups.FILES);
        List<Path> found;
        try (var walk = Files.walk(filesDir)) {
            found = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : found) {
            Path original = source.resolve(filesDir.relativize(file).toString()).normalize();
            if (!original.startsWith(source) || !Files.isRegularFile(original)
                    || Files.size(file) > Files.size(original) || !isStartOf(file, original)) {
                return null;
            }
        }
        return new ArrayList<>(found);
    }

    /** Whether the bytes of {@code part} are the first bytes of {@code whole}. */
    private static boolean isStartOf(Path part, Path whole) throws IOException {
        try (InputStream a = new BufferedInputStream(Files.newInputStream(part), 1 << 16);
             InputStream b = new BufferedInputStream(Files.newInputStream(whole), 1 << 16)) {
            byte[] x = new byte[1 << 16];
            byte[] y = new byte[1 << 16];
            int n;
            while ((n = a.readNBytes(x, 0, x.length)) > 0) {
                if (b.readNBytes(y, 0, n) != n || !java.util.Arrays.equals(x, 0, n, y, 0, n)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A manifest names its files relative to the folder; one pointing outside it is refused, not followed. */
    private Path inside(String relative) {
        Path file = folder.resolve(relative).normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            throw new RestoreRefused("the manifest names " + relative + ", which is not a file in " + folder);
        }
        return file;
    }

    /** Leaves the file store as empty as it was found: the copied files and the folders made for them. */
    private void removeAll(List<Path> files) {
        for (Path file : files.reversed()) {
            try {
                Files.deleteIfExists(file);
                for (Path dir = file.getParent(); dir != null && dir.startsWith(filesDir) && !dir.equals(filesDir);
                     dir = dir.getParent()) {
                    try (var entries = Files.list(dir)) {
                        if (entries.findAny().isPresent()) {
                            break;
                        }
                    }
                    Files.delete(dir);
                }
            } catch (IOException e) {
                log.warn("Could not remove {} after the refused restore", file, e);
            }
        }
        files.clear();
    }

    private static String describe(BackupManifest.AuditHead head) {
        return head == null ? "no record" : "#" + head.id() + " (" + head.hash() + ")";
    }

    private static String difference(Set<String> a, Set<String> b) {
        Set<String> only = new TreeSet<>(a);
        only.removeAll(b);
        return only.isEmpty() ? "none" : only.toString();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
