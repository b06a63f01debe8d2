package cn.luoshi.appeal;

import java.time.LocalDate;
import java.util.List;

/** The statistics of a period: overall, by responsible unit, by category and by month. */
public record AppealStats(LocalDate from, LocalDate to, AppealFigures overall, List<AppealFigures> byUnit,
                          List<AppealFigures> byCategory, List<AppealFigures> byMonth) {
}
