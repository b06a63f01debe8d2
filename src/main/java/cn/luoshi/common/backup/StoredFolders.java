package cn.luoshi.common.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;

/** File-tree chores of backup and restore: durable copies, sizes, removal. */
final class StoredFolders {

    private StoredFolders() {
    }

    /**
     * Copies every regular file under {@code from} to the same place under {@code to}, each forced to disk, so a
     * backup renamed into place after this holds complete files even after a power cut. Links are not followed.
     * Each file is added to {@code created} as soon as it exists, so a caller can remove a copy that broke off.
     *
     * @return the bytes copied
     */
    static long copyTree(Path from, Path to, List<Path> created) throws IOException {
        long bytes = 0;
        if (!Files.isDirectory(from)) {
            return 0;
        }
        List<Path> sources;
        try (var walk = Files.walk(from)) {
            sources = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path source : sources) {
            Path target = to.resolve(from.relativize(source).toString());
            Files.createDirectories(target.getParent());
            try (InputStream in = Files.newInputStream(source);
                 FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW,
                         StandardOpenOption.WRITE)) {
                created.add(target);
                bytes += in.transferTo(java.nio.channels.Channels.newOutputStream(channel));
                channel.force(true);
            }
        }
        return bytes;
    }

    /** An output stream to a new file that reaches the disk before {@code close} returns. */
    static OutputStream durableOutput(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new java.io.FilterOutputStream(java.nio.channels.Channels.newOutputStream(channel)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                try {
                    flush();
                    channel.force(true);
                } finally {
                    channel.close();
                }
            }
        };
    }

    static boolean holdsAnyFile(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var walk = Files.walk(folder)) {
            return walk.anyMatch(Files::isRegularFile);
        }
    }

    static String sha256(Path file) throws IOException {
        var digest = Backups.sha256();
        try (InputStream in = new java.security.DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    static long size(Path folder) throws IOException {
        try (var walk = Files.walk(folder)) {
            long total = 0;
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Best effort: makes a rename or new entry in {@code folder} durable; not every file system allows it. */
    static void forceDirectory(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The data itself is already on disk; only the directory entry may be lost on a power cut.
        }
    }
}
