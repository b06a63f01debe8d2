package cn.luoshi.appeal.internal;

/**
 * Everything a person can do to an appeal once it is filed: the transitions of
 * {@link cn.luoshi.appeal.AppealAction} and the enterprise's rating and the supervisor's callback.
 */
public enum AppealOperation {
    DISPATCH, ACCEPT, ANSWER, TRANSFER, CLOSE, REOPEN,
    /** The enterprise rates the answer (满意度). */
    RATE,
    /** The supervisor records a callback (回访). */
    CALLBACK
}
