package cn.luoshi.project;

import java.math.BigDecimal;
import java.util.List;

/**
 * A year's investment plan: the annual amount and, optionally, its split by month (12 entries, null where no
 * month plan is set). Without month plans the time-progress is m/12.
 */
public record AnnualPlan(Integer year, BigDecimal planned, List<BigDecimal> months) {
}
