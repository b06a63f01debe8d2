package cn.luoshi.common.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.luoshi.common.LuoshiProperties;
import cn.luoshi.common.db.Rows;
import cn.luoshi.common.error.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;
import org.springframework.web.multipart.MultipartFile;

/**
 * Keeps uploaded files under {@code <data>/files/yyyy/MM/} with their metadata in {@code stored_file}. Each upload
 * is type-checked by its bytes and size-checked before anything is written; if the surrounding transaction rolls
 * back, the file written for it is removed again, so no orphan is left behind.
 */
@Service
public class FileStore {

    /** Common evidence: documents, spreadsheets and pictures. */
    public static final Set<FileKind> DOCUMENTS_AND_IMAGES = Set.of(FileKind.PDF, FileKind.PNG, FileKind.JPEG,
            FileKind.GIF, FileKind.WEBP, FileKind.DOCX, FileKind.XLSX, FileKind.PPTX, FileKind.DOC, FileKind.XLS,
            FileKind.TEXT);
    public static final Set<FileKind> IMAGES = Set.of(FileKind.PNG, FileKind.JPEG, FileKind.GIF, FileKind.WEBP);

    private final JdbcClient jdbc;
    private final Path root;
    private final Clock clock;

    FileStore(JdbcClient jdbc, LuoshiProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.root = properties.filesDir().toAbsolutePath().normalize();
        this.clock = clock;
    }

    public StoredFile store(MultipartFile upload, Set<FileKind> allowed, long maxBytes, String actor) {
        try (InputStream in = upload.getInputStream()) {
            return store(in, upload.getOriginalFilename(), upload.getSize(), allowed, maxBytes, actor);
        } catch (IOException e) {
            throw DomainException.invalid("error.badUpload");
        }
    }

    public StoredFile store(InputStream content, String originalName, long declaredSize, Set<FileKind> allowed,
                            long maxBytes, String actor) throws IOException {
        String name = cleanName(originalName);
        if (declaredSize > maxBytes) {
            throw new DomainException(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE, "files.error.tooLarge",
                    name, maxBytes / 1024 / 1024);
        }
        var buffered = new java.io.BufferedInputStream(content);
        buffered.mark(64);
        byte[] head = buffered.readNBytes(64);
        buffered.reset();
        FileKind kind = FileKind.detect(head, name);
        if (kind == null || !allowed.contains(kind)) {
            throw DomainException.invalid("files.error.type", name);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Path relative = Path.of(String.valueOf(now.getYear()), String.format("%02d", now.getMonthValue()),
                UUID.randomUUID().toString());
        Path target = root.resolve(relative);
        Files.createDirectories(target.getParent());
        MessageDigest digest = sha256();
        long size;
        try (var in = new DigestInputStream(new LimitedInputStream(buffered, maxBytes), digest)) {
            size = Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (LimitedInputStream.TooLarge e) {
            Files.deleteIfExists(target);
            throw new DomainException(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE, "files.error.tooLarge",
                    name, maxBytes / 1024 / 1024);
        }
        removeOnRollback(target);
        String hash = HexFormat.of().formatHex(digest.digest());
        long id = jdbc.sql("""
                        insert into stored_file (original_name, content_type, size_bytes, sha256, storage_path,
                                                 created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(name, kind.contentType(), size, hash, relative.toString(), now, actor)
                .query(Long.class).single();
        return new StoredFile(id, name, kind.contentType(), size, hash, now, actor);
    }

    public Optional<StoredFile> find(long id) {
        return jdbc.sql("""
                        select id, original_name, content_type, size_bytes, sha256, created_at, created_by
                        from stored_file where id = ?""")
                .param(id)
                .query((rs, n) -> new StoredFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), Rows.time(rs, 6), rs.getString(7)))
                .optional();
    }

    /** The file's bytes; the caller has already checked that the user may see the record it belongs to. */
    public InputStream open(long id) throws IOException {
        String relative = jdbc.sql("select storage_path from stored_file where id = ?").param(id)
                .query(String.class).optional().orElseThrow(() -> DomainException.notFound("files.file", id));
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root)) {
            throw DomainException.notFound("files.file", id);
        }
        return Files.newInputStream(path);
    }

    private static void removeOnRollback(Path target) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    try {
                        Files.deleteIfExists(target);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        });
    }

    /** Keeps only the last path segment and drops control characters, so a name can never address a folder. */
    static String cleanName(String original) {
        String name = StringUtils.hasText(original) ? original : "file";
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.codePoints().filter(c -> c >= 0x20 && c != 0x7F)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "file";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops reading once more than the limit has arrived, whatever size the client declared. */
    private static final class LimitedInputStream extends java.io.FilterInputStream {
        static final class TooLarge extends IOException {
        }

        private long remaining;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --remaining < 0) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                remaining -= n;
                if (remaining < 0) {
                    Arrays.fill(buffer, off, off + n, (byte) 0);
                    throw new TooLarge();
                }
            }
            return n;
        }
    }
}
