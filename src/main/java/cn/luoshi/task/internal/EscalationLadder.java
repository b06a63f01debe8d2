package cn.luoshi.task.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.task.EscalationRung;
import cn.luoshi.task.UnitEscalations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalation ladder of tasks ({@link EscalationRules}): raising a rung by hand or from the daily round,
 * the unit's response, closing, and the office's list and counts. Every change writes the record, the task's level,
 * its timeline, the audit log and the messages in one transaction.
 */
@Service
public class EscalationLadder {

    private final TaskRepository tasks;
    private final TaskEscalations escalations;
    private final TaskEvents timeline;
    private final TaskNotices notices;
    private final TaskGuard guard;
    private final OrgUnits units;
    private final Clock clock;

    EscalationLadder(TaskRepository tasks, TaskEscalations escalations, TaskEvents timeline, TaskNotices notices,
                     TaskGuard guard, OrgUnits units, Clock clock) {
        this.tasks = tasks;
        this.escalations = escalations;
        this.timeline = timeline;
        this.notices = notices;
        this.guard = guard;
        this.units = units;
        this.clock = clock;
    }

    // ---- by hand -----------------------------------------------------------------------------------------------

    /** The supervision office raises the task to a rung; a rung above the next one needs the reason. */
    @Transactional
    public long raise(long taskId, EscalationRung rung, String reason, LuoshiUser me) {
        TaskRow task = load(taskId, me);
        TaskGuard.Standing standing = guard.check(TaskOperation.RAISE_ESCALATION, task, me);
        EscalationRow open = standing.facts().openEscalation();
        boolean skips = EscalationRules.checkRaise(rung, open == null ? 0 : open.rung().level(), false, reason);
        return raise(task, open, rung, Actor.of(me), blankToNull(reason), skips, null, OffsetDateTime.now(clock));
    }

    /** The lead unit answers the open rung (what it has done, what it will do). */
    @Transactional
    public void respond(long taskId, long escalationId, String text, LuoshiUser me) {
        TaskRow task = load(taskId, me);
        guard.check(TaskOperation.RESPOND_ESCALATION, task, me);
        EscalationRow open = openOne(taskId, escalationId);
        String response = requireText(text, "text");
        OffsetDateTime now = OffsetDateTime.now(clock);
        Actor by = Actor.of(me);
        if (!escalations.respond(open.id(), open.version(), response, by, now)) {
            throw DomainException.staleVersion(task.title());
        }
        EscalationRow after = escalations.find(taskId, open.id()).orElseThrow();
        timeline.record(taskId, TaskEventKind.ESCALATION_RESPONDED, by, now, response, null, null, null, null,
                open.rung().level(), open.id());
        audit("responded", open, after, "task.audit.escalationResponded", task.title(), rungText(open.rung()));
        notices.toSupervisors(task, "TASK_ESCALATION_RESPONDED", "task-" + taskId + "-escalation-" + open.id()
                + "-responded", "task.notice.escalationResponded", rungText(open.rung()), task.leadUnitName(),
                response);
    }

