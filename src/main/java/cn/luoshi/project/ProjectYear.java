package cn.luoshi.project;

import java.math.BigDecimal;

/** A project's plan for a year and what was completed in it (the sum of the monthly reports). */
public record ProjectYear(int year, BigDecimal planned, BigDecimal completed) {
}
