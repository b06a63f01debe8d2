package cn.luoshi.target;

/** How time-progress runs through the year: evenly by month, or following last year's monthly shares. */
public enum ProgressProfile {
    LINEAR, SEASONAL
}
