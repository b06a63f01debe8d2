package cn.luoshi.task.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.common.progress.TimeProgress;
import cn.luoshi.task.Priority;
import cn.luoshi.task.ReportCycle;
import cn.luoshi.task.SourceKind;
import cn.luoshi.task.TaskStatus;

/** One stored task with the names it points at (lead unit, leader, meeting), read in a single query. */
public record TaskRow(long id, String title, String description, long leadUnitId, String leadUnitName,
                      Long leaderId, String leaderName, LocalDate startDate, LocalDate dueDate,
                      ReportCycle reportCycle, Priority priority, List<String> tags, Long parentId, int depth,
                      SourceKind sourceKind, Long sourceId, String sourceKey, String outlinePath, String sourceText,
                      String meetingTitle, boolean requiresHeadApproval, TaskStatus status, BigDecimal progress,
                      BigDecimal reportedProgress, LightSchedule schedule, int escalationLevel,
                      LocalDate nextReportDue, OffsetDateTime lastReportAt, int returnCount,
                      OffsetDateTime completedAt, String createdBy, OffsetDateTime createdAt,
                      OffsetDateTime updatedAt, int version) {

    public StatusLight lightOn(LocalDate day) {
        return schedule.on(day);
    }

    /** Time-progress in percent (one decimal), what the unit should have done by {@code day}. */
    public BigDecimal timeProgressOn(LocalDate day) {
        return Percent.of(TimeProgress.ofTask(startDate, dueDate, day));
    }

    public Long meetingId() {
        return sourceKind == SourceKind.MEETING ? sourceId : null;
    }
}
