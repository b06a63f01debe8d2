package cn.luoshi.task.internal;

import java.util.List;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.task.EscalationRung;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The escalation ladder 提醒 → 催办 → 督办 → 约谈 → 问责, rung by rung. A task has at most one open rung.
 * <ul>
 *   <li>Raise: the daily round raises 提醒, 催办 and 督办 from the lights (blue, yellow, red), the supervision office
 *       any rung (约谈 and 问责 only it). A rung must be higher than the open one; raising it closes the open one
 *       (ESCALATED). The rung above the open one is the next step; any higher one skips a rung and needs a reason
 *       (the daily round's reason is the light it read). Who may raise on which task, and when, is
 *       {@link TaskRules} (RAISE_ESCALATION).</li>
 *   <li>Respond: the lead unit answers the open rung once (RESPOND_ESCALATION).</li>
 *   <li>Close: the supervision office closes the open rung as RECTIFIED or CONCLUDED (CLOSE_ESCALATION); the daily
 *       round lifts its own rungs when the light recovers (RECOVERED); completing or cancelling the task closes
 *       the open rung (TASK_FINISHED).</li>
 * </ul>
 */
final class EscalationRules {

    static final int TEXT_MAX = 2000;

    private EscalationRules() {
    }

    /** Who may raise the rung: the daily round only those the lights call for, the office every one. */
    static boolean mayRaise(EscalationRung rung, boolean byRound) {
        return !byRound || rung.followsLights();
    }

    /**
     * Checks raising {@code rung} over the open level (0 when none): 409 unless it is higher, 400 when it skips a
     * rung without a reason. Returns whether it skips one.
     */
    static boolean checkRaise(EscalationRung rung, int openLevel, boolean byRound, String reason) {
        if (rung == null) {
            throw DomainException.invalidFields(List.of(new FieldProblem("rung", "validation.NotNull")));
        }
        if (!mayRaise(rung, byRound)) {
            throw DomainException.forbidden("task.error.escalation.officeOnly", rungName(rung));
        }
        if (rung.level() <= openLevel) {
            throw DomainException.conflict("task.error.escalation.notHigher",
                    rungName(EscalationRung.ofLevel(openLevel).orElseThrow()), rungName(rung));
        }
        if (reason != null && reason.strip().length() > TEXT_MAX) {
            throw DomainException.invalidFields(List.of(new FieldProblem("reason", "validation.tooLong", TEXT_MAX)));
        }
        boolean skips = rung.level() > openLevel + 1;
        if (skips && (reason == null || reason.isBlank())) {
            throw DomainException.invalidFields(List.of(new FieldProblem("reason",
                    "task.error.escalation.skipNeedsReason", rungName(rung),
                    rungName(EscalationRung.ofLevel(openLevel + 1).orElseThrow()))));
        }
        return skips;
    }

    static DefaultMessageSourceResolvable rungName(EscalationRung rung) {
        return new DefaultMessageSourceResolvable("task.rung." + rung.name());
    }
}
