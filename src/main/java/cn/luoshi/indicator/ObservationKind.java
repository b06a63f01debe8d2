package cn.luoshi.indicator;

/**
 * What an observation measures (DESIGN.md): the value of the period itself (当期), the year-to-date cumulative value
 * to the period's end (累计), or the official year-on-year growth rate in percent at comparable prices (增速), which
 * is imported as published and never recomputed from nominal values.
 */
public enum ObservationKind {
    VALUE, YTD, GROWTH
}
