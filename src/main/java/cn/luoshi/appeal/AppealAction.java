package cn.luoshi.appeal;

/** The state changes of {@code POST /api/v1/appeals/{id}/transitions}. */
public enum AppealAction {
    /** Dispatching office: send a submitted appeal to a responsible unit (with co-units). */
    DISPATCH,
    /** Responsible unit: sign for the appeal (签收). */
    ACCEPT,
    /** Responsible unit: give the answer. */
    ANSWER,
    /** Responsible unit or dispatching office: hand the appeal to another unit, with a reason. */
    TRANSFER,
    /** Dispatching office: close without a rating (withdrawn, duplicate, cannot be solved), with a reason. */
    CLOSE,
    /** Dispatching office or supervisor: reopen an answered or closed appeal once, with a reason. */
    REOPEN
}
