package cn.luoshi.task;

import java.util.EnumSet;
import java.util.Set;

/** Where a task stands in the supervision workflow. A returned task goes back to IN_PROGRESS. */
public enum TaskStatus {
    /** 草稿: registered, not yet issued to the unit. */
    DRAFT,
    /** 已下发 (立项下发): issued, waiting for the unit to sign for it. */
    ASSIGNED,
    /** 已签收. */
    ACCEPTED,
    /** 推进中: at least one progress report filed. */
    IN_PROGRESS,
    /** 申请办结: the unit asks to close it, with evidence. */
    COMPLETION_REQUESTED,
    /** 已办结 (审核销号). */
    COMPLETED,
    /** 已撤销. */
    CANCELLED;

    /** The statuses in which the unit is working on the task and may be reminded. */
    public static final Set<TaskStatus> WORKING = EnumSet.of(ASSIGNED, ACCEPTED, IN_PROGRESS);

    public boolean isFinished() {
        return this == COMPLETED || this == CANCELLED;
    }

    public boolean isWorking() {
        return WORKING.contains(this);
    }
}
