package cn.luoshi.task.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.task.Priority;
import cn.luoshi.task.ReportCycle;
import cn.luoshi.task.TaskStatus;

/**
 * A task as lists show it. {@code progress} and {@code timeProgress} are percentages; {@code light} is today's.
 *
 * @param daysLeft days until the deadline (negative when overdue)
 */
public record TaskListItem(long id, String title, TaskStatus status, StatusLight light, BigDecimal progress,
                           BigDecimal timeProgress, LocalDate startDate, LocalDate dueDate, long daysLeft,
                           Ref leadUnit, List<Ref> coUnits, Ref leader, Long parentId, int depth, int childCount,
                           Ref meeting, String outlinePath, ReportCycle reportCycle, Priority priority,
                           List<String> tags, int escalationLevel, LocalDate nextReportDue, int version) {

    static TaskListItem of(TaskRow t, List<Ref> coUnits, int childCount, LocalDate today) {
        return new TaskListItem(t.id(), t.title(), t.status(), t.lightOn(today), t.progress(),
                t.timeProgressOn(today), t.startDate(), t.dueDate(), ChronoUnit.DAYS.between(today, t.dueDate()),
                new Ref(t.leadUnitId(), t.leadUnitName()), coUnits,
                t.leaderId() == null ? null : new Ref(t.leaderId(), t.leaderName()), t.parentId(), t.depth(),
                childCount, t.meetingId() == null ? null : new Ref(t.meetingId(), t.meetingTitle()),
                t.outlinePath(), t.reportCycle(), t.priority(), t.tags(), t.escalationLevel(), t.nextReportDue(),
                t.version());
    }
}
