package cn.luoshi.task;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.luoshi.common.progress.StatusLight;

/** A task as other modules see it (e.g. the problems of a project, the tasks of a meeting). */
public record TaskSummary(long id, String title, TaskStatus status, StatusLight light, BigDecimal progress,
                          LocalDate dueDate, long leadUnitId, String leadUnitName, SourceKind sourceKind,
                          Long sourceId, String sourceKey) {
}
