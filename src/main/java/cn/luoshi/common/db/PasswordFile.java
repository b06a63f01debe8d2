package cn.luoshi.common.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The embedded server's superuser password, kept beside its cluster and readable by the application's user only.
 * Losing it locks the application out of its own database, so it is written once and never replaced.
 */
final class PasswordFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordFile() {
    }

    /** The password in {@code file}; a new random one, written there first, when the file does not exist yet. */
    static String readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            // URL-safe Base64: no quote or backslash, so it needs no escaping in SQL or in initdb's pwfile.
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Path temporary = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(temporary);
            // Created with owner-only permissions, so the password is never readable by others, not even briefly.
            if (posix()) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temporary);
            }
            Files.writeString(temporary, password + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } else if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            // A copy restored from a backup may come back with looser permissions.
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IllegalStateException("The password file " + file + " is empty");
        }
        return password;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
