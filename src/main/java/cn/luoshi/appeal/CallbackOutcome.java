package cn.luoshi.appeal;

/** What a supervisor learnt when calling an enterprise back (回访). */
public enum CallbackOutcome {
    /** The enterprise confirms the problem was handled as recorded. */
    CONFIRMED,
    /** The enterprise disagrees with what was recorded. */
    DISAGREES,
    UNREACHABLE
}