    /** The supervision office closes the open rung: put right (RECTIFIED) or concluded (CONCLUDED). */
    @Transactional
    public void close(long taskId, long escalationId, EscalationOutcome outcome, String note, LuoshiUser me) {
        TaskRow task = load(taskId, me);
        guard.check(TaskOperation.CLOSE_ESCALATION, task, me);
        EscalationRow open = openOne(taskId, escalationId);
        EscalationOutcome how = outcome == null ? EscalationOutcome.RECTIFIED : outcome;
        if (!how.byOffice()) {
            throw DomainException.invalidFields(List.of(new FieldProblem("outcome",
                    "task.error.escalation.outcome")));
        }
        if (note != null && note.strip().length() > EscalationRules.TEXT_MAX) {
            throw DomainException.invalidFields(List.of(new FieldProblem("note", "validation.tooLong",
                    EscalationRules.TEXT_MAX)));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Actor by = Actor.of(me);
        closeOpen(task, open, how, blankToNull(note), by, now);
        notices.toLeadUnit(task, "TASK_ESCALATION_CLOSED", "task-" + taskId + "-escalation-" + open.id()
                + "-closed", "task.notice.escalationClosed", rungText(open.rung()),
                notices.text("task.escalation.outcome." + how), note == null ? "" : note.strip());
    }

    // ---- by the daily round and the workflow -------------------------------------------------------------------

    /**
     * The daily round raises the rung the light calls for, unless the task is there already or the office has put
     * it right for this same light before. Returns whether it did.
     */
    boolean raiseByRound(TaskRow task, EscalationRung rung, LocalDate lightSince, String reason,
                         OffsetDateTime now) {
        Optional<EscalationRow> open = escalations.open(task.id());
        int level = open.map(o -> o.rung().level()).orElse(0);
        if (rung.level() <= level || escalations.settledForLight(task.id(), rung, lightSince)) {
            return false;
        }
        boolean skips = EscalationRules.checkRaise(rung, level, true, reason);
        raise(task, open.orElse(null), rung, Actor.DAILY_ROUND, reason, skips, lightSince, now);
        return true;
    }

    /** Lifts the daily round's open rung when the light (on {@code schedule} today) no longer calls for it. */
    boolean recover(TaskRow task, LightSchedule schedule, OffsetDateTime now) {
        Optional<EscalationRow> open = escalations.open(task.id());
        if (open.isEmpty() || !open.get().byRound()) {
            return false;
        }
        int called = EscalationRung.forLight(schedule.on(LocalDate.now(clock))).map(EscalationRung::level).orElse(0);
        if (called >= open.get().rung().level()) {
            return false;
        }
        closeOpen(task, open.get(), EscalationOutcome.RECOVERED, null, Actor.DAILY_ROUND, now);
        return true;
    }

    /** A completed or cancelled task ends its open rung. */
    void closeOnFinish(TaskRow task, Actor by, OffsetDateTime now) {
        escalations.open(task.id()).ifPresent(open ->
                closeOpen(task, open, EscalationOutcome.TASK_FINISHED, null, by, now));
    }

    private long raise(TaskRow task, EscalationRow open, EscalationRung rung, Actor by, String reason,
                       boolean skips, LocalDate lightSince, OffsetDateTime now) {
        if (open != null) {
            escalations.close(open.id(), EscalationOutcome.ESCALATED, null, by, now);
            audit("closed", open, escalations.find(task.id(), open.id()).orElseThrow(),
                    "task.audit.escalationClosed", task.title(), rungText(open.rung()),
                    notices.text("task.escalation.outcome." + EscalationOutcome.ESCALATED));
        }
        long id = escalations.insert(task.id(), task.leadUnitId(), rung, by, now, reason, skips, lightSince);
        tasks.setEscalation(task.id(), rung.level());
        timeline.record(task.id(), TaskEventKind.ESCALATED, by, now, reason, null, null, null, null, rung.level(),
                id);
        EscalationRow after = escalations.find(task.id(), id).orElseThrow();
        audit("raised", null, after, "task.audit.escalated", task.title(), rungText(rung));
        tell(task, rung, id, lightSince, reason, by == Actor.DAILY_ROUND);
        return id;
    }

    private void closeOpen(TaskRow task, EscalationRow open, EscalationOutcome outcome, String note, Actor by,
                           OffsetDateTime now) {
        if (!escalations.close(open.id(), outcome, note, by, now)) {
            throw DomainException.staleVersion(task.title());
        }
        tasks.setEscalation(task.id(), 0);
        String text = notices.text("task.escalation.outcome." + outcome) + (note == null ? "" : "：" + note);
        if (outcome == EscalationOutcome.RECOVERED) {
            timeline.record(task.id(), TaskEventKind.DEESCALATED, by, now, null, null, null, null, null,
                    open.rung().level(), open.id());
        } else if (outcome != EscalationOutcome.TASK_FINISHED) {
            timeline.record(task.id(), TaskEventKind.ESCALATION_CLOSED, by, now, text, null, null, null, null,
                    open.rung().level(), open.id());
        }
        audit("closed", open, escalations.find(task.id(), open.id()).orElseThrow(), "task.audit.escalationClosed",
                task.title(), rungText(open.rung()), text);
    }

    /** Who hears of a raised rung: the unit always, its head and the leader in charge from 督办 up. */
    private void tell(TaskRow task, EscalationRung rung, long id, LocalDate lightSince, String reason,
                      boolean byRound) {
        LocalDate today = LocalDate.now(clock);
        String key = "task-" + task.id() + "-escalation-" + rung.level() + "-"
                + (lightSince != null ? lightSince : "raised-" + id);
        Object[] args = {rungText(rung), reason == null ? notices.text("task.escalation.byOffice") : reason,
                task.progress(), task.timeProgressOn(today), task.dueDate(),
                notices.text("task.escalation.demand." + rung.name())};
        if (rung.compareTo(EscalationRung.SUPERVISION) < 0) {
            notices.toLeadUnit(task, "TASK_" + rung.name(), key, "task.notice.escalation", args);
            return;
        }
        notices.toLeadUnitAndHead(task, "TASK_" + rung.name(), key, "task.notice.escalation", args);
        if (byRound) {
            notices.toSupervisors(task, "TASK_" + rung.name(), key, "task.notice.escalation", args);
        }
        if (task.leaderId() != null) {
            notices.toUsers(List.of(task.leaderId()), task, "TASK_" + rung.name(), key, "task.notice.escalation",
                    args);
        }
    }

    private void audit(String what, EscalationRow before, EscalationRow after, String summaryCode, Object... args) {
        notices.auditRecord(new AuditRecord("task.escalation." + what, "TaskEscalation", String.valueOf(after.id()),
                after.unit().id(), notices.text(summaryCode, args), before, after));
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    /** Every rung raised on a task the reader may see, newest first. */
    public List<EscalationRow> ofTask(long taskId, LuoshiUser me) {
        tasks.findVisible(taskId, me.scope(), false).orElseThrow(() -> DomainException.notFound("task.task", taskId));
        return escalations.ofTask(taskId);
    }

    /** The office's list: rungs on the tasks of units in scope, open ones unless {@code all}. */
    public PageResponse<EscalationRow> list(EscalationRung rung, Long unitId, boolean all, LuoshiUser me,
                                            Paging paging) {
        String unitPath = null;
        if (unitId != null) {
            // A unit outside the scope matches nothing (the scope condition stays in the query).
            unitPath = units.find(unitId).map(OrgUnit::path).orElse("-");
        }
        return paging.page(escalations.list(rung, unitPath, all, me.scope(), paging),
                escalations.count(rung, unitPath, all, me.scope()));
    }

    /** Rungs raised per unit in scope and rung, from {@code from} to {@code to} inclusive. */
    public List<UnitEscalations> counts(LocalDate from, LocalDate to, LuoshiUser me) {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = to != null ? to : today;
        LocalDate start = from != null ? from : end.withDayOfYear(1);
        if (start.isAfter(end)) {
            throw DomainException.invalidFields(List.of(new FieldProblem("from", "task.error.periodOrder", end)));
        }
        if (me.scope().isEnterprise() || me.has(Role.ENTERPRISE)) {
            return List.of();
        }
        return escalations.counts(start, end, clock.getZone(), me.scope());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private TaskRow load(long taskId, LuoshiUser me) {
        return tasks.findVisible(taskId, me.scope(), true)
                .orElseThrow(() -> DomainException.notFound("task.task", taskId));
    }

    /** The rung named in the request, which must be the task's open one. */
    private EscalationRow openOne(long taskId, long escalationId) {
        EscalationRow row = escalations.find(taskId, escalationId)
                .orElseThrow(() -> DomainException.notFound("task.escalation", escalationId));
        if (!row.open()) {
            throw DomainException.conflict("task.error.escalation.closed", rungText(row.rung()));
        }
        return row;
    }

    private String rungText(EscalationRung rung) {
        return notices.text("task.rung." + rung.name());
    }

    private static String requireText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalidFields(List.of(new FieldProblem(field, "validation.NotBlank")));
        }
        if (text.strip().length() > EscalationRules.TEXT_MAX) {
            throw DomainException.invalidFields(List.of(new FieldProblem(field, "validation.tooLong",
                    EscalationRules.TEXT_MAX)));
        }
        return text.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
