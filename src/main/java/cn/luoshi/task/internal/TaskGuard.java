package cn.luoshi.task.internal;

import java.util.List;

import cn.luoshi.org.LuoshiUser;
import cn.luoshi.task.TaskAction;
import org.springframework.stereotype.Component;

/**
 * Reads what {@link TaskRules} needs about a task and a person, and asks the rules: one path for every operation the
 * service performs and for the operations the page and the API offer.
 */
@Component
class TaskGuard {

    private final TaskRepository tasks;
    private final TaskReports reports;
    private final TaskExtensions extensions;
    private final TaskEscalations escalations;

    TaskGuard(TaskRepository tasks, TaskReports reports, TaskExtensions extensions, TaskEscalations escalations) {
        this.tasks = tasks;
        this.reports = reports;
        this.extensions = extensions;
        this.escalations = escalations;
    }

    /** What the person is to the task and what the rules read: a handful of small queries on the task's keys. */
    record Standing(Participation by, TaskFacts facts) {
    }

    Standing standing(TaskRow task, LuoshiUser me) {
        Participation by = Participation.of(me, task, tasks.coUnits(task.id()));
        TaskFacts facts = new TaskFacts(tasks.openChildren(task.id()), reports.hasEvidence(task.id(),
                task.leadUnitId()), extensions.pending(task.id()).isPresent(),
                me.unitId() != null && !reports.pendingFor(task.id(), me.unitId()).isEmpty(),
                escalations.open(task.id()).orElse(null));
        return new Standing(by, facts);
    }

    /** Throws the rules' refusal (403, 409) unless the person may do this to the task now. */
    Standing check(TaskOperation op, TaskRow task, LuoshiUser me) {
        Standing standing = standing(task, me);
        TaskRules.check(op, task, standing.by(), standing.facts());
        return standing;
    }

    Step step(TaskAction action, TaskRow task, LuoshiUser me) {
        Standing standing = standing(task, me);
        return TaskRules.step(action, task, standing.by(), standing.facts());
    }

    List<String> allowed(TaskRow task, LuoshiUser me) {
        Standing standing = standing(task, me);
        return TaskRules.allowed(task, standing.by(), standing.facts());
    }
}
