package cn.luoshi.task.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.luoshi.common.progress.LightThresholds;
import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.task.Priority;
import cn.luoshi.task.ReportCycle;
import cn.luoshi.task.SourceKind;
import cn.luoshi.task.TaskStatus;

/**
 * Everything about one task a reader may see: the record, today's light and time-progress, the visible children,
 * the open rung of the escalation ladder, what the reader may do now ({@code allowedActions}, from
 * {@link TaskRules}) and the version to send back with a step.
 */
public record TaskDetail(long id, String title, String description, TaskStatus status, StatusLight light,
                         BigDecimal progress, BigDecimal reportedProgress, BigDecimal timeProgress,
                         LocalDate startDate, LocalDate dueDate, long daysLeft, Ref leadUnit, List<Ref> coUnits,
                         Ref leader, ReportCycle reportCycle, Priority priority, List<String> tags, Ref parent,
                         Source source, boolean requiresHeadApproval, int escalationLevel, LocalDate nextReportDue,
                         OffsetDateTime lastReportAt, int returnCount, LightThresholds thresholds,
                         LightSchedule lightSchedule, List<TaskListItem> children, int childCount,
                         PendingExtension pendingExtension, EscalationRow openEscalation,
                         List<String> allowedActions, String createdBy,
                         OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime completedAt,
                         int version) {

    /** Where the task came from. */
    public record Source(SourceKind kind, Long id, String title, String outlinePath, String text, String key) {
    }

    public record PendingExtension(long id, LocalDate currentDue, LocalDate requestedDue, String reason,
                                   String requestedBy, OffsetDateTime requestedAt) {
    }

    static TaskDetail of(TaskRow t, List<Ref> coUnits, Ref parent, List<TaskListItem> children, int childCount,
                         PendingExtension extension, EscalationRow escalation, List<String> allowed,
                         LightThresholds thresholds,
                         LocalDate today) {
        return new TaskDetail(t.id(), t.title(), t.description(), t.status(), t.lightOn(today), t.progress(),
                t.reportedProgress(), t.timeProgressOn(today), t.startDate(), t.dueDate(),
                ChronoUnit.DAYS.between(today, t.dueDate()), new Ref(t.leadUnitId(), t.leadUnitName()), coUnits,
                t.leaderId() == null ? null : new Ref(t.leaderId(), t.leaderName()), t.reportCycle(), t.priority(),
                t.tags(), parent, new Source(t.sourceKind(), t.sourceId(), t.meetingTitle(), t.outlinePath(),
                        t.sourceText(), t.sourceKey()), t.requiresHeadApproval(), t.escalationLevel(),
                t.nextReportDue(), t.lastReportAt(), t.returnCount(), thresholds, t.schedule(), children, childCount,
                extension, escalation, allowed, t.createdBy(), t.createdAt(), t.updatedAt(), t.completedAt(), t.version());
    }

    public boolean can(String action) {
        return allowedActions.contains(action);
    }
}
