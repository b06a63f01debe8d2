package cn.luoshi.audit;

import java.time.OffsetDateTime;

/** One line of the audit log as readers see it. */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String action, String entityType,
                         String entityId, Long unitId, String unitName, String summary, String before,
                         String after, String hash) {
}
