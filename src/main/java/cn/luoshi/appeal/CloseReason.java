package cn.luoshi.appeal;

/** Why an appeal was closed. */
public enum CloseReason {
    /** The enterprise rated the answer satisfied or basically satisfied. */
    RATED,
    /** The enterprise did not rate within the rating period. */
    NO_RATING,
    WITHDRAWN,
    DUPLICATE,
    UNRESOLVABLE,
    /** Rated unsatisfied a second time: closed and left flagged for the supervisor. */
    UNSATISFIED_AGAIN;

    /** Closed by the dispatcher without an answer: such appeals do not count in the rates. */
    public boolean administrative() {
        return this == WITHDRAWN || this == DUPLICATE;
    }
}
