package cn.luoshi.task.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.files.FileStore;
import cn.luoshi.common.files.StoredFile;
import cn.luoshi.common.web.Messages;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.Role;
import cn.luoshi.task.TaskAction;
import cn.luoshi.task.TaskStatus;
import cn.luoshi.task.TaskStatusChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Every change to a task after registration: the workflow steps, progress reports and their approval, extension
 * requests, leader instructions and reminders. Each one checks scope (404), then asks {@link TaskRules} through
 * {@link TaskGuard} — the table {@code allowedActions} shows — for role (403) and status (409) before it changes
 * anything, then writes the timeline, the audit log and the messages in the same transaction.
 */
@Service
public class TaskWorkflow {

    /** Evidence files: documents and pictures up to 10 MB each, at most 10 per report. */
    static final long EVIDENCE_MAX_BYTES = 10L * 1024 * 1024;
    static final int EVIDENCE_MAX_FILES = 10;
    static final int TEXT_MAX = 4000;

    private final TaskRepository tasks;
    private final TaskReports reports;
    private final TaskExtensions extensions;
    private final TaskEvents timeline;
    private final TaskLights lights;
    private final ProgressRollUp rollUp;
    private final TaskGuard guard;
    private final EscalationLadder ladder;
    private final TaskNotices notices;
    private final FileStore files;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Messages messages;
    private final Clock clock;

    TaskWorkflow(TaskRepository tasks, TaskReports reports, TaskExtensions extensions, TaskEvents timeline,
                 TaskLights lights, ProgressRollUp rollUp, TaskGuard guard, EscalationLadder ladder,
                 TaskNotices notices, FileStore files, ApplicationEventPublisher events,
                 TransactionTemplate transactions, Messages messages, Clock clock) {
        this.tasks = tasks;
        this.reports = reports;
        this.extensions = extensions;
        this.timeline = timeline;
        this.lights = lights;
        this.rollUp = rollUp;
        this.guard = guard;
        this.ladder = ladder;
        this.notices = notices;
        this.files = files;
        this.events = events;
        this.transactions = transactions;
        this.messages = messages;
        this.clock = clock;
    }

    /** The outcome of a step applied to several tasks: which went through and why the others did not. */
    public record BulkResult(List<Long> succeeded, List<Failure> failed) {
        public record Failure(long id, int status, String detail) {
        }
    }

    // ---- workflow steps ----------------------------------------------------------------------------------------

