package cn.luoshi.indicator;

/** RUNNING while reading or writing; DONE when written; REJECTED when a bad row refused the whole file. */
public enum ImportStatus {
    RUNNING, DONE, REJECTED, FAILED
}
