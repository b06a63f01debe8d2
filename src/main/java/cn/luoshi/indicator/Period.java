package cn.luoshi.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statistical period as DESIGN.md writes it: {@code 2025} (year), {@code 2025H1} (half), {@code 2025Q2} (quarter),
 * {@code 2025-06} (month). Periods order by their last month, the shorter first when two end together, so a
 * year-to-date series reads left to right.
 *
 * @param number 1–2 for halves, 1–4 for quarters, 1–12 for months, 0 for a year
 */
public record Period(PeriodType type, int year, int number) implements Comparable<Period> {

    public enum PeriodType {
        YEAR('Y', 12), HALF('H', 6), QUARTER('Q', 3), MONTH('M', 1);

        private final char letter;
        private final int months;

        PeriodType(char letter, int months) {
            this.letter = letter;
            this.months = months;
        }

        /** The one-letter form stored next to each observation. */
        public char letter() {
            return letter;
        }

        public int months() {
            return months;
        }

        public static PeriodType ofLetter(char letter) {
            for (PeriodType type : values()) {
                if (type.letter == letter) {
                    return type;
                }
            }
            throw new IllegalArgumentException("no period type " + letter);
        }
    }

    private static final Pattern CODE = Pattern.compile("(\\d{4})(?:([HQ])(\\d)|-(\\d{1,2}))?");
    private static final String[] CHINESE_DIGITS = {"", "一", "二", "三", "四"};

    public Period {
        if (year < 1900 || year > 2200) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        int max = switch (type) {
            case YEAR -> 0;
            case HALF -> 2;
            case QUARTER -> 4;
            case MONTH -> 12;
        };
        if (type == PeriodType.YEAR ? number != 0 : number < 1 || number > max) {
            throw new IllegalArgumentException("bad " + type + " number " + number);
        }
    }

    public static Period year(int year) {
        return new Period(PeriodType.YEAR, year, 0);
    }

    public static Period half(int year, int half) {
        return new Period(PeriodType.HALF, year, half);
    }

    public static Period quarter(int year, int quarter) {
        return new Period(PeriodType.QUARTER, year, quarter);
    }

    public static Period month(int year, int month) {
        return new Period(PeriodType.MONTH, year, month);
    }

    /** The canonical codes only ({@code 2025}, {@code 2025H1}, {@code 2025Q2}, {@code 2025-06}); see {@link #read}. */
    public static Period parse(String code) {
        return tryParse(code).orElseThrow(() -> new IllegalArgumentException("not a period: " + code));
    }

    public static Optional<Period> tryParse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher m = CODE.matcher(code.strip().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        try {
            if (m.group(2) != null) {
                int n = Integer.parseInt(m.group(3));
                return Optional.of(m.group(2).equals("H") ? half(year, n) : quarter(year, n));
            }
            if (m.group(4) != null) {
                return Optional.of(month(year, Integer.parseInt(m.group(4))));
            }
            return Optional.of(year(year));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A period as written in a statistics office's table: the canonical codes, and Chinese forms such as
     * {@code 2025年}, {@code 2025年6月}, {@code 2025年1-6月} (a cumulative period), {@code 2025年上半年},
     * {@code 2025年二季度}, {@code 2025年前三季度} (cumulative), {@code 2025.06}, {@code 202506}.
     */
    public static Optional<Reading> read(String text) {
        return PeriodText.read(text);
    }

    /**
     * What a period cell says: the period, and whether the text itself marks a cumulative value (1–6月, 前三季度).
     */
    public record Reading(Period period, boolean cumulative) {
    }

    public String code() {
        return switch (type) {
            case YEAR -> Integer.toString(year);
            case HALF -> year + "H" + number;
            case QUARTER -> year + "Q" + number;
            case MONTH -> year + "-" + (number < 10 ? "0" : "") + number;
        };
    }

    @Override
    public String toString() {
        return code();
    }

    public int endMonth() {
        return type == PeriodType.YEAR ? 12 : number * type.months();
    }

    public int startMonth() {
        return endMonth() - type.months() + 1;
    }

    /** Year × 100 + last month: one comparable number per period end, stored next to each observation. */
    public int ord() {
        return year * 100 + endMonth();
    }

    /** Whether the period itself runs from January, so its value is also the year-to-date value. */
    public boolean startsInJanuary() {
        return startMonth() == 1;
    }

    public Period sameLastYear() {
        return minusYears(1);
    }

    public Period minusYears(int years) {
        return new Period(type, year - years, number);
    }

    public Period next() {
        return switch (type) {
            case YEAR -> year(year + 1);
            case HALF -> number == 2 ? half(year + 1, 1) : half(year, 2);
            case QUARTER -> number == 4 ? quarter(year + 1, 1) : quarter(year, number + 1);
            case MONTH -> number == 12 ? month(year + 1, 1) : month(year, number + 1);
        };
    }

    /** The periods of one type from {@code from} to {@code to} inclusive (empty when to lies before from). */
    public static List<Period> range(Period from, Period to) {
        if (from.type != to.type) {
            throw new IllegalArgumentException("a range needs two periods of one type");
        }
        List<Period> periods = new ArrayList<>();
        for (Period p = from; p.compareTo(to) <= 0 && periods.size() < 1200; p = p.next()) {
            periods.add(p);
        }
        return periods;
    }

    /** The period of this type that contains the given month (e.g. the quarter of June). */
    public static Period containing(PeriodType type, int year, int month) {
        return switch (type) {
            case YEAR -> year(year);
            case HALF -> half(year, (month + 5) / 6);
            case QUARTER -> quarter(year, (month + 2) / 3);
            case MONTH -> month(year, month);
        };
    }

    /** Chinese label of the period itself: 2025年, 2025年上半年, 2025年二季度, 2025年6月. */
    public String label() {
        return switch (type) {
            case YEAR -> year + "年";
            case HALF -> year + (number == 1 ? "年上半年" : "年下半年");
            case QUARTER -> year + "年" + CHINESE_DIGITS[number] + "季度";
            case MONTH -> year + "年" + number + "月";
        };
    }

    /** Chinese label of the cumulative period up to this one's end: 2025年1-6月, 2025年前三季度, 2025年. */
    public String cumulativeLabel() {
        int end = endMonth();
        if (end == 12) {
            return year + "年";
        }
        return switch (type) {
            case HALF -> year + "年上半年";
            case QUARTER -> switch (number) {
                case 1 -> year + "年一季度";
                case 2 -> year + "年上半年";
                default -> year + "年前三季度";
            };
            default -> end == 1 ? year + "年1月" : year + "年1-" + end + "月";
        };
    }

    /** English label: 2025, 2025 H1, 2025 Q2, 2025-06. */
    public String labelEn() {
        return switch (type) {
            case YEAR -> Integer.toString(year);
            case HALF -> year + " H" + number;
            case QUARTER -> year + " Q" + number;
            case MONTH -> code();
        };
    }

    @Override
    public int compareTo(Period other) {
        int byEnd = Integer.compare(ord(), other.ord());
        if (byEnd != 0) {
            return byEnd;
        }
        return Integer.compare(type.months(), other.type.months());
    }
}
