package cn.luoshi.task;

/** Where a task came from. */
public enum SourceKind {
    /** Deployed at a meeting (会议部署), usually picked out of the speech. */
    MEETING,
    /** A problem of a key project (项目问题). */
    PROJECT,
    /** An enterprise appeal handed over for supervision. */
    APPEAL,
    /** Typed in by the supervision office. */
    MANUAL
}
