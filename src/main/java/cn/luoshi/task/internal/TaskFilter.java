package cn.luoshi.task.internal;

import java.time.LocalDate;
import java.util.List;

import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.task.Priority;
import cn.luoshi.task.TaskStatus;

/**
 * The list's filters; every field is optional. {@code unitId} matches tasks the unit (or a unit below it) leads or
 * co-operates on; {@code light} is the light on the clock's today; {@code todo} keeps what that to-do asks of the
 * unit {@code todoUnitId} (the signed-in user's).
 */
public record TaskFilter(Long unitId, List<TaskStatus> statuses, StatusLight light, Long meetingId, Long leaderId,
                         LocalDate dueFrom, LocalDate dueTo, String q, Long parentId, boolean topLevelOnly,
                         String tag, Priority priority, Integer minEscalation, TaskSort sort, TaskTodo todo,
                         Long todoUnitId) {

    public TaskFilter(Long unitId, List<TaskStatus> statuses, StatusLight light, Long meetingId, Long leaderId,
                      LocalDate dueFrom, LocalDate dueTo, String q, Long parentId, boolean topLevelOnly,
                      String tag, Priority priority, Integer minEscalation, TaskSort sort) {
        this(unitId, statuses, light, meetingId, leaderId, dueFrom, dueTo, q, parentId, topLevelOnly, tag, priority,
                minEscalation, sort, null, null);
    }

    public TaskFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        sort = sort == null ? TaskSort.DUE : sort;
        q = q == null || q.isBlank() ? null : q.strip();
        tag = tag == null || tag.isBlank() ? null : tag.strip();
    }

    public static TaskFilter none() {
        return new TaskFilter(null, null, null, null, null, null, null, null, null, false, null, null, null, null);
    }

    public TaskFilter withLight(StatusLight other) {
        return new TaskFilter(unitId, statuses, other, meetingId, leaderId, dueFrom, dueTo, q, parentId,
                topLevelOnly, tag, priority, minEscalation, sort, todo, todoUnitId);
    }

    public TaskFilter sortedBy(TaskSort other) {
        return new TaskFilter(unitId, statuses, light, meetingId, leaderId, dueFrom, dueTo, q, parentId,
                topLevelOnly, tag, priority, minEscalation, other, todo, todoUnitId);
    }

    /** Only what the to-do asks of the unit (the signed-in user's). */
    public TaskFilter withTodo(TaskTodo kind, Long unit) {
        return new TaskFilter(unitId, statuses, light, meetingId, leaderId, dueFrom, dueTo, q, parentId,
                topLevelOnly, tag, priority, minEscalation, sort, kind, unit);
    }
}
