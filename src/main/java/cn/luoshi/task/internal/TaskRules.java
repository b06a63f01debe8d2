package cn.luoshi.task.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.task.EscalationRung;
import cn.luoshi.task.TaskAction;
import cn.luoshi.task.TaskStatus;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import static cn.luoshi.task.TaskStatus.ACCEPTED;
import static cn.luoshi.task.TaskStatus.ASSIGNED;
import static cn.luoshi.task.TaskStatus.CANCELLED;
import static cn.luoshi.task.TaskStatus.COMPLETED;
import static cn.luoshi.task.TaskStatus.COMPLETION_REQUESTED;
import static cn.luoshi.task.TaskStatus.DRAFT;
import static cn.luoshi.task.TaskStatus.IN_PROGRESS;

/**
 * Who may do what to a task, and when: the one table both the service and {@code allowedActions} read. Each rule
 * first asks "may this person?" (403), then "does the task allow it now?" (409 naming the status and the step); a
 * refused operation changes nothing. What a request carries (a reason, a date, a text) is checked afterwards by the
 * service (400).
 *
 * <pre>
 *                 ASSIGN            ACCEPT           (first report)        REQUEST_COMPLETION
 *   DRAFT ────────────────► ASSIGNED ───────► ACCEPTED ──────────► IN_PROGRESS ──────────────► COMPLETION_REQUESTED
 *   supervisor               lead unit                              ▲  lead unit, evidence,      │          │
 *                                                                   │  no open sub-task          │          │
 *                                                                   └──────── RETURN ────────────┘          │
 *                                                                      supervisor, with a reason            │
 *   CANCEL: supervisor, any unfinished status → CANCELLED (with its open sub-tasks)   APPROVE_COMPLETION ───┘
 *                                                                                      supervisor → COMPLETED
 * </pre>
 *
 * Besides the steps, with the statuses they need:
 * <ul>
 *   <li>REPORT_PROGRESS — lead unit or a co-unit; ACCEPTED, IN_PROGRESS.</li>
 *   <li>DECIDE_REPORT — the head of the unit whose report waits for approval; any status.</li>
 *   <li>REQUEST_EXTENSION — lead unit; ASSIGNED, ACCEPTED, IN_PROGRESS; none pending.</li>
 *   <li>DECIDE_EXTENSION — supervisor; one pending; task not finished.</li>
 *   <li>INSTRUCT — leader; any status but CANCELLED.</li>
 *   <li>REMIND — supervisor; ASSIGNED, ACCEPTED, IN_PROGRESS.</li>
 *   <li>ADD_SUBTASK — supervisor from DRAFT to IN_PROGRESS; the lead unit once it has signed (ACCEPTED,
 *       IN_PROGRESS), for its co-units and the units below it.</li>
 *   <li>RAISE_ESCALATION — supervisor; ASSIGNED, ACCEPTED, IN_PROGRESS; not already at 问责. Which rung, and the
 *       reason a skipped rung needs, is {@link EscalationRules}.</li>
 *   <li>RESPOND_ESCALATION — lead unit; an open rung it has not answered.</li>
 *   <li>CLOSE_ESCALATION — supervisor; an open rung.</li>
 * </ul>
 */
final class TaskRules {

    /** Statuses in which the lead unit works and reports. */
    static final Set<TaskStatus> REPORTABLE = EnumSet.of(ACCEPTED, IN_PROGRESS);
    /** Statuses in which the deadline may still be discussed. */
    static final Set<TaskStatus> EXTENDABLE = EnumSet.of(ASSIGNED, ACCEPTED, IN_PROGRESS);
    /** Statuses under which the supervision office adds sub-tasks. */
    static final Set<TaskStatus> DECOMPOSABLE = EnumSet.of(DRAFT, ASSIGNED, ACCEPTED, IN_PROGRESS);
    static final Set<TaskStatus> UNFINISHED = EnumSet.complementOf(EnumSet.of(COMPLETED, CANCELLED));

    private TaskRules() {
    }

