package cn.luoshi.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.luoshi.org.LuoshiUser;
import cn.luoshi.task.internal.EscalationLadder;
import cn.luoshi.task.internal.TaskRegistration;
import cn.luoshi.task.internal.TaskViews;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task module's API for other modules: register tasks (a meeting's deployments, a project's problems) and read
 * them back within the caller's data scope, and count the rungs of the escalation ladder raised on each unit.
 */
@Service
public class Tasks {

    private final TaskRegistration registration;
    private final TaskViews views;
    private final EscalationLadder ladder;

    Tasks(TaskRegistration registration, TaskViews views, EscalationLadder ladder) {
        this.registration = registration;
        this.views = views;
        this.ladder = ladder;
    }

    /**
     * Registers one task, as a draft or issued at once ({@link NewTask#assign()}). Registering the same source item
     * (kind, source id, source key) again returns the existing task with {@code created = false}. Joins the caller's
     * transaction, so a whole meeting's tasks can be registered together or not at all.
     */
    @Transactional
    public RegisteredTask register(NewTask task, LuoshiUser actor) {
        return registration.register(task, actor);
    }

    /** Registers several tasks in one transaction; any refusal leaves none registered. */
    @Transactional
    public List<RegisteredTask> registerAll(List<NewTask> tasks, LuoshiUser actor) {
        List<RegisteredTask> registered = new ArrayList<>();
        for (NewTask task : tasks) {
            registered.add(registration.register(task, actor));
        }
        return registered;
    }

    /** The task if it lies within the actor's scope. */
    public Optional<TaskSummary> find(long id, LuoshiUser actor) {
        return views.summary(id, actor);
    }

    /** The tasks that came from one source (a meeting, a project…) that the actor may see. */
    public List<TaskSummary> bySource(SourceKind kind, long sourceId, LuoshiUser actor) {
        return views.bySource(kind, sourceId, actor);
    }

    /**
     * The rungs raised from {@code from} to {@code to} (inclusive; null: from the first of the year to today) on
     * the tasks of each unit in the actor's scope, by rung. Units with none are left out.
     */
    public List<UnitEscalations> escalationCounts(LocalDate from, LocalDate to, LuoshiUser actor) {
        return ladder.counts(from, to, actor);
    }
}
