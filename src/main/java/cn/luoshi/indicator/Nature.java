package cn.luoshi.indicator;

/** How an indicator behaves over time, which decides what "its value for a period" means. */
public enum Nature {
    /** Accumulates over the year (GDP, revenue, investment): statistics compare the cumulative 1–N月 value. */
    FLOW,
    /** A level at the end of a period (population, number of enterprises, urbanisation rate). */
    STOCK,
    /** A ratio or average published for the cumulative period but never summed (share of GDP, good-air share). */
    RATE
}
