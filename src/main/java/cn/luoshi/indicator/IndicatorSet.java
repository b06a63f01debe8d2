package cn.luoshi.indicator;

/** The groups statistics offices keep their tables in; each has its own import template. */
public enum IndicatorSet {
    ECONOMY, INDUSTRY, FISCAL, DEMAND, OPENNESS, LIVELIHOOD, INNOVATION, ECOLOGY
}
