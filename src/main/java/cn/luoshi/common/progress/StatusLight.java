package cn.luoshi.common.progress;

/**
 * 红黄绿灯, with blue for "due soon". The order is the order of urgency: RED before YELLOW before BLUE before GREEN.
 */
public enum StatusLight {
    /** On track. */
    GREEN,
    /** Due within the configured number of days. */
    BLUE,
    /** Behind time-progress by more than the yellow gap. */
    YELLOW,
    /** Overdue, or behind time-progress by more than the red gap. */
    RED;

    public boolean worseThan(StatusLight other) {
        return ordinal() > other.ordinal();
    }
}
