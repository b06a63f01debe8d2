package cn.luoshi.indicator.internal;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import cn.luoshi.common.text.FullWidth;

/**
 * Numbers as statistics tables write them: {@code 2160}, {@code 2,160}, {@code 12.2%}, {@code -3.5}, full-width
 * digits, a Unicode minus. Anything else, such as {@code 约2160} or {@code 2160亿元}, is not a number: guessing
 * would put a wrong figure into the statistics.
 */
public final class CellNumbers {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?%?"
            + "|[+-]?\\.\\d+%?");

    /** A cell that reads as a number, and whether it carried a percent sign. */
    public record CellNumber(BigDecimal value, boolean percent) {
    }

    private CellNumbers() {
    }

    /** The number in a cell, or null when the cell is not a plain number. */
    public static CellNumber parse(String cell) {
        if (cell == null) {
            return null;
        }
        String text = normalise(cell);
        if (text.isEmpty() || text.length() > 40 || !NUMBER.matcher(text).matches()) {
            return null;
        }
        boolean percent = text.endsWith("%");
        String digits = (percent ? text.substring(0, text.length() - 1) : text).replace(",", "");
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        return new CellNumber(new BigDecimal(digits), percent);
    }

    /** Cells that mean "no figure" in a wide table: empty, a dash, an ellipsis. */
    public static boolean isNoFigure(String cell) {
        if (cell == null) {
            return true;
        }
        String text = normalise(cell);
        return text.isEmpty() || text.equals("-") || text.equals("--") || text.equals("…") || text.equals("...")
                || text.equals("/");
    }

    private static String normalise(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = FullWidth.toAscii(raw.charAt(i));
            switch (c) {
                case ' ', '\u3000', '\u00A0' -> {
                    continue;
                }
                case '\u2212', '—', '–' -> c = '-';
                case '，' -> c = ',';
                case '。' -> c = '.';
                default -> {
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
