package cn.luoshi.task;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import cn.luoshi.common.progress.StatusLight;

/**
 * Where the tasks of a reader's scope stand today, for the leader cockpit: every count is one the board shows with
 * a filter (see {@code TaskOverview}).
 *
 * @param byStatus    tasks per status (the board's {@code status=} filter)
 * @param openByLight the open tasks (issued, not finished: {@link TaskOverview#OPEN}) per light today
 * @param supervised  tasks under 督办 or higher (约谈, 问责): the board's {@code escalation=3}
 * @param urgent      open tasks that are red or under 督办 or higher, nearest deadline first (at most ten)
 * @param byUnit      per unit asked for: its tasks (lead or co-unit, itself or below) that were issued and not
 *                    cancelled, and how many of them are completed; best completion rate first
 * @param instructions the leaders' instructions (批示) of the period, newest first, and whether the lead unit has
 *                    answered each with a progress report since
 */
public record TaskStanding(LocalDate today, long total, Map<TaskStatus, Long> byStatus,
                           Map<StatusLight, Long> openByLight, long supervised, List<Urgent> urgent,
                           List<UnitCompletion> byUnit, List<Instruction> instructions) {

    public record Urgent(long id, String title, TaskStatus status, StatusLight light, int escalationLevel,
                         LocalDate dueDate, long overdueDays, long leadUnitId, String leadUnitName) {
    }

    public record UnitCompletion(long unitId, String unitName, long tasks, long completed, Double rate) {
    }

    public record Instruction(long taskId, String taskTitle, String leadUnitName, String leaderName,
                              OffsetDateTime at, String text, OffsetDateTime answeredAt) {

        public boolean answered() {
            return answeredAt != null;
        }
    }
}
