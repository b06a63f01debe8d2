package cn.luoshi.speech.internal;

import java.math.BigDecimal;

/** Reads numbers written in Chinese characters: 五, 十二, 一千二百, 两千, 六点五, 一万二千. */
final class ChineseNumbers {

    private ChineseNumbers() {
    }

    static boolean isDigitChar(char c) {
        return digitValue(c) >= 0;
    }

    /** Digits, 十/百/千 and 点: the characters that may continue a Chinese number (万 and 亿 are decided apart). */
    static boolean isNumberChar(char c) {
        return isDigitChar(c) || c == '十' || c == '百' || c == '千' || c == '点';
    }

    static int digitValue(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    /** A number below a hundred as used by outline markers (一, 十二, 二十一); 0 when unreadable. */
    static int smallNumber(CharSequence s, int from, int to) {
        BigDecimal value = parse(s.subSequence(from, to).toString());
        return value == null ? 0 : value.intValue();
    }

    /** The value of a Chinese number, or null when the text is not one. */
    static BigDecimal parse(String text) {
        if (text.isEmpty()) {
            return null;
        }
        long total = 0;
        long section = 0;
        long digit = -1;
        StringBuilder decimals = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int d = digitValue(c);
            if (decimals != null) {
                if (d < 0) {
                    return null;
                }
                decimals.append((char) ('0' + d));
                continue;
            }
            if (d >= 0) {
                digit = digit > 0 && d >= 0 && i > 0 && digitValue(text.charAt(i - 1)) >= 0 ? digit * 10 + d : d;
            } else if (c == '十' || c == '百' || c == '千') {
                long unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                section += (digit < 0 ? 1 : digit) * unit;
                digit = -1;
            } else if (c == '万') {
                section = (section + Math.max(digit, 0)) * 10_000;
                total += section;
                section = 0;
                digit = -1;
            } else if (c == '亿') {
                total = (total + section + Math.max(digit, 0)) * 100_000_000L;
                section = 0;
                digit = -1;
            } else if (c == '点') {
                decimals = new StringBuilder();
            } else {
                return null;
            }
            if (total > 1_000_000_000_000_000L || section > 1_000_000_000_000_000L) {
                return null;
            }
        }
        long whole = total + section + Math.max(digit, 0);
        if (decimals == null || decimals.isEmpty()) {
            return BigDecimal.valueOf(whole);
        }
        return new BigDecimal(whole + "." + decimals);
    }
}
