package cn.luoshi.indicator;

/** What a ranking compares: the value itself, or its year-on-year growth. */
public enum RankBy {
    VALUE, GROWTH
}
