package cn.luoshi.appeal.internal;

import java.time.OffsetDateTime;

/** A year whose State Council holiday notice the calendar holds, and who recorded it. */
public record CalendarYear(int year, String source, String recordedBy, OffsetDateTime recordedAt, int version,
                           int holidays, int workdays) {
}
