package cn.luoshi.indicator;

/**
 * RUNNING while reading or writing; PREVIEW when checked and shown with nothing written, waiting for the user to
 * confirm; DONE when written; REJECTED when a bad row refused the whole file; FAILED on a fault or an interruption.
 */
public enum ImportStatus {
    RUNNING, PREVIEW, DONE, REJECTED, FAILED
}
