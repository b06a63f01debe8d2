package cn.luoshi.task.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.task.TaskAction;
import cn.luoshi.task.TaskStatus;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import static cn.luoshi.task.TaskStatus.ACCEPTED;
import static cn.luoshi.task.TaskStatus.ASSIGNED;
import static cn.luoshi.task.TaskStatus.COMPLETED;
import static cn.luoshi.task.TaskStatus.COMPLETION_REQUESTED;
import static cn.luoshi.task.TaskStatus.CANCELLED;
import static cn.luoshi.task.TaskStatus.DRAFT;
import static cn.luoshi.task.TaskStatus.IN_PROGRESS;

/**
 * Who may take which step from which status. Each rule first asks "may this person?" (403), then "does the status
 * allow it?" (409 naming the status and the step); a refused step changes nothing.
 */
final class TaskRules {

    /** Statuses in which the lead unit works and reports. */
    static final Set<TaskStatus> REPORTABLE = EnumSet.of(ACCEPTED, IN_PROGRESS);
    /** Statuses in which the deadline may still be discussed. */
    static final Set<TaskStatus> EXTENDABLE = EnumSet.of(ASSIGNED, ACCEPTED, IN_PROGRESS);
    /** Statuses under which sub-tasks may be added. */
    static final Set<TaskStatus> DECOMPOSABLE = EnumSet.of(DRAFT, ASSIGNED, ACCEPTED, IN_PROGRESS);

    private TaskRules() {
    }

    static Step step(TaskAction action, TaskRow task, Participation by, int openChildren) {
        return switch (action) {
            case ASSIGN -> {
                require(by.supervisor(), "task.error.onlySupervisor", action);
                yield from(task, action, EnumSet.of(DRAFT), ASSIGNED);
            }
            case ACCEPT -> {
                require(by.leadUnit(), "task.error.onlyLeadUnit", action);
                yield from(task, action, EnumSet.of(ASSIGNED), ACCEPTED);
            }
            case REQUEST_COMPLETION -> {
                require(by.leadUnit(), "task.error.onlyLeadUnit", action);
                Step step = from(task, action, EnumSet.of(IN_PROGRESS), COMPLETION_REQUESTED);
                if (openChildren > 0) {
                    throw DomainException.conflict("task.error.openChildren", openChildren);
                }
                yield step;
            }
            case APPROVE_COMPLETION -> {
                require(by.supervisor(), "task.error.onlySupervisor", action);
                yield from(task, action, EnumSet.of(COMPLETION_REQUESTED), COMPLETED);
            }
            case RETURN -> {
                require(by.supervisor(), "task.error.onlySupervisor", action);
                yield from(task, action, EnumSet.of(COMPLETION_REQUESTED), IN_PROGRESS);
            }
            case CANCEL -> {
                require(by.supervisor(), "task.error.onlySupervisor", action);
                yield from(task, action, EnumSet.complementOf(EnumSet.of(COMPLETED, CANCELLED)), CANCELLED);
            }
        };
    }

    /** The steps the user could take now (comments and evidence aside), for the page's buttons and the API. */
    static List<String> allowed(TaskRow task, Participation by, int openChildren, boolean pendingExtension) {
        List<String> allowed = new ArrayList<>();
        for (TaskAction action : TaskAction.values()) {
            try {
                step(action, task, by, openChildren);
                allowed.add(action.name());
            } catch (DomainException refused) {
                // not available to this user now
            }
        }
        if (by.reporter() && REPORTABLE.contains(task.status())) {
            allowed.add("REPORT_PROGRESS");
        }
        if (by.leadUnit() && EXTENDABLE.contains(task.status()) && !pendingExtension) {
            allowed.add("REQUEST_EXTENSION");
        }
        if (by.supervisor() && pendingExtension) {
            allowed.add("DECIDE_EXTENSION");
        }
        if (by.leader() && task.status() != CANCELLED) {
            allowed.add("INSTRUCT");
        }
        if (by.supervisor() && task.status().isWorking()) {
            allowed.add("REMIND");
        }
        if ((by.supervisor() || (by.leadUnit() && task.status() != DRAFT)) && DECOMPOSABLE.contains(task.status())) {
            allowed.add("ADD_SUBTASK");
        }
        return allowed;
    }

    private static void require(boolean allowed, String code, TaskAction action) {
        if (!allowed) {
            throw DomainException.forbidden(code, actionName(action));
        }
    }

    private static Step from(TaskRow task, TaskAction action, Set<TaskStatus> allowed, TaskStatus to) {
        if (!allowed.contains(task.status())) {
            throw invalid(task.status(), actionName(action));
        }
        return new Step(action, task.status(), to);
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

    static DefaultMessageSourceResolvable operationName(String operation) {
        return new DefaultMessageSourceResolvable("task.operation." + operation);
    }
}
