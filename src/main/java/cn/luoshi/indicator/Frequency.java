package cn.luoshi.indicator;

import cn.luoshi.indicator.Period.PeriodType;

/** How often an indicator is published; it sets the columns of its data grid and import template. */
public enum Frequency {
    MONTHLY(PeriodType.MONTH), QUARTERLY(PeriodType.QUARTER), YEARLY(PeriodType.YEAR);

    private final PeriodType periodType;

    Frequency(PeriodType periodType) {
        this.periodType = periodType;
    }

    public PeriodType periodType() {
        return periodType;
    }
}
