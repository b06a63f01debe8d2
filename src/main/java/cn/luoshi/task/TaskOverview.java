package cn.luoshi.task;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.luoshi.org.LuoshiUser;
import cn.luoshi.task.internal.TaskStandingQuery;
import org.springframework.stereotype.Service;

/**
 * The task module's read for overviews such as the leader cockpit: the standing of the reader's tasks in a few
 * set-based queries, each count matching a filter of the board ({@code /tasks}).
 */
@Service
public class TaskOverview {

    /** Issued and not finished: the tasks whose light matters. */
    public static final Set<TaskStatus> OPEN = EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.ACCEPTED,
            TaskStatus.IN_PROGRESS, TaskStatus.COMPLETION_REQUESTED);
    /** Issued and not cancelled: what a unit's completion rate is counted over. */
    public static final Set<TaskStatus> COUNTED = EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.ACCEPTED,
            TaskStatus.IN_PROGRESS, TaskStatus.COMPLETION_REQUESTED, TaskStatus.COMPLETED);

    /** The escalation level from which a task is under 督办 (督办, 约谈, 问责): the board's {@code escalation=3}. */
    public static final int SUPERVISED_LEVEL = EscalationRung.SUPERVISION.level();

    private final TaskStandingQuery query;

    TaskOverview(TaskStandingQuery query) {
        this.query = query;
    }

    /**
     * @param raceUnitIds the units to compare by completion (those outside the reader's scope are left out)
     * @param from        first day of the period whose instructions are listed
     * @param to          last day of it
     */
    public TaskStanding standing(LuoshiUser me, List<Long> raceUnitIds, LocalDate from, LocalDate to) {
        return query.standing(me, raceUnitIds, from, to);
    }
}
