package cn.luoshi.audit;

import java.time.OffsetDateTime;

/**
 * A signed note, kept outside the database, of the chain head at one moment: the newest row and its hash.
 *
 * @param rowId    the audit row that was the head
 * @param hash     that row's hash when the checkpoint was written
 * @param at       when the checkpoint was written
 * @param location where it is kept, as {@code file:line}
 */
public record AuditCheckpoint(long rowId, String hash, OffsetDateTime at, String location) {
}
