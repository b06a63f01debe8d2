package cn.luoshi.task;

import java.time.LocalDate;
import java.util.List;

/**
 * What registering a task needs. Validation (dates, units in scope, a sub-task's deadline within its parent's)
 * happens in {@link Tasks#register}.
 *
 * @param leadUnitId           牵头单位
 * @param coUnitIds            配合单位 (may be empty)
 * @param leaderId             包保领导: a user holding the LEADER role, or null
 * @param startDate            null means today
 * @param reportCycle          null means monthly
 * @param priority             null means normal
 * @param parentId             the task this one is a part of (层层分解), or null
 * @param source               null means manual
 * @param requiresHeadApproval handler reports wait for the unit head before the supervision office sees them
 * @param assign               issue it at once (立项下发) instead of keeping a draft
 */
public record NewTask(String title, String description, Long leadUnitId, List<Long> coUnitIds, Long leaderId,
                      LocalDate startDate, LocalDate dueDate, ReportCycle reportCycle, Priority priority,
                      List<String> tags, Long parentId, TaskSource source, boolean requiresHeadApproval,
                      boolean assign) {

    public NewTask {
        coUnitIds = coUnitIds == null ? List.of() : List.copyOf(coUnitIds);
        tags = tags == null ? List.of() : List.copyOf(tags);
        reportCycle = reportCycle == null ? ReportCycle.MONTHLY : reportCycle;
        priority = priority == null ? Priority.NORMAL : priority;
        source = source == null ? TaskSource.manual() : source;
    }

    /** The usual case: a task of a meeting for one lead unit, issued later by the supervision office. */
    public static NewTask of(String title, long leadUnitId, LocalDate dueDate, TaskSource source) {
        return new NewTask(title, null, leadUnitId, List.of(), null, null, dueDate, null, null, List.of(), null,
                source, false, false);
    }

    public NewTask withParent(Long parent) {
        return new NewTask(title, description, leadUnitId, coUnitIds, leaderId, startDate, dueDate, reportCycle,
                priority, tags, parent, source, requiresHeadApproval, assign);
    }

    public NewTask assigned() {
        return new NewTask(title, description, leadUnitId, coUnitIds, leaderId, startDate, dueDate, reportCycle,
                priority, tags, parentId, source, requiresHeadApproval, true);
    }
}
