package cn.luoshi.project;

/**
 * Where a registered project came from: a meeting and the key of the item extracted from its speech. Registering
 * the same source twice finds the project registered the first time.
 */
public record ProjectSource(long meetingId, String key) {
}
