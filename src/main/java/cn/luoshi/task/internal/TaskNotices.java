package cn.luoshi.task.internal;

import java.util.List;
import java.util.Set;

import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.web.Messages;
import cn.luoshi.notify.NotificationRequested;
import cn.luoshi.notify.Recipients;
import cn.luoshi.org.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the people concerned (inbox messages, in the change's transaction) and writes the audit record of each
 * change. Messages are stored in Chinese, the language of the offices that read them.
 */
@Component
class TaskNotices {

    static final Set<Role> UNIT_STAFF = Set.of(Role.UNIT_HANDLER, Role.UNIT_HEAD);

    private final ApplicationEventPublisher events;
    private final Messages messages;

    TaskNotices(ApplicationEventPublisher events, Messages messages) {
        this.events = events;
        this.messages = messages;
    }

    void audit(String action, TaskRow before, TaskRow after, String summaryCode, Object... args) {
        TaskRow subject = after != null ? after : before;
        events.publishEvent(new AuditRecord("task." + action, "Task", String.valueOf(subject.id()),
                subject.leadUnitId(), messages.chinese(summaryCode, args), TaskSnapshot.of(before),
                TaskSnapshot.of(after)));
    }

    String text(String code, Object... args) {
        return messages.chinese(code, args);
    }

    void auditRecord(AuditRecord record) {
        events.publishEvent(record);
    }

    /** To the lead unit's handlers, who do the day-to-day work. */
    void toLeadUnit(TaskRow task, String kind, String dedupKey, String code, Object... args) {
        send(Recipients.unit(task.leadUnitId(), Set.of(Role.UNIT_HANDLER)), task, kind, dedupKey, code, args);
    }

    /** To the lead unit's handlers and its head, for what the head must know: instructions, 督办. */
    void toLeadUnitAndHead(TaskRow task, String kind, String dedupKey, String code, Object... args) {
        send(Recipients.unit(task.leadUnitId(), UNIT_STAFF), task, kind, dedupKey, code, args);
    }

    /** To the holders of the roles in one unit (e.g. the head of the unit that filed a report). */
    void toUnitRoles(long unitId, Set<Role> roles, TaskRow task, String kind, String dedupKey, String code,
                     Object... args) {
        send(Recipients.unit(unitId, roles), task, kind, dedupKey, code, args);
    }

    /** To the handlers of other units, e.g. the co-units. */
    void toUnits(List<Long> unitIds, TaskRow task, String kind, String dedupKey, String code, Object... args) {
        if (!unitIds.isEmpty()) {
            send(Recipients.units(unitIds, Set.of(Role.UNIT_HANDLER)), task, kind, dedupKey, code, args);
        }
    }

    /** To the supervision offices whose region covers the lead unit. */
    void toSupervisors(TaskRow task, String kind, String dedupKey, String code, Object... args) {
        send(Recipients.overseersOf(task.leadUnitId(), Set.of(Role.SUPERVISOR)), task, kind, dedupKey, code, args);
    }

    void toUsers(List<Long> userIds, TaskRow task, String kind, String dedupKey, String code, Object... args) {
        if (!userIds.isEmpty()) {
            send(Recipients.users(userIds), task, kind, dedupKey, code, args);
        }
    }

    private void send(Recipients recipients, TaskRow task, String kind, String dedupKey, String code,
                      Object... args) {
        Object[] withTitle = new Object[args.length + 1];
        withTitle[0] = task.title();
        System.arraycopy(args, 0, withTitle, 1, args.length);
        events.publishEvent(new NotificationRequested(recipients, kind,
                messages.chinese(code + ".title", withTitle), messages.chinese(code + ".body", withTitle),
                "/tasks/" + task.id(), dedupKey));
    }
}
