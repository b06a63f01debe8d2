package cn.luoshi.appeal;

/**
 * Where an appeal stands. SUBMITTED → DISPATCHED → ACCEPTED → ANSWERED → CLOSED; a transfer sends it back to
 * DISPATCHED at another unit; an unsatisfied rating turns ANSWERED into REOPENED once, which is answered again.
 */
public enum AppealStatus {
    /** Filed, waiting for the dispatching office to choose the responsible unit. */
    SUBMITTED,
    /** Sent to a responsible unit, waiting for it to sign for it (签收). */
    DISPATCHED,
    /** Signed for; the unit is working on it. */
    ACCEPTED,
    /** Answered; waiting for the enterprise's rating. */
    ANSWERED,
    /** Rated unsatisfied once; the unit must answer again. */
    REOPENED,
    /** Done: rated, not rated in time, or closed by the dispatcher (withdrawn, duplicate). */
    CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }

    /** Still waiting for an answer from the unit (the answer deadline runs). */
    public boolean awaitsAnswer() {
        return this == SUBMITTED || this == DISPATCHED || this == ACCEPTED || this == REOPENED;
    }
}
