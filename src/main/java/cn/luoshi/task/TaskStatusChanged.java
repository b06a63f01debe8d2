package cn.luoshi.task;

/**
 * Published in the transaction of every workflow step, for modules that follow their tasks (a project problem is
 * solved when its task is completed; an appeal answered when its task is).
 */
public record TaskStatusChanged(long taskId, TaskStatus from, TaskStatus to, SourceKind sourceKind, Long sourceId,
                                String sourceKey, long leadUnitId) {
}
