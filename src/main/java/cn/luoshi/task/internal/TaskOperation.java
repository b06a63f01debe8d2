package cn.luoshi.task.internal;

import cn.luoshi.task.TaskAction;

/**
 * Everything a person can do to a task after registration: the workflow steps of {@link TaskAction} and the other
 * operations. {@link TaskRules} decides each one, for the service and for {@code allowedActions} alike.
 */
public enum TaskOperation {
    ASSIGN, ACCEPT, REQUEST_COMPLETION, APPROVE_COMPLETION, RETURN, CANCEL,
    /** 进展反馈: the lead unit, or a co-unit on its part. */
    REPORT_PROGRESS,
    /** The unit head approves or refuses a report its handler filed. */
    DECIDE_REPORT,
    REQUEST_EXTENSION, DECIDE_EXTENSION,
    /** 领导批示. */
    INSTRUCT,
    /** 催办 by hand: a message, not a rung of the ladder. */
    REMIND,
    /** 层层分解. */
    ADD_SUBTASK,
    /** Raise the task to a higher rung of the escalation ladder. */
    RAISE_ESCALATION,
    /** The lead unit answers the open rung. */
    RESPOND_ESCALATION,
    /** The supervision office closes the open rung. */
    CLOSE_ESCALATION;

    static TaskOperation of(TaskAction action) {
        return valueOf(action.name());
    }

    /** The workflow step this operation is, if it is one. */
    TaskAction action() {
        for (TaskAction action : TaskAction.values()) {
            if (action.name().equals(name())) {
                return action;
            }
        }
        return null;
    }
}
