package cn.luoshi.task.internal;

/** Something a task points at (a unit, a person, a meeting, a parent task): its id and what to call it. */
public record Ref(long id, String name) {
}
