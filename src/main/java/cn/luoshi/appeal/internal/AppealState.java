package cn.luoshi.appeal.internal;

import java.time.OffsetDateTime;

import cn.luoshi.appeal.Appeal;
import cn.luoshi.appeal.AppealStatus;
import cn.luoshi.appeal.CloseReason;
import cn.luoshi.appeal.Rating;

/** The columns of an appeal that its state changes touch; each change derives a new state from the old. */
public record AppealState(AppealStatus status, Long responsibleUnitId, OffsetDateTime dispatchedAt,
                          OffsetDateTime acceptDueAt, OffsetDateTime acceptedAt, OffsetDateTime answerDueAt,
                          OffsetDateTime answeredAt, String answer, OffsetDateTime closedAt, CloseReason closeReason,
                          Rating rating, String ratingComment, OffsetDateTime ratedAt, int reopenCount,
                          boolean supervisorFlag, int escalationLevel) {

    public static AppealState of(Appeal a) {
        return new AppealState(a.status(), a.responsibleUnitId(), a.dispatchedAt(), a.acceptDueAt(), a.acceptedAt(),
                a.answerDueAt(), a.answeredAt(), a.answer(), a.closedAt(), a.closeReason(), a.rating(),
                a.ratingComment(), a.ratedAt(), a.reopenCount(), a.supervisorFlag(), a.escalationLevel());
    }

    public AppealState dispatched(long unitId, OffsetDateTime at, OffsetDateTime acceptDue) {
        return new AppealState(AppealStatus.DISPATCHED, unitId, at, acceptDue, null, answerDueAt, answeredAt, answer,
                closedAt, closeReason, rating, ratingComment, ratedAt, reopenCount, supervisorFlag,
                escalationLevel >= 2 ? escalationLevel : 0);
    }

    public AppealState accepted(OffsetDateTime at) {
        return new AppealState(AppealStatus.ACCEPTED, responsibleUnitId, dispatchedAt, acceptDueAt, at, answerDueAt,
                answeredAt, answer, closedAt, closeReason, rating, ratingComment, ratedAt, reopenCount,
                supervisorFlag, escalationLevel == 1 ? 0 : escalationLevel);
    }

    public AppealState answered(String text, OffsetDateTime at) {
        return new AppealState(AppealStatus.ANSWERED, responsibleUnitId, dispatchedAt, acceptDueAt, acceptedAt,
                answerDueAt, at, text, closedAt, closeReason, rating, ratingComment, ratedAt, reopenCount,
                supervisorFlag, 0);
    }

    public AppealState rated(Rating r, String comment, OffsetDateTime at) {
        return new AppealState(status, responsibleUnitId, dispatchedAt, acceptDueAt, acceptedAt, answerDueAt,
                answeredAt, answer, closedAt, closeReason, r, comment, at, reopenCount,
                supervisorFlag || !r.satisfied(), escalationLevel);
    }

    public AppealState closed(CloseReason reason, OffsetDateTime at) {
        return new AppealState(AppealStatus.CLOSED, responsibleUnitId, dispatchedAt, acceptDueAt, acceptedAt,
                answerDueAt, answeredAt, answer, at, reason, rating, ratingComment, ratedAt, reopenCount,
                supervisorFlag, escalationLevel);
    }

    public AppealState reopened(OffsetDateTime newAnswerDue, boolean flag) {
        return new AppealState(AppealStatus.REOPENED, responsibleUnitId, dispatchedAt, acceptDueAt, acceptedAt,
                newAnswerDue, answeredAt, answer, null, null, rating, ratingComment, ratedAt, reopenCount + 1,
                supervisorFlag || flag, 0);
    }

    public AppealState escalated(int level, boolean flag) {
        return new AppealState(status, responsibleUnitId, dispatchedAt, acceptDueAt, acceptedAt, answerDueAt,
                answeredAt, answer, closedAt, closeReason, rating, ratingComment, ratedAt, reopenCount,
                supervisorFlag || flag, level);
    }
}