    /** Throws the refusal (403 or 409) unless the person may do this to the task now. */
    static void check(TaskOperation op, TaskRow task, Participation by, TaskFacts facts) {
        switch (op) {
            case ASSIGN -> {
                require(by.supervisor(), "task.error.onlySupervisor", op);
                status(task, op, EnumSet.of(DRAFT));
            }
            case ACCEPT -> {
                require(by.leadUnit(), "task.error.onlyLeadUnit", op);
                status(task, op, EnumSet.of(ASSIGNED));
            }
            case REQUEST_COMPLETION -> {
                require(by.leadUnit(), "task.error.onlyLeadUnit", op);
                status(task, op, EnumSet.of(IN_PROGRESS));
                if (facts.openChildren() > 0) {
                    throw DomainException.conflict("task.error.openChildren", facts.openChildren());
                }
                if (!facts.evidence()) {
                    throw DomainException.conflict("task.error.evidenceRequired");
                }
            }
            case APPROVE_COMPLETION, RETURN -> {
                require(by.supervisor(), "task.error.onlySupervisor", op);
                status(task, op, EnumSet.of(COMPLETION_REQUESTED));
            }
            case CANCEL -> {
                require(by.supervisor(), "task.error.onlySupervisor", op);
                status(task, op, UNFINISHED);
            }
            case REPORT_PROGRESS -> {
                require(by.reporter(), "task.error.notReporter");
                status(task, op, REPORTABLE);
            }
            case DECIDE_REPORT -> {
                require(by.unitHead(), "task.error.onlyUnitHeadApproves");
                if (!facts.pendingReportForMe()) {
                    throw DomainException.conflict("task.error.reportDecided");
                }
            }
            case REQUEST_EXTENSION -> {
                require(by.leadUnit(), "task.error.onlyLeadUnitExtends");
                status(task, op, EXTENDABLE);
                if (facts.pendingExtension()) {
                    throw DomainException.conflict("task.error.extensionPending");
                }
            }
            case DECIDE_EXTENSION -> {
                require(by.supervisor(), "task.error.onlySupervisorDecidesExtension");
                if (!facts.pendingExtension()) {
                    throw DomainException.conflict("task.error.extensionDecided");
                }
                status(task, op, UNFINISHED);
            }
            case INSTRUCT -> {
                require(by.leader(), "task.error.onlyLeaderInstructs");
                status(task, op, EnumSet.complementOf(EnumSet.of(CANCELLED)));
            }
            case REMIND -> {
                require(by.supervisor(), "task.error.onlySupervisorReminds");
                status(task, op, TaskStatus.WORKING);
            }
            case ADD_SUBTASK -> {
                require(by.supervisor() || by.leadUnit(), "task.error.onlyLeadUnitDecomposes");
                // The office may plan the parts of a draft; the lead unit decomposes what it has signed for.
                status(task, op, by.supervisor() ? DECOMPOSABLE : REPORTABLE);
            }
            case RAISE_ESCALATION -> {
                require(by.supervisor(), "task.error.onlySupervisorEscalates");
                status(task, op, TaskStatus.WORKING);
                EscalationRow open = facts.openEscalation();
                if (open != null && open.rung() == EscalationRung.ACCOUNTABILITY) {
                    throw DomainException.conflict("task.error.escalation.top",
                            EscalationRules.rungName(EscalationRung.ACCOUNTABILITY));
                }
            }
            case RESPOND_ESCALATION -> {
                require(by.leadUnit(), "task.error.onlyLeadUnitResponds");
                EscalationRow open = facts.openEscalation();
                if (open == null) {
                    throw DomainException.conflict("task.error.escalation.noneOpen");
                }
                if (open.responded()) {
                    throw DomainException.conflict("task.error.escalation.responded",
                            EscalationRules.rungName(open.rung()));
                }
            }
            case CLOSE_ESCALATION -> {
                require(by.supervisor(), "task.error.onlySupervisorEscalates");
                if (facts.openEscalation() == null) {
                    throw DomainException.conflict("task.error.escalation.noneOpen");
                }
            }
        }
    }

    /** The workflow step the action takes from the task's status, once the rules allow it. */
    static Step step(TaskAction action, TaskRow task, Participation by, TaskFacts facts) {
        check(TaskOperation.of(action), task, by, facts);
        TaskStatus to = switch (action) {
            case ASSIGN -> ASSIGNED;
            case ACCEPT -> ACCEPTED;
            case REQUEST_COMPLETION -> COMPLETION_REQUESTED;
            case APPROVE_COMPLETION -> COMPLETED;
            case RETURN -> IN_PROGRESS;
            case CANCEL -> CANCELLED;
        };
        return new Step(action, task.status(), to);
    }

    /** What the person may do to the task now, in the table's order: the page's buttons and the API's list. */
    static List<String> allowed(TaskRow task, Participation by, TaskFacts facts) {
        List<String> allowed = new ArrayList<>();
        for (TaskOperation op : TaskOperation.values()) {
            if (permits(op, task, by, facts)) {
                allowed.add(op.name());
            }
        }
        return allowed;
    }

    static boolean permits(TaskOperation op, TaskRow task, Participation by, TaskFacts facts) {
        try {
            check(op, task, by, facts);
            return true;
        } catch (DomainException refused) {
            return false;
        }
    }

    private static void require(boolean allowed, String code, TaskOperation op) {
        if (!allowed) {
            throw DomainException.forbidden(code, operationName(op));
        }
    }

    private static void require(boolean allowed, String code) {
        if (!allowed) {
            throw DomainException.forbidden(code);
        }
    }

    private static void status(TaskRow task, TaskOperation op, Set<TaskStatus> allowed) {
        if (!allowed.contains(task.status())) {
            throw invalid(task.status(), operationName(op));
        }
    }

    /** 409: "任务当前状态为「已办结」，不能执行「签收」". */
    static DomainException invalid(TaskStatus status, DefaultMessageSourceResolvable what) {
        return DomainException.conflict("task.error.invalidTransition", statusName(status), what);
    }

    static DefaultMessageSourceResolvable statusName(TaskStatus status) {
        return new DefaultMessageSourceResolvable("task.status." + status.name());
    }

    static DefaultMessageSourceResolvable actionName(TaskAction action) {
        return new DefaultMessageSourceResolvable("task.action." + action.name());
    }

    /** The name of a step ({@code task.action.*}) or of another operation ({@code task.operation.*}). */
    static DefaultMessageSourceResolvable operationName(TaskOperation op) {
        TaskAction action = op.action();
        return action != null ? actionName(action) : new DefaultMessageSourceResolvable("task.operation." + op.name());
    }
}
