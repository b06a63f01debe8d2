package cn.luoshi.project;

/** What becomes of a problem raised on a project. */
public enum ProblemRoute {
    /** Kept on the project's problem list only. */
    NONE,
    /** A supervised task (督办) for the project's lead unit. */
    TASK,
    /** An enterprise appeal (企业诉求) of the project's enterprise, dispatched to the lead unit. */
    APPEAL
}
