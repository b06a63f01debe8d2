package cn.luoshi.target;

/** How a target is worded in a speech, and so how its attainment is judged. */
public enum TargetComparator {
    /** 达到 X: reach the amount. */
    REACH,
    /** 突破 X: go beyond the amount. */
    EXCEED,
    /** 增长 X%: grow by X percent over the base year (per year for a multi-year target). */
    GROWTH,
    /** 翻一番: double the base year's value by the deadline. */
    DOUBLE,
    /** 进入前 N: rank among the first N of the siblings. */
    TOP_N,
    /** 高于平均: stay above the average of the parent region (全省平均水平). */
    ABOVE_AVERAGE
}
