package cn.luoshi.appeal.internal;

import java.time.LocalDate;

/**
 * One day of a holiday notice that differs from, or belongs to a holiday around, Monday-to-Friday: a holiday
 * ({@code working = false}, also when it falls on a weekend) or a weekend day worked in exchange (调休,
 * {@code working = true}). {@code note} names it (春节, 国庆节调休上班 …).
 */
public record CalendarDay(LocalDate day, boolean working, String note) {
}
