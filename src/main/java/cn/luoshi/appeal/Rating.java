package cn.luoshi.appeal;

/** The enterprise's verdict on an answer. */
public enum Rating {
    SATISFIED,
    BASICALLY_SATISFIED,
    UNSATISFIED;

    public boolean satisfied() {
        return this != UNSATISFIED;
    }
}
