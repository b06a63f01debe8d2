package cn.luoshi.common.events;

/** A ready-made {@link AuditableEvent} for changes that need no event type of their own. */
public record AuditRecord(String action, String entityType, String entityId, Long unitId, String summary,
                          Object before, Object after) implements AuditableEvent {
}
