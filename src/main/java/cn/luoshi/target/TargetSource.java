package cn.luoshi.target;

/**
 * Where a target came from: a meeting and a key that is stable for one extracted item (e.g. its character offsets in
 * the speech). Registering the same source twice returns the target registered the first time.
 */
public record TargetSource(long meetingId, String key) {
}
