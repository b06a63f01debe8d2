package cn.luoshi.task.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.luoshi.task.TaskStatus;

/** What the audit log keeps of a task before and after a change. */
record TaskSnapshot(long id, String title, TaskStatus status, BigDecimal progress, LocalDate dueDate,
                    long leadUnitId, int escalationLevel, int version) {

    static TaskSnapshot of(TaskRow t) {
        return t == null ? null : new TaskSnapshot(t.id(), t.title(), t.status(), t.progress(), t.dueDate(),
                t.leadUnitId(), t.escalationLevel(), t.version());
    }
}
