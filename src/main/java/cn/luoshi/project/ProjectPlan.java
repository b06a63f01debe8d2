package cn.luoshi.project;

/**
 * A year's plan of starts and completions (计划新开工 / 计划竣工) as a list filter, with {@code planYear}: the
 * projects planned to start (or finish) in the year, and those of them that have started (or finished).
 */
public enum ProjectPlan {
    /** 计划新开工: the project starts in the year. */
    STARTS,
    /** 已开工: planned to start in the year and past 前期. */
    STARTED,
    /** 计划竣工: the project ends in the year. */
    ENDS,
    /** 已竣工: planned to end in the year and 竣工 or 投产. */
    ENDED
}
