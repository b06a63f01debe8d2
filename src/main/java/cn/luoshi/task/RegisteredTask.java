package cn.luoshi.task;

/**
 * The outcome of a registration.
 *
 * @param created false when the same source item had been registered before and that task was returned
 */
public record RegisteredTask(long id, TaskStatus status, boolean created) {
}
