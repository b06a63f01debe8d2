package cn.luoshi.task.internal;

import java.time.LocalDate;
import java.util.Map;

import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.Role;
import cn.luoshi.task.ReportCycle;

/**
 * What a task asks of a user (首页待办), as SQL over {@code task t}: the home page counts with these conditions and
 * the board lists with them ({@code /tasks?todo=SIGN}), so a count and its list never differ. Conditions name the
 * user's unit as {@code :todoUnit} and the ends of this week, half-month and month as {@code :weekEnd},
 * {@code :halfEnd}, {@code :monthEnd}; the scope condition of the reader is added by the caller.
 */
public enum TaskTodo {

    /** 待签收: issued to the user's unit as lead unit (handler or head may sign). */
    SIGN("t.status = 'ASSIGNED' and t.lead_unit_id = :todoUnit", "inbox", Role.UNIT_HANDLER, Role.UNIT_HEAD),
    /** 本期待反馈: the lead unit's report falls due by the end of the task's current report period (or is late). */
    REPORT("t.status in ('ACCEPTED', 'IN_PROGRESS') and t.lead_unit_id = :todoUnit and t.next_report_due <="
            + " (case t.report_cycle when 'WEEKLY' then :weekEnd when 'HALF_MONTHLY' then :halfEnd"
            + " else :monthEnd end)", "graph-up-arrow", Role.UNIT_HANDLER),
    /** 待审批: a progress report of the user's unit waits for its head. */
    APPROVE("exists (select 1 from task_report pr where pr.task_id = t.id and pr.unit_id = :todoUnit"
            + " and pr.status = 'PENDING')", "patch-check", Role.UNIT_HEAD),
    /** 待审核销号: the lead unit asks to close the task (the supervision office reviews). */
    REVIEW("t.status = 'COMPLETION_REQUESTED'", "flag", Role.SUPERVISOR),
    /** 待审批延期: an extension request waits for the supervision office. */
    EXTENSION("exists (select 1 from task_extension px where px.task_id = t.id and px.status = 'PENDING')",
            "calendar-plus", Role.SUPERVISOR),
    /**
     * 督办待回复: an open rung of the escalation ladder from 催办 up on a task the unit leads, not yet answered (提醒
     * only says a deadline is near and asks for no answer).
     */
    ESCALATION("t.lead_unit_id = :todoUnit and exists (select 1 from task_escalation pq where pq.task_id = t.id"
            + " and pq.closed_at is null and pq.responded_at is null and pq.rung >= 2)", "exclamation-triangle",
            Role.UNIT_HANDLER, Role.UNIT_HEAD),
    /** 领导批示待落实: a leader's instruction on an open task of the unit, not yet answered by a report of it. */
    INSTRUCTION("t.status not in ('COMPLETED', 'CANCELLED') and (t.lead_unit_id = :todoUnit"
            + " or :todoUnit = any(t.co_unit_ids)) and exists (select 1 from task_event pe where pe.task_id = t.id"
            + " and pe.kind = 'INSTRUCTION' and not " + answeredAfter("pe.occurred_at", ":todoUnit") + ")",
            "pen", Role.UNIT_HANDLER, Role.UNIT_HEAD);

    private final String condition;
    private final String icon;
    private final Role[] roles;

    TaskTodo(String condition, String icon, Role... roles) {
        this.condition = condition;
        this.icon = icon;
        this.roles = roles;
    }

    /**
     * "A unit answered an instruction": it filed a progress report on the task after the instruction. The cockpit's
     * list of instructions and the to-do above both use this rule.
     */
    static String answeredAfter(String instant, String unit) {
        return "exists (select 1 from task_report ar where ar.task_id = t.id and ar.unit_id = " + unit
                + " and ar.reported_at > " + instant + ")";
    }

    /** The time of that first answer (null when none): the cockpit shows it beside each instruction. */
    static String firstAnswerAfter(String instant, String unit) {
        return "(select min(ar.reported_at) from task_report ar where ar.task_id = t.id and ar.unit_id = " + unit
                + " and ar.reported_at > " + instant + ")";
    }

    String condition() {
        return "(" + condition + ")";
    }

    String icon() {
        return icon;
    }

    /** Whether the line belongs on this user's list: the role that acts, and a unit where the rule needs one. */
    boolean appliesTo(LuoshiUser user) {
        boolean role = user.hasAny(roles);
        return role && (this == REVIEW || this == EXTENSION || user.unitId() != null);
    }

    /** The parameters the conditions use, for a user's unit on a day. */
    static Map<String, Object> params(Long unitId, LocalDate today) {
        return Map.of("todoUnit", unitId == null ? -1L : unitId,
                "weekEnd", ReportCycle.WEEKLY.periodEnd(today),
                "halfEnd", ReportCycle.HALF_MONTHLY.periodEnd(today),
                "monthEnd", ReportCycle.MONTHLY.periodEnd(today));
    }
}
