package cn.luoshi.indicator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.luoshi.common.text.FullWidth;

/** Reads the ways statistics tables write a period (Chinese forms, full-width digits, Excel dates). */
final class PeriodText {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})年?(?:度|全年)?");
    private static final Pattern HALF = Pattern.compile("(\\d{4})年?([上下])半年");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})年?第?([一二三四1-4])季度?");
    private static final Pattern QUARTERS_CUMULATIVE = Pattern.compile("(\\d{4})年?(?:前([二两三])季度|1-([2-4])季度)");
    private static final Pattern MONTHS_CUMULATIVE = Pattern.compile("(\\d{4})年?(\\d{1,2})-(\\d{1,2})月份?");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})(?:年(\\d{1,2})月份?|[./](\\d{1,2})|(\\d{2}))");
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");

    private PeriodText() {
    }

    static Optional<Period.Reading> read(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = normalise(raw);
        boolean cumulativeWord = false;
        if (text.endsWith("累计")) {
            cumulativeWord = true;
            text = text.substring(0, text.length() - 2);
        }
        Optional<Period> canonical = Period.tryParse(text);
        if (canonical.isPresent()) {
            return Optional.of(new Period.Reading(canonical.get(), cumulativeWord));
        }
        try {
            Matcher m;
            if ((m = YEAR.matcher(text)).matches()) {
                return reading(Period.year(year(m)), cumulativeWord);
            }
            if ((m = HALF.matcher(text)).matches()) {
                return reading(Period.half(year(m), m.group(2).equals("上") ? 1 : 2), cumulativeWord);
            }
            if ((m = QUARTERS_CUMULATIVE.matcher(text)).matches()) {
                int quarter = m.group(2) != null ? digit(m.group(2)) : Integer.parseInt(m.group(3));
                return reading(Period.quarter(year(m), quarter), true);
            }
            if ((m = QUARTER.matcher(text)).matches()) {
                return reading(Period.quarter(year(m), digit(m.group(2))), cumulativeWord);
            }
            if ((m = MONTHS_CUMULATIVE.matcher(text)).matches()) {
                if (Integer.parseInt(m.group(2)) != 1) {
                    // Only year-to-date spans are statistics; "4-6月" is a quarter and must be written as one.
                    return Optional.empty();
                }
                return reading(Period.month(year(m), Integer.parseInt(m.group(3))), true);
            }
            if ((m = MONTH.matcher(text)).matches()) {
                String month = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                return reading(Period.month(year(m), Integer.parseInt(month)), cumulativeWord);
            }
            if ((m = DATE.matcher(text)).matches()) {
                return reading(Period.month(year(m), Integer.parseInt(m.group(2))), cumulativeWord);
            }
        } catch (IllegalArgumentException e) {
            // a month 13 or a year 0001: not a period
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Period.Reading> reading(Period period, boolean cumulative) {
        return Optional.of(new Period.Reading(period, cumulative));
    }

    private static int year(Matcher m) {
        return Integer.parseInt(m.group(1));
    }

    private static int digit(String s) {
        return switch (s) {
            case "一", "1" -> 1;
            case "二", "两", "2" -> 2;
            case "三", "3" -> 3;
            case "四", "4" -> 4;
            default -> throw new IllegalArgumentException(s);
        };
    }

    /** Full-width digits and letters to half-width, every dash or "至" to "-", no spaces. */
    static String normalise(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = FullWidth.toAscii(raw.charAt(i));
            switch (c) {
                case ' ', '\u3000', '\t' -> {
                    continue;
                }
                case '—', '–', '－', '~', '～', '至', '到', '\u2212' -> c = '-';
                default -> {
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
