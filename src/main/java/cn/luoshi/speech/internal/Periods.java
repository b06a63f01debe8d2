package cn.luoshi.speech.internal;

import java.util.List;

/** Time expressions: "2025年", "2025年上半年", "今年上半年", and deadlines "到2026年". */
final class Periods {

    private static final List<String> SUFFIXES = List.of("上半年", "下半年", "前三季度", "第一季度", "一季度", "全年", "年底", "年末",
            "底", "末");
    private static final List<String> RELATIVE = List.of("今年上半年", "今年下半年", "去年", "今年", "上半年", "下半年", "全年");

    private Periods() {
    }

    record Period(String label, Integer year, int start, int end, boolean deadline) {
    }

    /** The time expressions in [from, to), in order. */
    static List<Period> findAll(String text, int from, int to) {
        List<Period> periods = new java.util.ArrayList<>();
        for (int i = from; i < to; i++) {
            Period year = yearAt(text, i, to);
            if (year == null) {
                year = dottedDateAt(text, i, to);
            }
            if (year != null) {
                periods.add(year);
                i = year.end() - 1;
                continue;
            }
            if (i == from || !Chars.isCjk(text.charAt(i - 1))) {
                for (String word : RELATIVE) {
                    if (MarkerScanner.startsWith(text, i, word) && i + word.length() <= to) {
                        periods.add(new Period(word, null, i, i + word.length(), false));
                        i += word.length() - 1;
                        break;
                    }
                }
            }
        }
        return periods;
    }

    /** "2025年" with an optional part of the year, not part of a longer number; null when i is outside the text. */
    static Period yearAt(String text, int i, int to) {
        if (i < 0 || i + 5 > to || (i > 0 && (Chars.isDigit(text.charAt(i - 1)) || ChineseNumbers.isDigitChar(text.charAt(i - 1))))) {
            return null;
        }
        if (text.charAt(i + 4) != '年') {
            return null;
        }
        int year = 0;
        for (int k = 0; k < 4; k++) {
            char c = text.charAt(i + k);
            // "2026年" or "二〇二六年"
            int digit = Chars.isDigit(c) ? c - '0' : ChineseNumbers.digitValue(c);
            if (digit < 0 || (c == '两')) {
                return null;
            }
            year = year * 10 + digit;
        }
        if (year < 1900 || year > 2100) {
            return null;
        }
        int end = i + 5;
        for (String suffix : SUFFIXES) {
            if (MarkerScanner.startsWith(text, end, suffix) && end + suffix.length() <= to) {
                end += suffix.length();
                break;
            }
        }
        return new Period(text.substring(i, end), year, i, end, isDeadline(text, i));
    }

    /** A date written with dots, "2024.1.27": year, month and day, not part of a longer number or code. */
    static Period dottedDateAt(String text, int i, int to) {
        if (i < 0 || i + 8 > to || (i > 0 && (Chars.isDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '.'))) {
            return null;
        }
        int year = digitsAt(text, i, 4, 4, to);
        if (year < 1900 || year > 2100 || text.charAt(i + 4) != '.') {
            return null;
        }
        int monthEnd = digitRunEnd(text, i + 5, to);
        int month = digitsAt(text, i + 5, 1, 2, to);
        if (month < 1 || month > 12 || monthEnd >= to || text.charAt(monthEnd) != '.') {
            return null;
        }
        int dayEnd = digitRunEnd(text, monthEnd + 1, to);
        int day = digitsAt(text, monthEnd + 1, 1, 2, to);
        if (day < 1 || day > 31 || (dayEnd < to && (text.charAt(dayEnd) == '.' || Chars.isAsciiAlnum(text.charAt(dayEnd))))) {
            return null;
        }
        return new Period(text.substring(i, dayEnd), year, i, dayEnd, isDeadline(text, i));
    }

    /** The value of the run of between min and max ASCII digits at i, or -1 when the run is shorter or longer. */
    private static int digitsAt(String text, int i, int min, int max, int to) {
        int end = digitRunEnd(text, i, to);
        if (end - i < min || end - i > max) {
            return -1;
        }
        return Integer.parseInt(text, i, end, 10);
    }

    private static int digitRunEnd(String text, int i, int to) {
        int j = i;
        while (j < to && j - i <= 4 && Chars.isDigit(text.charAt(j))) {
            j++;
        }
        return j;
    }

    /** Whether the year at i is a deadline: "到2026年", "至2026年"; "截至2025年底" states the time of a fact. */
    static boolean isDeadline(String text, int i) {
        return i > 0 && (text.charAt(i - 1) == '到' || (text.charAt(i - 1) == '至' && (i < 2 || text.charAt(i - 2) != '截')));
    }
}
