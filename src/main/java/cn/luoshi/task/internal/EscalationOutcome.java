package cn.luoshi.task.internal;

/** How a rung of the escalation ladder ended. */
public enum EscalationOutcome {
    /** The next rung was raised: this one goes on in it. */
    ESCALATED,
    /** The office found the delay put right (整改到位). */
    RECTIFIED,
    /** The office concluded it (约谈 held, 问责 carried out). */
    CONCLUDED,
    /** The light recovered (progress caught up, deadline extended): the daily round's rung is lifted. */
    RECOVERED,
    /** The task was completed or cancelled. */
    TASK_FINISHED;

    /** The outcomes the supervision office chooses when it closes a rung. */
    public boolean byOffice() {
        return this == RECTIFIED || this == CONCLUDED;
    }
}
