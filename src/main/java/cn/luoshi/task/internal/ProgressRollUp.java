package cn.luoshi.task.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

/**
 * Stores a task's new progress and carries it up the tree: a task with children shows the mean of its children
 * (completed ones count 100%, cancelled ones not at all), at any depth. Whenever progress moves, the light schedule
 * moves with it, and a task whose light has recovered leaves the rung the daily round raised (提醒, 催办, 督办).
 */
@Component
class ProgressRollUp {

    private final TaskRepository tasks;
    private final TaskLights lights;
    private final EscalationLadder ladder;

    ProgressRollUp(TaskRepository tasks, TaskLights lights, EscalationLadder ladder) {
        this.tasks = tasks;
        this.lights = lights;
        this.ladder = ladder;
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

    /** Lifts the daily round's rung when the light today no longer calls for it. */
    void ease(TaskRow task, LightSchedule schedule, OffsetDateTime now) {
        ladder.recover(task, schedule, now);
    }
}
