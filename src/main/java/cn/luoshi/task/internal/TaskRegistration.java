package cn.luoshi.task.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.task.NewTask;
import cn.luoshi.task.RegisteredTask;
import cn.luoshi.task.SourceKind;
import cn.luoshi.task.TaskStatus;
import cn.luoshi.task.TaskStatusChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers tasks and sub-tasks (立项, 层层分解). The supervision office registers anything in its region; a lead
 * unit that has signed for its task decomposes it for the task's co-units and the units within its own scope, and
 * those sub-tasks are issued at once. Who may add a sub-task when is {@link TaskRules} (ADD_SUBTASK).
 */
@Service
public class TaskRegistration {

    static final int TITLE_MAX = 300;
    static final int TAGS_MAX = 10;

    private final TaskRepository tasks;
    private final TaskEvents timeline;
    private final TaskLights lights;
    private final TaskNotices notices;
    private final OrgUnits units;
    private final ProgressRollUp rollUp;
    private final TaskGuard guard;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaskRegistration(TaskRepository tasks, TaskEvents timeline, TaskLights lights, TaskNotices notices,
                     OrgUnits units, ProgressRollUp rollUp, TaskGuard guard, JdbcClient jdbc,
                     ApplicationEventPublisher events, Clock clock) {
        this.tasks = tasks;
        this.timeline = timeline;
        this.lights = lights;
        this.notices = notices;
        this.units = units;
        this.rollUp = rollUp;
        this.guard = guard;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public RegisteredTask register(NewTask cmd, LuoshiUser actor) {
        return register(cmd, actor, OffsetDateTime.now(clock));
    }

    @Transactional
    RegisteredTask register(NewTask cmd, LuoshiUser actor, OffsetDateTime now) {
        if (cmd.source().sourceKey() != null && !cmd.source().sourceKey().isBlank()) {
            Optional<Long> existing = tasks.findBySourceKey(cmd.source().kind(), cmd.source().sourceId(),
                    cmd.source().sourceKey().strip());
            if (existing.isPresent()) {
                return new RegisteredTask(existing.get(), tasks.find(existing.get()).orElseThrow().status(), false);
            }
        }
        LocalDate today = now.atZoneSameInstant(clock.getZone()).toLocalDate();
        TaskRow parent = cmd.parentId() == null ? null
                : tasks.findVisible(cmd.parentId(), actor.scope(), true)
                        .orElseThrow(() -> DomainException.notFound("task.task", cmd.parentId()));
        boolean issuedByUnit = authorise(cmd, actor, parent);
        validate(cmd, actor, parent, issuedByUnit, today);

        TaskStatus status = cmd.assign() || issuedByUnit ? TaskStatus.ASSIGNED : TaskStatus.DRAFT;
        LocalDate start = cmd.startDate() != null ? cmd.startDate() : today;
        LightSchedule schedule = lights.schedule(status, BigDecimal.ZERO, start, cmd.dueDate(), cmd.leadUnitId());
        LocalDate nextReport = status == TaskStatus.ASSIGNED
                ? cmd.reportCycle().periodEnd(start.isAfter(today) ? start : today) : null;
        Optional<Long> inserted = tasks.insert(cmd, status, start, parent == null ? 0 : parent.depth() + 1,
                schedule, nextReport, actor.getUsername(), now);
        if (inserted.isEmpty()) {
            // Registered concurrently by someone else a moment ago.
            long id = tasks.findBySourceKey(cmd.source().kind(), cmd.source().sourceId(),
                    cmd.source().sourceKey().strip()).orElseThrow();
            return new RegisteredTask(id, tasks.find(id).orElseThrow().status(), false);
        }
        long id = inserted.get();
        TaskRow created = tasks.find(id).orElseThrow();
        Actor by = Actor.of(actor);
        timeline.record(id, TaskEventKind.CREATED, by, now, null, null, TaskStatus.DRAFT, null, null, null);
        notices.audit("created", null, created, "task.audit.created", created.title(), created.leadUnitName());
        if (status == TaskStatus.ASSIGNED) {
            timeline.record(id, TaskEventKind.ASSIGNED, by, now, null, TaskStatus.DRAFT, TaskStatus.ASSIGNED, null,
                    null, null);
            notices.toLeadUnit(created, "TASK_ASSIGNED", "task-" + id + "-assigned", "task.notice.assigned",
                    created.leadUnitName(), created.dueDate());
            notices.toUnits(tasks.coUnits(id).stream().map(Ref::id).toList(), created, "TASK_ASSIGNED",
                    "task-" + id + "-assigned", "task.notice.coAssigned", created.leadUnitName(),
                    created.dueDate());
            events.publishEvent(new TaskStatusChanged(id, TaskStatus.DRAFT, TaskStatus.ASSIGNED,
                    created.sourceKind(), created.sourceId(), created.sourceKey(), created.leadUnitId()));
        }
        if (parent != null) {
            timeline.record(parent.id(), TaskEventKind.SUBTASK_ADDED, by, now,
                    created.title() + "（" + created.leadUnitName() + "）");
            rollUp.fromChild(id, now);
        }
        return new RegisteredTask(id, status, true);
    }

    /** Refuses (403, or 409 for the task's status) unless the person may add a sub-task to this task now. */
    void checkMayAddSubtask(long parentId, LuoshiUser actor) {
        TaskRow parent = tasks.findVisible(parentId, actor.scope(), false)
                .orElseThrow(() -> DomainException.notFound("task.task", parentId));
        guard.check(TaskOperation.ADD_SUBTASK, parent, actor);
    }

    /** True when a lead unit decomposes its own task (the sub-task is then issued at once). */
    private boolean authorise(NewTask cmd, LuoshiUser actor, TaskRow parent) {
        if (parent != null) {
            guard.check(TaskOperation.ADD_SUBTASK, parent, actor);
            return !actor.has(Role.SUPERVISOR);
        }
        if (actor.has(Role.SUPERVISOR)) {
            return false;
        }
        // Other modules (projects, appeals) register on behalf of users they have already authorised.
        if (cmd.source().kind() == SourceKind.PROJECT || cmd.source().kind() == SourceKind.APPEAL) {
            return false;
        }
        throw DomainException.forbidden("task.error.onlySupervisorRegisters");
    }

    /**
     * {@code byLeadUnit}: the parent's lead unit decomposes, so the parent's co-units may be named besides the units
     * within its own scope.
     */
    private void validate(NewTask cmd, LuoshiUser actor, TaskRow parent, boolean byLeadUnit, LocalDate today) {
        Set<Long> parentCoUnits = byLeadUnit
                ? tasks.coUnits(parent.id()).stream().map(Ref::id).collect(Collectors.toSet()) : Set.of();
        Predicate<OrgUnit> assignable = u -> actor.scope().covers(u) || parentCoUnits.contains(u.id());
        List<FieldProblem> problems = new ArrayList<>();
        if (cmd.title() == null || cmd.title().isBlank()) {
            problems.add(new FieldProblem("title", "validation.NotBlank"));
        } else if (cmd.title().strip().length() > TITLE_MAX) {
            problems.add(new FieldProblem("title", "validation.tooLong", TITLE_MAX));
        }
        if (cmd.leadUnitId() == null) {
            problems.add(new FieldProblem("leadUnitId", "task.error.leadUnitRequired"));
        } else {
            Optional<OrgUnit> lead = units.find(cmd.leadUnitId()).filter(assignable);
            if (lead.isEmpty()) {
                problems.add(new FieldProblem("leadUnitId", "task.error.unitOutOfScope", cmd.leadUnitId()));
            } else if (!lead.get().active()) {
                problems.add(new FieldProblem("leadUnitId", "task.error.unitInactive", lead.get().name()));
            }
        }
        for (Long co : new HashSet<>(cmd.coUnitIds())) {
            if (co == null || units.find(co).filter(u -> u.active() && assignable.test(u)).isEmpty()) {
                problems.add(new FieldProblem("coUnitIds", "task.error.unitOutOfScope", co));
            } else if (co.equals(cmd.leadUnitId())) {
                problems.add(new FieldProblem("coUnitIds", "task.error.coUnitIsLead"));
            }
        }
        if (cmd.leaderId() != null && !isLeader(cmd.leaderId())) {
            problems.add(new FieldProblem("leaderId", "task.error.notALeader"));
        }
        LocalDate start = cmd.startDate() != null ? cmd.startDate() : today;
        if (cmd.dueDate() == null) {
            problems.add(new FieldProblem("dueDate", "task.error.dueRequired"));
        } else if (cmd.dueDate().isBefore(start)) {
            problems.add(new FieldProblem("dueDate", "task.error.dueBeforeStart", start));
        } else if (parent != null && cmd.dueDate().isAfter(parent.dueDate())) {
            problems.add(new FieldProblem("dueDate", "task.error.dueAfterParent", parent.dueDate()));
        }
        if (cmd.tags().size() > TAGS_MAX || cmd.tags().stream().anyMatch(t -> t == null || t.length() > 30)) {
            problems.add(new FieldProblem("tags", "task.error.tags", TAGS_MAX));
        }
        if (cmd.source().kind() == SourceKind.MEETING) {
            if (cmd.source().sourceId() == null || !meetingExists(cmd.source().sourceId())) {
                problems.add(new FieldProblem("meetingId", "task.error.noSuchMeeting"));
            }
        }
        if (cmd.source().outlinePath() != null && cmd.source().outlinePath().length() > 500) {
            problems.add(new FieldProblem("outlinePath", "validation.tooLong", 500));
        }
        if (cmd.source().sourceKey() != null && cmd.source().sourceKey().length() > 200) {
            problems.add(new FieldProblem("sourceKey", "validation.tooLong", 200));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
    }

    private boolean isLeader(long userId) {
        return jdbc.sql("""
                        select exists (select 1 from app_user u join user_role r on r.user_id = u.id
                                       where u.id = ? and u.enabled and r.role = 'LEADER')""")
                .param(userId).query(Boolean.class).single();
    }

    private boolean meetingExists(long meetingId) {
        return jdbc.sql("select exists (select 1 from meeting where id = ?)").param(meetingId).query(Boolean.class)
                .single();
    }
}
