package cn.luoshi.appeal;

/**
 * What an appeal asks of a user (首页待办); the list filters by it ({@code /appeals?todo=ACCEPT}) with the same
 * condition the home page counts with.
 */
public enum AppealTodo {
    /** 待派发: filed, waiting for the user's dispatching office. */
    DISPATCH,
    /** 待签收: dispatched to a unit in the user's scope. */
    ACCEPT,
    /** 待答复: signed for (or reopened) and waiting for the answer of a unit in the user's scope. */
    ANSWER,
    /** 待督办: open appeals raised for the supervisor (rated unsatisfied, or past the answer deadline). */
    FLAGGED,
    /** 待评价: answered appeals of the enterprise waiting for its rating. */
    RATE
}
