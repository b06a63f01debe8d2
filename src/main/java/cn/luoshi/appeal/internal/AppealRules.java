package cn.luoshi.appeal.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.luoshi.appeal.Appeal;
import cn.luoshi.appeal.AppealStatus;
import cn.luoshi.common.error.DomainException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import static cn.luoshi.appeal.AppealStatus.ACCEPTED;
import static cn.luoshi.appeal.AppealStatus.ANSWERED;
import static cn.luoshi.appeal.AppealStatus.CLOSED;
import static cn.luoshi.appeal.AppealStatus.DISPATCHED;
import static cn.luoshi.appeal.AppealStatus.REOPENED;
import static cn.luoshi.appeal.AppealStatus.SUBMITTED;

/**
 * Who may do what to an appeal, and when: the one table the service ({@code Appeals}) and the offered actions (the
 * page's buttons, {@code allowedActions} in the API) both read. Each rule asks "may this person?" (403), then "does
 * the appeal allow it now?" (409 naming the appeal and its status); what a request carries (the answer, a reason,
 * a unit) is checked afterwards (400).
 *
 * <pre>
 *             DISPATCH            ACCEPT            ANSWER                 RATE satisfied
 *  SUBMITTED ─────────► DISPATCHED ──────► ACCEPTED ──────► ANSWERED ───────────────────► CLOSED (RATED)
 *  dispatcher            handler    ▲       handler   ▲      │  │ owner, RATE unsatisfied (first time)
 *                                   │                 │      │  ▼
 *                         TRANSFER ─┘ handler or      └─── REOPENED ◄── REOPEN (dispatcher, once, with a reason)
 *                         (DISPATCHED, ACCEPTED,   ANSWER       │         from ANSWERED, or from CLOSED unless
 *                          REOPENED) dispatcher    (handler)    │         withdrawn or a duplicate
 *                                                               └─ answered again, RATE unsatisfied again →
 *                                                                  CLOSED (UNSATISFIED_AGAIN, flagged)
 *  CLOSE (dispatcher, with a reason: withdrawn, duplicate, cannot be solved): SUBMITTED, DISPATCHED, ACCEPTED or
 *  REOPENED → CLOSED. Not from ANSWERED: an answered appeal is the enterprise's to rate, and an unsatisfied rating
 *  reopens it; it closes by the rating, or by the rating period running out (NO_RATING). Withdrawal is the
 *  enterprise's choice before the answer, recorded by the dispatcher.
 *  CALLBACK (supervisor): ANSWERED or CLOSED.
 * </pre>
 */
public final class AppealRules {

    /** Still waiting for the unit's answer: the statuses in which the appeal may be withdrawn or closed. */
    static final Set<AppealStatus> BEFORE_ANSWER = EnumSet.of(SUBMITTED, DISPATCHED, ACCEPTED, REOPENED);

    private AppealRules() {
    }

    /** Throws the refusal (403 or 409) unless the person may do this to the appeal now. */
    public static void check(AppealOperation op, Appeal a, AppealStanding by) {
        switch (op) {
            case DISPATCH -> {
                require(by.dispatcher(), "appeal.error.onlyDispatcher");
                status(a, "appeal.error.dispatchOnlySubmitted", EnumSet.of(SUBMITTED));
            }
            case ACCEPT -> {
                require(by.handler(), "appeal.error.onlyHandler");
                status(a, "appeal.error.acceptOnlyDispatched", EnumSet.of(DISPATCHED));
            }
            case ANSWER -> {
                require(by.handler(), "appeal.error.onlyHandler");
                if (a.status() == DISPATCHED) {
                    throw DomainException.conflict("appeal.error.acceptFirst", a.code());
                }
                status(a, "appeal.error.answerOnlyAccepted", EnumSet.of(ACCEPTED, REOPENED));
            }
            case TRANSFER -> {
                require(by.handler() || by.dispatcher(), "appeal.error.onlyHandlerOrDispatcher");
                status(a, "appeal.error.transferOnlyOpen", EnumSet.of(DISPATCHED, ACCEPTED, REOPENED));
            }
            case CLOSE -> {
                require(by.dispatcher(), "appeal.error.onlyDispatcher");
                if (a.status() == CLOSED) {
                    throw DomainException.conflict("appeal.error.alreadyClosed", a.code());
                }
                status(a, "appeal.error.closeAnswered", BEFORE_ANSWER);
            }
            case REOPEN -> {
                require(by.dispatcher(), "appeal.error.onlyDispatcher");
                status(a, "appeal.error.reopenOnlyAnswered", EnumSet.of(ANSWERED, CLOSED));
                if (a.reopenCount() > 0) {
                    throw DomainException.conflict("appeal.error.reopenedOnce", a.code());
                }
                if (a.status() == CLOSED && a.closeReason() != null && a.closeReason().administrative()) {
                    throw DomainException.conflict("appeal.error.reopenAdministrative", a.code());
                }
            }
            case RATE -> {
                require(by.owner(), "appeal.error.onlyEnterprise");
                if (a.status() != ANSWERED) {
                    throw DomainException.conflict("appeal.error.rateOnlyAnswered", a.code());
                }
            }
            case CALLBACK -> {
                require(by.supervisor(), "appeal.error.onlySupervisor");
                if (a.status() != ANSWERED && a.status() != CLOSED) {
                    throw DomainException.conflict("appeal.error.callbackOnlyAnswered", a.code());
                }
            }
        }
    }

    /** What the person may do to the appeal now, in the table's order. */
    public static List<String> allowed(Appeal a, AppealStanding by) {
        List<String> allowed = new ArrayList<>();
        for (AppealOperation op : AppealOperation.values()) {
            try {
                check(op, a, by);
                allowed.add(op.name());
            } catch (DomainException refused) {
                // not for this person now
            }
        }
        return allowed;
    }

    private static void require(boolean allowed, String code) {
        if (!allowed) {
            throw DomainException.forbidden(code);
        }
    }

    private static void status(Appeal a, String code, Set<AppealStatus> allowed) {
        if (!allowed.contains(a.status())) {
            throw DomainException.conflict(code, a.code(),
                    new DefaultMessageSourceResolvable("appeal.status." + a.status()));
        }
    }
}
