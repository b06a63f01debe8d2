/**
 * The append-only, hash-chained audit log. It listens to every {@link cn.luoshi.common.events.AuditableEvent}
 * and offers reading ({@link cn.luoshi.audit.AuditTrail}) and chain verification.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package cn.luoshi.audit;
