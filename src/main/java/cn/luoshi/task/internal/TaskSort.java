package cn.luoshi.task.internal;

import java.util.Locale;

/** Orders of the task list; each ends with the id so pages never overlap. */
public enum TaskSort {
    DUE("t.due_date, t.id"),
    DUE_DESC("t.due_date desc, t.id desc"),
    /** Most urgent light first, open tasks before finished ones, then the nearest deadline. */
    LIGHT(TaskQuery.LIGHT_RANK + ", t.status in ('COMPLETED', 'CANCELLED'), t.due_date, t.id"),
    PROGRESS("t.progress, t.due_date, t.id"),
    PROGRESS_DESC("t.progress desc, t.due_date, t.id"),
    UPDATED("t.updated_at desc, t.id desc"),
    CREATED("t.id desc"),
    TITLE("t.title, t.id");

    private final String orderBy;

    TaskSort(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy;
    }

    /** Accepts {@code due}, {@code -due}, {@code light}, {@code -progress} …; unknown values fall back to due. */
    public static TaskSort parse(String value) {
        if (value == null || value.isBlank()) {
            return DUE;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        boolean desc = v.startsWith("-");
        return switch (desc ? v.substring(1) : v) {
            case "due", "due_date", "duedate" -> desc ? DUE_DESC : DUE;
            case "light" -> LIGHT;
            case "progress" -> desc ? PROGRESS_DESC : PROGRESS;
            case "updated" -> UPDATED;
            case "created", "id" -> CREATED;
            case "title" -> TITLE;
            default -> DUE;
        };
    }

    public String key() {
        return switch (this) {
            case DUE -> "due";
            case DUE_DESC -> "-due";
            case LIGHT -> "light";
            case PROGRESS -> "progress";
            case PROGRESS_DESC -> "-progress";
            case UPDATED -> "updated";
            case CREATED -> "created";
            case TITLE -> "title";
        };
    }
}
