package cn.luoshi.appeal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import cn.luoshi.appeal.internal.WorkingCalendar;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Working days and hours as the State Council's holiday notices for 2025 and 2026 define them. */
@LuoshiTest
class WorkingCalendarTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    WorkingCalendar calendar;

    static ZonedDateTime at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, BEIJING);
    }

    @Test
    void holidaysAndMakeUpDaysOf2025And2026() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).as("春节 Monday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("调休 Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).as("调休 Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("国庆调休 Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 8))).as("Thursday after 国庆").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).as("2025 国庆 Wednesday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).as("2025 调休 Sunday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 7, 18))).as("ordinary Saturday").isFalse();
        assertThat(calendar.covers(2025)).isTrue();
        assertThat(calendar.covers(2026)).isTrue();
    }

    @Test
    void answerDeadlinesSkipTheMidAutumnAndNationalDayHolidaysAndCountTheMakeUpSaturday() {
        // Filed on Thursday 24 September 2026: 25th is 中秋, 26-27 the weekend, 1-7 October 国庆.
        ZonedDateTime filed = at(2026, 9, 24, 10, 0);
        assertThat(calendar.plusWorkingDays(filed, 1)).isEqualTo(at(2026, 9, 28, 17, 30));
        assertThat(calendar.plusWorkingDays(filed, 5)).isEqualTo(at(2026, 10, 9, 17, 30));
        // The sixth working day is the 调休 Saturday 10 October.
        assertThat(calendar.plusWorkingDays(filed, 6)).isEqualTo(at(2026, 10, 10, 17, 30));
        assertThat(calendar.plusWorkingDays(filed, 10)).isEqualTo(at(2026, 10, 15, 17, 30));
    }

    @Test
    void acceptanceHoursCountOnlyOfficeHours() {
        // Friday afternoon: 1 hour left on Friday, the next hour on Monday morning.
        assertThat(calendar.plusWorkingHours(at(2026, 7, 17, 16, 30), 2)).isEqualTo(at(2026, 7, 20, 9, 30));
        // Over lunch: 11:30 + 2 h = 30 min before lunch, 90 min after 14:00.
        assertThat(calendar.plusWorkingHours(at(2026, 7, 15, 11, 30), 2)).isEqualTo(at(2026, 7, 15, 15, 30));
        // Friday 13 February 2026 evening: the next working day is the 调休 Saturday 14th.
        assertThat(calendar.plusWorkingHours(at(2026, 2, 13, 19, 0), 2)).isEqualTo(at(2026, 2, 14, 10, 30));
        // Saturday 14th evening: the Spring Festival runs to the 23rd, work resumes on Tuesday 24th.
        assertThat(calendar.plusWorkingHours(at(2026, 2, 14, 18, 0), 2)).isEqualTo(at(2026, 2, 24, 10, 30));
    }
}
