package cn.luoshi.common.backup;

/** A restore that did not happen, with the reason in plain words for the operator; nothing was changed. */
public class RestoreRefused extends RuntimeException {

    RestoreRefused(String message) {
        super(message);
    }

    RestoreRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
