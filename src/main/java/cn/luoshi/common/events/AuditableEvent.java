package cn.luoshi.common.events;

/**
 * A domain event that records a change of state. Modules publish these; the audit module writes each one to the
 * hash-chained log in the same transaction as the change itself, so the log can never miss a committed change.
 */
public interface AuditableEvent {

    /** What happened, dotted and stable, e.g. {@code org.unit.renamed}, {@code task.assigned}. */
    String action();

    /** The kind of record changed, e.g. {@code OrgUnit}, {@code Task}. */
    String entityType();

    String entityId();

    /** The org unit the record belongs to, so the log can be read within a data scope; null when none. */
    Long unitId();

    /** A short sentence in Chinese for the audit page. */
    String summary();

    /** The record before the change (null for a creation); serialised to JSON. */
    Object before();

    /** The record after the change (null for a deletion); serialised to JSON. */
    Object after();
}
