package cn.luoshi.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.luoshi.audit.AuditCheckpoint;
import cn.luoshi.common.LuoshiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The checkpoints of the chain head, one line each, appended to {@code <data-dir>/audit-checkpoints/checkpoints.log}
 * and signed with HMAC-SHA256. The key is made on first use and kept beside the log, readable by the application
 * user only and never in the database: whoever can write the database alone cannot forge a checkpoint.
 *
 * <p>A line reads {@code v1 <time> <row id> <hash> <signature>}; the signature covers the three middle fields as
 * written.
 */
@Component
public class CheckpointLog {

    static final String FOLDER = "audit-checkpoints";
    static final String FILE = "checkpoints.log";
    static final String KEY = "checkpoint.key";

    private static final Logger log = LoggerFactory.getLogger(CheckpointLog.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** One line of the log; {@code checkpoint} is null when the line cannot be read at all. */
    public record Entry(int line, String text, AuditCheckpoint checkpoint, boolean signed) {
    }

    private final Path folder;
    private volatile SecretKeySpec key;

    CheckpointLog(LuoshiProperties properties) {
        this.folder = properties.dataDir().resolve(FOLDER);
    }

    Path file() {
        return folder.resolve(FILE);
    }

    Path keyFile() {
        return folder.resolve(KEY);
    }

    /** Appends a signed checkpoint. Callers serialise appends (they hold the chain lock). */
    synchronized Entry append(long rowId, String hash, OffsetDateTime at) {
        String time = TIME.format(at);
        String text = "v1 " + time + " " + rowId + " " + hash + " " + sign(time, rowId, hash);
        try {
            createFolder();
            Path file = file();
            int line = Files.exists(file) ? lineCount(file) + 1 : 1;
            // A line cut short by a crash stays a line of its own (and is reported); the next one starts afresh.
            String prefix = endsMidLine(file) ? "\n" : "";
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap((prefix + text + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            return new Entry(line, text, new AuditCheckpoint(rowId, hash, at, FILE + ":" + line), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit checkpoint to " + file(), e);
        }
    }

    /** Every non-blank line, in the order written; an absent log has none. */
    List<Entry> read() {
        Path file = file();
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit checkpoints in " + file, e);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                entries.add(parse(i + 1, lines.get(i).strip()));
            }
        }
        return entries;
    }

    private Entry parse(int line, String text) {
        String[] parts = text.split(" ");
        if (parts.length != 5 || !parts[0].equals("v1") || !HASH.matcher(parts[3]).matches()) {
            return new Entry(line, text, null, false);
        }
        try {
            long rowId = Long.parseLong(parts[2]);
            var checkpoint = new AuditCheckpoint(rowId, parts[3], OffsetDateTime.parse(parts[1], TIME),
                    FILE + ":" + line);
            boolean signed = MessageDigest.isEqual(sign(parts[1], rowId, parts[3]).getBytes(StandardCharsets.US_ASCII),
                    parts[4].getBytes(StandardCharsets.US_ASCII));
            return new Entry(line, text, checkpoint, signed);
        } catch (NumberFormatException | DateTimeParseException e) {
            return new Entry(line, text, null, false);
        }
    }

    private String sign(String time, long rowId, String hash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return HexFormat.of().formatHex(mac.doFinal((time + " " + rowId + " " + hash)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signing key, made at first use; nodes sharing the data folder share it. */
    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (key == null) {
                key = new SecretKeySpec(loadOrCreateKey(), "HmacSHA256");
            }
            return key;
        }
    }

    private byte[] loadOrCreateKey() {
        Path file = keyFile();
        try {
            createFolder();
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    // Created with its permissions, so it is never readable by others, not even for a moment.
                    Files.write(Files.createFile(file, ownerOnly("rw-------")),
                            HexFormat.of().formatHex(fresh).getBytes(StandardCharsets.US_ASCII));
                    log.info("Made the audit checkpoint key {}", file.toAbsolutePath());
                    return fresh;
                } catch (FileAlreadyExistsException raced) {
                    // another node made it first: use theirs
                }
            }
            if (POSIX && !Files.getPosixFilePermissions(file).equals(Set.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE))) {
                log.warn("The audit checkpoint key {} was readable by others; it is now the owner's only", file);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!HASH.matcher(text).matches()) {
                throw new IllegalStateException("The audit checkpoint key " + file + " is damaged");
            }
            return HexFormat.of().parseHex(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or make the audit checkpoint key " + file, e);
        }
    }

    private void createFolder() throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder.getParent() == null ? folder : folder.getParent());
            try {
                Files.createDirectory(folder, ownerOnly("rwx------"));
            } catch (FileAlreadyExistsException raced) {
                // made meanwhile
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(permissions))} : new FileAttribute<?>[0];
    }

    private static int lineCount(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return (int) lines.count();
        }
    }

    private static boolean endsMidLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, channel.size() - 1);
            return last.get(0) != '\n';
        }
    }
}
