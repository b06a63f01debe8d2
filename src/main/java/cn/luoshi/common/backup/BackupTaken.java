package cn.luoshi.common.backup;

/**
 * A finished backup: its folder, the bytes it takes on disk, and its manifest.
 *
 * @param folder absolute path of the backup folder, as {@code LUOSHI_RESTORE_FROM} takes it
 */
public record BackupTaken(String name, String folder, long sizeBytes, BackupManifest manifest) {
}
