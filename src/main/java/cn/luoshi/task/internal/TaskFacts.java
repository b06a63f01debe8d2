package cn.luoshi.task.internal;

/**
 * What the rules read about a task besides its row and the person: loaded by {@link TaskGuard} for each check.
 *
 * @param openChildren       sub-tasks not yet completed or cancelled
 * @param evidence           the lead unit has put evidence on an approved report
 * @param pendingExtension   an extension request waits for the supervision office
 * @param pendingReportForMe a report of the reader's own unit waits for its head
 * @param openEscalation     the open rung of the escalation ladder, or null
 */
record TaskFacts(int openChildren, boolean evidence, boolean pendingExtension, boolean pendingReportForMe,
                 EscalationRow openEscalation) {
}