    /**
     * A step asked for by a person (API or page) names the version it was decided on, so it never lands on a task
     * that changed meanwhile; only bulk steps and the system's own steps go without.
     */
    static int requireVersion(Integer version) {
        if (version == null) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "task.error.versionRequired",
                    List.of(new FieldProblem("version", "task.error.versionRequired")));
        }
        return version;
    }

    @Transactional
    public void transition(long id, TaskAction action, String comment, Integer expectedVersion, LuoshiUser me) {
        transition(id, action, comment, expectedVersion, me, OffsetDateTime.now(clock));
    }

    @Transactional
    void transition(long id, TaskAction action, String comment, Integer expectedVersion, LuoshiUser me,
                    OffsetDateTime now) {
        // Who may take the step is asked before whether the version is current: a person with no right to it is
        // refused (403) whatever version the request names, as TaskRules promises.
        TaskRow task = load(id, me, null);
        Step step = guard.step(action, task, me);
        if (expectedVersion != null && expectedVersion != task.version()) {
            throw DomainException.staleVersion(task.title());
        }
        if ((action == TaskAction.RETURN || action == TaskAction.CANCEL) && blank(comment)) {
            throw DomainException.invalidFields(List.of(new FieldProblem("comment", "task.error.reasonRequired")));
        }
        apply(task, step, comment, Actor.of(me), now);
        if (action == TaskAction.CANCEL) {
            for (long descendant : tasks.openDescendants(id)) {
                TaskRow child = tasks.find(descendant).orElseThrow();
                apply(child, new Step(TaskAction.CANCEL, child.status(), TaskStatus.CANCELLED),
                        messages.chinese("task.event.cancelledWithParent", task.title()), Actor.of(me), now);
            }
        }
    }

    private void apply(TaskRow task, Step step, String comment, Actor by, OffsetDateTime now) {
        LightSchedule schedule = lights.schedule(step.to(), task.progress(), task.startDate(), task.dueDate(),
                task.leadUnitId());
        if (!tasks.changeStatus(task.id(), task.version(), step.from(), step.to(), now, schedule,
                step.action() == TaskAction.RETURN)) {
            throw DomainException.staleVersion(task.title());
        }
        TaskRow after = tasks.find(task.id()).orElseThrow();
        TaskEventKind kind = switch (step.action()) {
            case ASSIGN -> TaskEventKind.ASSIGNED;
            case ACCEPT -> TaskEventKind.ACCEPTED;
            case REQUEST_COMPLETION -> TaskEventKind.COMPLETION_REQUESTED;
            case APPROVE_COMPLETION -> TaskEventKind.COMPLETED;
            case RETURN -> TaskEventKind.RETURNED;
            case CANCEL -> TaskEventKind.CANCELLED;
        };
        timeline.record(task.id(), kind, by, now, comment, step.from(), step.to(), null, null, null);
        notices.audit(step.action().name().toLowerCase(Locale.ROOT), task, after, "task.audit.step",
                task.title(), TaskRules.actionName(step.action()), TaskRules.statusName(step.from()),
                TaskRules.statusName(step.to()));
        events.publishEvent(new TaskStatusChanged(task.id(), step.from(), step.to(), task.sourceKind(),
                task.sourceId(), task.sourceKey(), task.leadUnitId()));
        String key = "task-" + task.id() + "-" + step.action().name().toLowerCase(Locale.ROOT) + "-"
                + after.version();
        switch (step.action()) {
            case ASSIGN -> {
                LocalDate day = now.atZoneSameInstant(clock.getZone()).toLocalDate();
                tasks.setNextReportDue(task.id(), task.reportCycle().periodEnd(
                        task.startDate().isAfter(day) ? task.startDate() : day));
                notices.toLeadUnit(after, "TASK_ASSIGNED", "task-" + task.id() + "-assigned",
                        "task.notice.assigned", after.leadUnitName(), after.dueDate());
                notices.toUnits(tasks.coUnits(task.id()).stream().map(Ref::id).toList(), after,
                        "TASK_ASSIGNED", "task-" + task.id() + "-assigned", "task.notice.coAssigned",
                        after.leadUnitName(), after.dueDate());
            }
            case ACCEPT -> { }
            case REQUEST_COMPLETION -> notices.toSupervisors(after, "TASK_COMPLETION_REQUESTED", key,
                    "task.notice.completionRequested", after.leadUnitName(), nz(comment));
            case APPROVE_COMPLETION -> notices.toLeadUnit(after, "TASK_COMPLETED", key, "task.notice.completed",
                    nz(comment));
            case RETURN -> notices.toLeadUnit(after, "TASK_RETURNED", key, "task.notice.returned", nz(comment));
            case CANCEL -> notices.toLeadUnit(after, "TASK_CANCELLED", key, "task.notice.cancelled", nz(comment));
        }
        if (step.to().isFinished()) {
            ladder.closeOnFinish(after, by, now);
            rollUp.fromChild(task.id(), now);
        }
    }

    /** Applies one step to many tasks, each on its own, and reports what failed and why. */
    public BulkResult bulkTransition(List<Long> ids, TaskAction action, String comment, LuoshiUser me) {
        return bulk(ids, id -> transition(id, action, comment, null, me));
    }

    public BulkResult bulkRemind(List<Long> ids, String comment, LuoshiUser me) {
        return bulk(ids, id -> remind(id, comment, me));
    }

    private BulkResult bulk(List<Long> ids, LongConsumer each) {
        List<Long> done = new ArrayList<>();
        List<BulkResult.Failure> failed = new ArrayList<>();
        for (Long id : ids.stream().distinct().limit(500).toList()) {
            try {
                transactions.executeWithoutResult(status -> each.accept(id));
                done.add(id);
            } catch (DomainException e) {
                failed.add(new BulkResult.Failure(id, e.status().value(), messages.get(e.code(), e.args())));
            }
        }
        return new BulkResult(done, failed);
    }

    // ---- progress reports --------------------------------------------------------------------------------------

    @Transactional
    public long report(long id, BigDecimal percent, String text, List<MultipartFile> evidence, LuoshiUser me) {
        return report(id, percent, text, evidence, List.of(), me, OffsetDateTime.now(clock));
    }

    /** {@code storedFileIds}: evidence already in the file store (the demo city brings its own). */
    @Transactional
    long report(long id, BigDecimal percent, String text, List<MultipartFile> evidence, List<Long> storedFileIds,
                LuoshiUser me, OffsetDateTime now) {
        TaskRow task = load(id, me, null);
        Participation by = guard.check(TaskOperation.REPORT_PROGRESS, task, me).by();
        List<MultipartFile> uploads = evidence == null ? List.of()
                : evidence.stream().filter(f -> f != null && !f.isEmpty()).toList();
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(text)) {
            problems.add(new FieldProblem("text", "validation.NotBlank"));
        } else if (text.strip().length() > TEXT_MAX) {
            problems.add(new FieldProblem("text", "validation.tooLong", TEXT_MAX));
        }
        if (percent == null && by.leadUnit()) {
            problems.add(new FieldProblem("percent", "task.error.percentRequired"));
        } else if (percent != null && (percent.signum() < 0 || percent.compareTo(Percent.HUNDRED) > 0)) {
            problems.add(new FieldProblem("percent", "task.error.percentRange"));
        }
        if (uploads.size() > EVIDENCE_MAX_FILES) {
            problems.add(new FieldProblem("files", "task.error.tooManyFiles", EVIDENCE_MAX_FILES));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        boolean needsHead = task.requiresHeadApproval() && !me.has(Role.UNIT_HEAD);
        String status = needsHead ? ReportRow.PENDING : ReportRow.APPROVED;
        Actor actor = Actor.of(me);
        BigDecimal cleanPercent = percent == null ? null : percent.setScale(1, RoundingMode.HALF_UP);
        long reportId = reports.insert(id, me.unitId(), cleanPercent, text.strip(), status, actor, now);
        for (MultipartFile upload : uploads) {
            StoredFile stored = files.store(upload, FileStore.DOCUMENTS_AND_IMAGES, EVIDENCE_MAX_BYTES,
                    me.getUsername());
            reports.attach(reportId, stored.id());
        }
        for (long fileId : storedFileIds) {
            reports.attach(reportId, fileId);
        }
        timeline.record(id, TaskEventKind.PROGRESS_REPORTED, actor, now, null, null, null, reportId, null, null);
        notices.auditRecord(new AuditRecord("task.progress.reported", "TaskReport",
                String.valueOf(reportId), task.leadUnitId(), messages.chinese("task.audit.reported", task.title(),
                cleanPercent == null ? "—" : cleanPercent.toPlainString() + "%"), null,
                new ReportRow(reportId, id, me.unitId(), cleanPercent, text.strip(), status, me.id(),
                        me.displayName(), now)));
        if (needsHead) {
            notices.toUnitRoles(me.unitId(), Set.of(Role.UNIT_HEAD), task, "TASK_REPORT_PENDING",
                    "task-" + id + "-report-" + reportId, "task.notice.reportPending", me.displayName());
        } else {
            reportAccepted(task, me.unitId(), cleanPercent, now);
        }
        return reportId;
    }

    /** The unit head approves (or refuses) a report the handler filed. */
    @Transactional
    public void decideReport(long taskId, long reportId, boolean approve, String comment, LuoshiUser me) {
        decideReport(taskId, reportId, approve, comment, me, OffsetDateTime.now(clock));
    }

    @Transactional
    void decideReport(long taskId, long reportId, boolean approve, String comment, LuoshiUser me,
                      OffsetDateTime now) {
        TaskRow task = load(taskId, me, null);
        // A report still inside its unit is not found by anyone outside that unit.
        ReportRow report = reports.find(taskId, reportId)
                .filter(r -> r.status().equals(ReportRow.APPROVED) || Long.valueOf(r.unitId()).equals(me.unitId()))
                .orElseThrow(() -> DomainException.notFound("task.report", reportId));
        guard.check(TaskOperation.DECIDE_REPORT, task, me);
        if (me.unitId() == null || me.unitId() != report.unitId()) {
            throw DomainException.forbidden("task.error.onlyUnitHeadApproves");
        }
        if (!report.pending()) {
            throw DomainException.conflict("task.error.reportDecided");
        }
        if (!approve && blank(comment)) {
            throw DomainException.invalidFields(List.of(new FieldProblem("comment", "task.error.reasonRequired")));
        }
        reports.decide(reportId, approve, Actor.of(me), now, blank(comment) ? null : comment.strip());
        timeline.record(taskId, approve ? TaskEventKind.REPORT_APPROVED : TaskEventKind.REPORT_REJECTED,
                Actor.of(me), now, comment, null, null, reportId, null, null);
        notices.auditRecord(new AuditRecord(
                approve ? "task.progress.approved" : "task.progress.rejected", "TaskReport",
                String.valueOf(reportId), task.leadUnitId(), messages.chinese(
                        approve ? "task.audit.reportApproved" : "task.audit.reportRejected", task.title()),
                report, null));
        if (approve) {
            if (TaskRules.REPORTABLE.contains(task.status())) {
                reportAccepted(task, report.unitId(), report.percent(), now);
            }
        } else if (report.reportedBy() != null) {
            notices.toUsers(List.of(report.reportedBy()), task, "TASK_REPORT_REJECTED",
                    "task-" + taskId + "-report-" + reportId + "-rejected", "task.notice.reportRejected",
                    nz(comment));
        }
    }

    /** A report reached the supervision office: progress, status and the reporting calendar follow. */
    private void reportAccepted(TaskRow task, long unitId, BigDecimal percent, OffsetDateTime now) {
        boolean lead = unitId == task.leadUnitId();
        if (lead && percent != null) {
            rollUp.apply(task.id(), percent, now);
        }
        if (lead) {
            LocalDate day = now.atZoneSameInstant(clock.getZone()).toLocalDate();
            tasks.recordReport(task.id(), now, task.reportCycle().nextDueAfterReport(day));
        }
        if (task.status() == TaskStatus.ACCEPTED) {
            tasks.setStatusQuietly(task.id(), TaskStatus.ACCEPTED, TaskStatus.IN_PROGRESS, now);
            events.publishEvent(new TaskStatusChanged(task.id(), TaskStatus.ACCEPTED, TaskStatus.IN_PROGRESS,
                    task.sourceKind(), task.sourceId(), task.sourceKey(), task.leadUnitId()));
        }
    }

    // ---- extensions --------------------------------------------------------------------------------------------

    @Transactional
    public long requestExtension(long id, LocalDate newDue, String reason, LuoshiUser me) {
        return requestExtension(id, newDue, reason, me, OffsetDateTime.now(clock));
    }

    @Transactional
    long requestExtension(long id, LocalDate newDue, String reason, LuoshiUser me, OffsetDateTime now) {
        TaskRow task = load(id, me, null);
        guard.check(TaskOperation.REQUEST_EXTENSION, task, me);
        List<FieldProblem> problems = new ArrayList<>();
        if (newDue == null) {
            problems.add(new FieldProblem("newDueDate", "task.error.dueRequired"));
        } else if (!newDue.isAfter(task.dueDate())) {
            problems.add(new FieldProblem("newDueDate", "task.error.extensionNotLater", task.dueDate()));
        }
        if (blank(reason)) {
            problems.add(new FieldProblem("reason", "task.error.reasonRequired"));
        } else if (reason.strip().length() > 2000) {
            problems.add(new FieldProblem("reason", "validation.tooLong", 2000));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        long extensionId = extensions.insert(id, task.dueDate(), newDue, reason.strip(), Actor.of(me), now);
        timeline.record(id, TaskEventKind.EXTENSION_REQUESTED, Actor.of(me), now, reason.strip(), null, null, null,
                extensionId, null);
        notices.audit("extension.requested", task, task, "task.audit.extensionRequested", task.title(), newDue);
        notices.toSupervisors(task, "TASK_EXTENSION_REQUESTED", "task-" + id + "-extension-" + extensionId,
                "task.notice.extensionRequested", task.leadUnitName(), task.dueDate(), newDue);
        return extensionId;
    }

    @Transactional
    public void decideExtension(long id, long extensionId, boolean approve, String comment, LuoshiUser me) {
        decideExtension(id, extensionId, approve, comment, me, OffsetDateTime.now(clock));
    }

    @Transactional
    void decideExtension(long id, long extensionId, boolean approve, String comment, LuoshiUser me,
                         OffsetDateTime now) {
        TaskRow task = load(id, me, null);
        var extension = extensions.find(id, extensionId)
                .orElseThrow(() -> DomainException.notFound("task.extension", extensionId));
        guard.check(TaskOperation.DECIDE_EXTENSION, task, me);
        if (!"PENDING".equals(extension.status())) {
            throw DomainException.conflict("task.error.extensionDecided");
        }
        if (!approve && blank(comment)) {
            throw DomainException.invalidFields(List.of(new FieldProblem("comment", "task.error.reasonRequired")));
        }
        extensions.decide(extensionId, approve, Actor.of(me), now, blank(comment) ? null : comment.strip());
        if (approve) {
            LightSchedule schedule = lights.schedule(task.status(), task.progress(), task.startDate(),
                    extension.requestedDue(), task.leadUnitId());
            tasks.updateDue(id, extension.requestedDue(), schedule, now);
            rollUp.ease(task, schedule, now);
        }
        timeline.record(id, approve ? TaskEventKind.EXTENSION_APPROVED : TaskEventKind.EXTENSION_REFUSED,
                Actor.of(me), now, comment, null, null, null, extensionId, null);
        TaskRow after = tasks.find(id).orElseThrow();
        notices.audit(approve ? "extension.approved" : "extension.refused", task, after,
                approve ? "task.audit.extensionApproved" : "task.audit.extensionRefused", task.title(),
                extension.requestedDue());
        notices.toLeadUnit(after, "TASK_EXTENSION_DECIDED", "task-" + id + "-extension-" + extensionId + "-decided",
                approve ? "task.notice.extensionApproved" : "task.notice.extensionRefused",
                extension.requestedDue(), nz(comment));
    }

    // ---- instructions and reminders ----------------------------------------------------------------------------

    /** 领导批示: shown on the task and sent to the units and the supervision office. */
    @Transactional
    public void instruct(long id, String text, LuoshiUser me) {
        instruct(id, text, me, OffsetDateTime.now(clock));
    }

    @Transactional
    void instruct(long id, String text, LuoshiUser me, OffsetDateTime now) {
        TaskRow task = load(id, me, null);
        guard.check(TaskOperation.INSTRUCT, task, me);
        requireText(text, "text");
        long eventId = timeline.record(id, TaskEventKind.INSTRUCTION, Actor.of(me), now, text.strip());
        notices.audit("instructed", task, task, "task.audit.instructed", task.title(), text.strip());
        String key = "task-" + id + "-instruction-" + eventId;
        notices.toLeadUnitAndHead(task, "TASK_INSTRUCTION", key, "task.notice.instruction", me.displayName(),
                text.strip());
        notices.toUnits(tasks.coUnits(id).stream().map(Ref::id).toList(), task, "TASK_INSTRUCTION", key,
                "task.notice.instruction", me.displayName(), text.strip());
        notices.toSupervisors(task, "TASK_INSTRUCTION", key, "task.notice.instruction", me.displayName(),
                text.strip());
    }

    /** 催办 by hand: a message to the lead unit and an entry on the timeline. */
    @Transactional
    public void remind(long id, String comment, LuoshiUser me) {
        remind(id, comment, me, OffsetDateTime.now(clock));
    }

    @Transactional
    void remind(long id, String comment, LuoshiUser me, OffsetDateTime now) {
        TaskRow task = load(id, me, null);
        guard.check(TaskOperation.REMIND, task, me);
        String text = blank(comment) ? messages.chinese("task.notice.reminder.default") : comment.strip();
        long eventId = timeline.record(id, TaskEventKind.REMINDER, Actor.of(me), now, text);
        notices.audit("reminded", task, task, "task.audit.reminded", task.title(), task.leadUnitName());
        notices.toLeadUnit(task, "TASK_REMINDER", "task-" + id + "-reminder-" + eventId, "task.notice.reminder",
                me.displayName(), text);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private TaskRow load(long id, LuoshiUser me, Integer expectedVersion) {
        TaskRow task = tasks.findVisible(id, me.scope(), true)
                .orElseThrow(() -> DomainException.notFound("task.task", id));
        if (expectedVersion != null && expectedVersion != task.version()) {
            throw DomainException.staleVersion(task.title());
        }
        return task;
    }

    private static void requireText(String text, String field) {
        if (blank(text)) {
            throw DomainException.invalidFields(List.of(new FieldProblem(field, "validation.NotBlank")));
        }
        if (text.strip().length() > TEXT_MAX) {
            throw DomainException.invalidFields(List.of(new FieldProblem(field, "validation.tooLong", TEXT_MAX)));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
