package cn.luoshi.cockpit.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

import cn.luoshi.common.error.DomainException;

/**
 * The month the cockpit is read as of: {@code YYYY-MM}, by default the latest complete month by the clock (on
 * 2026-07-15 that is 2026-06). A month not yet over, or before 2000, or anything else is refused (400).
 */
public final class AsOf {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    private AsOf() {
    }

    public static YearMonth latest(Clock clock) {
        return YearMonth.from(LocalDate.now(clock)).minusMonths(1);
    }

    public static YearMonth parse(String text, Clock clock) {
        YearMonth latest = latest(clock);
        if (text == null || text.isBlank()) {
            return latest;
        }
        String value = text.strip();
        if (!MONTH.matcher(value).matches()) {
            throw DomainException.invalid("cockpit.error.asOf", value, latest.toString());
        }
        YearMonth month = YearMonth.parse(value);
        if (month.isAfter(latest) || month.getYear() < 2000) {
            throw DomainException.invalid("cockpit.error.asOf", value, latest.toString());
        }
        return month;
    }
}
