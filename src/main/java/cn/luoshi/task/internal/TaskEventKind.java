package cn.luoshi.task.internal;

/** What a timeline entry records, with the icon the timeline shows for it. */
public enum TaskEventKind {
    CREATED("plus-circle"),
    SUBTASK_ADDED("diagram-3"),
    ASSIGNED("send"),
    ACCEPTED("check2-square"),
    PROGRESS_REPORTED("graph-up-arrow"),
    REPORT_APPROVED("patch-check"),
    REPORT_REJECTED("arrow-counterclockwise"),
    COMPLETION_REQUESTED("flag"),
    COMPLETED("check-circle-fill"),
    RETURNED("arrow-return-left"),
    CANCELLED("x-circle"),
    EXTENSION_REQUESTED("calendar-plus"),
    EXTENSION_APPROVED("calendar-check"),
    EXTENSION_REFUSED("calendar-x"),
    INSTRUCTION("pen"),
    REMINDER("bell"),
    REPORT_OVERDUE("clock-history"),
    ESCALATED("exclamation-triangle-fill"),
    DEESCALATED("arrow-down-circle"),
    ESCALATION_RESPONDED("chat-left-text"),
    ESCALATION_CLOSED("check2-circle");

    private final String icon;

    TaskEventKind(String icon) {
        this.icon = icon;
    }

    public String icon() {
        return icon;
    }
}
