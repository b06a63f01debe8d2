package cn.luoshi.common.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a backup folder holds, written last as {@code manifest.json}: the schema version it was taken at, every
 * table with its columns, row count and dump file, every sequence's value, the audit chain's head and the stored
 * files. A restore checks the loaded database against exactly these figures.
 *
 * @param format        layout version of the folder, so a later Luoshi can tell old backups apart
 * @param name          folder name, {@code yyyyMMdd-HHmmss} of {@code createdAt}
 * @param schemaVersion the last Flyway migration applied when the snapshot was taken
 * @param auditHead     the last audit record in the snapshot (null only for a database without audit records)
 */
public record BackupManifest(int format, String name, OffsetDateTime createdAt, String schemaVersion,
                             List<Table> tables, List<Sequence> sequences, AuditHead auditHead, StoredFiles files) {

    public static final int FORMAT = 1;
    public static final String FILE = "manifest.json";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** One table's dump: PostgreSQL COPY text format, gzip-compressed, with the SHA-256 of the compressed file. */
    public record Table(String name, List<String> columns, long rows, String file, String sha256) {
    }

    /** A sequence as {@code setval(name, lastValue, called)} puts it back. */
    public record Sequence(String name, long lastValue, boolean called) {
    }

    public record AuditHead(long id, String hash) {
    }

    /**
     * The copy of the file store: files and bytes copied, and the {@code stored_file} paths the store already
     * lacked when the backup was taken (a restore does not ask for those).
     */
    public record StoredFiles(long count, long bytes, List<String> missing) {
    }

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(JSON.writeValueAsBytes(this));
    }

    static BackupManifest readFrom(Path folder) throws IOException {
        return JSON.readValue(Files.readString(folder.resolve(FILE)), BackupManifest.class);
    }
}
