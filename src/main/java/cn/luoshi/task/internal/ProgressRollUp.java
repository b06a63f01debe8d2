package cn.luoshi.task.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

/**
 * Stores a task's new progress and carries it up the tree: a task with children shows the mean of its children
 * (completed ones count 100%, cancelled ones not at all), at any depth. Whenever progress moves, the light schedule
 * moves with it, and a task whose light has recovered drops back from 督办/催办.
 */
@Component
class ProgressRollUp {

    private final TaskRepository tasks;
    private final TaskLights lights;
    private final TaskEvents timeline;
    private final Clock clock;

    ProgressRollUp(TaskRepository tasks, TaskLights lights, TaskEvents timeline, Clock clock) {
        this.tasks = tasks;
        this.lights = lights;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** The lead unit reported {@code reported} percent on this task. */
    void apply(long taskId, BigDecimal reported, OffsetDateTime now) {
        TaskRow task = tasks.find(taskId).orElseThrow();
        store(task, reported, now);
        fromChild(taskId, now);
    }

    /** A child changed (progress, status, new or cancelled): recompute every ancestor, nearest first. */
    void fromChild(long childId, OffsetDateTime now) {
        for (long ancestorId : tasks.ancestorsOf(childId)) {
            TaskRow ancestor = tasks.find(ancestorId).orElseThrow();
            if (ancestor.status().isFinished()) {
                return;
            }
            store(ancestor, ancestor.reportedProgress(), now);
        }
    }

    private void store(TaskRow task, BigDecimal reported, OffsetDateTime now) {
        if (task.status().isFinished()) {
            return;
        }
        BigDecimal effective = tasks.childrenProgress(task.id()).orElse(reported);
        LightSchedule schedule = lights.schedule(task.status(), effective, task.startDate(), task.dueDate(),
                task.leadUnitId());
        tasks.updateProgress(task.id(), effective, reported, schedule, now);
        ease(task, schedule, now);
    }

    /** Lowers the escalation level when the light today no longer calls for it. */
    void ease(TaskRow task, LightSchedule schedule, OffsetDateTime now) {
        LocalDate today = LocalDate.now(clock);
        int due = TaskLights.escalationFor(schedule.on(today));
        if (task.escalationLevel() > due) {
            tasks.setEscalation(task.id(), due);
            timeline.record(task.id(), TaskEventKind.DEESCALATED, Actor.SYSTEM, now, null, null, null, null, null,
                    due);
        }
    }
}
