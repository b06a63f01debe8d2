package cn.luoshi.task;

/** The workflow steps of {@code POST /api/v1/tasks/{id}/transitions}. */
public enum TaskAction {
    /** 立项下发: DRAFT → ASSIGNED, by the supervision office. */
    ASSIGN,
    /** 签收: ASSIGNED → ACCEPTED, by the lead unit. */
    ACCEPT,
    /** 申请办结: IN_PROGRESS → COMPLETION_REQUESTED, by the lead unit, with evidence. */
    REQUEST_COMPLETION,
    /** 审核销号: COMPLETION_REQUESTED → COMPLETED, by the supervision office. */
    APPROVE_COMPLETION,
    /** 退回: COMPLETION_REQUESTED → IN_PROGRESS with a reason, by the supervision office. */
    RETURN,
    /** 撤销: any unfinished status → CANCELLED with a reason, by the supervision office. */
    CANCEL
}
