package cn.luoshi.speech.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads quantities: Arabic and Chinese numbers (2160, 12.2, 一千二百, 百分之六点五), placeholders standing for
 * numbers (X, XX, *), ranges (8-10万, 20至25万, 400—500亿元), approximations (180多个, 约2万人, 300亿元以上),
 * magnitudes (万, 亿, 3千亿) and units. Years ("2025年") are not quantities.
 */
final class QuantityParser {

    private static final String[] UNITS = {"个百分点", "百分点", "平方公里", "平方千米", "平方米", "平米", "立方米", "千瓦时",
            "千瓦", "兆瓦", "公里", "千米", "公顷", "美元", "元", "亩", "吨", "人次", "人", "户", "家", "个月", "个", "项", "所", "座",
            "处", "条", "台", "套", "辆", "艘", "架", "件", "篇", "名", "位", "倍", "年", "天", "小时", "分钟", "床", "张", "间", "栋",
            "批", "种", "份", "起", "标箱", "公斤", "千克", "米", "%", "‰", "GW", "MW", "TEU"};
    private static final String[] MAGNITUDES = {"万亿", "千亿", "百亿", "千万", "百万", "亿", "万"};
    private static final String[] APPROXIMATE_AFTER = {"以上", "左右", "上下", "多", "余"};
    private static final String[] APPROXIMATE_BEFORE = {"约", "近", "超过", "超", "逾", "将近", "大约"};
    private static final String RANGE = "-—~至到";
    private static final int MAX_DIGITS = 24;

    private QuantityParser() {
    }

    /** All quantities in [from, to), in order. */
    static List<Quantity> findAll(String text, int from, int to) {
        List<Quantity> found = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (mayStart(c)) {
                Quantity q = parseAt(text, i, to);
                if (q != null) {
                    found.add(q);
                    i = q.end();
                    continue;
                }
                i = skipNumberRun(text, i, to);
                continue;
            }
            i++;
        }
        return found;
    }

    private static boolean mayStart(char c) {
        return Chars.isDigit(c) || ChineseNumbers.isNumberChar(c) || c == '百' || Placeholders.isPlaceholderChar(c);
    }

    private static int skipNumberRun(String text, int i, int to) {
        int j = i + 1;
        while (j < to && (Chars.isDigit(text.charAt(j)) || text.charAt(j) == '.' || Placeholders.isPlaceholderChar(text.charAt(j)))) {
            j++;
        }
        return j;
    }

    /** The quantity starting exactly at {@code start}, or null. */
    static Quantity parseAt(String text, int start, int to) {
        if (start > 0 && isWordBefore(text.charAt(start - 1), text.charAt(start))) {
            return null;
        }
        if (MarkerScanner.startsWith(text, start, "百分之")) {
            Number n = number(text, start + 3, to);
            if (n == null) {
                return null;
            }
            return finish(text, start, n.end, to, n.value, null, "%", false);
        }
        Number first = number(text, start, to);
        if (first == null || isYear(text, start, first, to)) {
            return null;
        }
        BigDecimal max = null;
        int end = first.end;
        if (end + 1 < to && RANGE.indexOf(text.charAt(end)) >= 0) {
            Number second = number(text, end + 1, to);
            if (second != null && second.chinese == first.chinese) {
                max = second.value;
                end = second.end;
            }
        }
        return finishWithUnit(text, start, end, to, first, max);
    }

    private static Quantity finishWithUnit(String text, int start, int end, int to, Number first, BigDecimal max) {
        boolean approximate = false;
        int i = end;
        if (i < to && (text.charAt(i) == '多' || text.charAt(i) == '余')) {
            approximate = true;
            i++;
        }
        BigDecimal value = first.value;
        String magnitude = "";
        if (i < to && value != null && !first.chinese && "十百千".indexOf(text.charAt(i)) >= 0 && followsMagnitude(text, i + 1, to)) {
            // "3千亿": the multiplier belongs to the number
            BigDecimal factor = BigDecimal.valueOf(text.charAt(i) == '十' ? 10 : text.charAt(i) == '百' ? 100 : 1000);
            value = value.multiply(factor);
            max = max == null ? null : max.multiply(factor);
            i++;
        }
        for (String m : MAGNITUDES) {
            if (MarkerScanner.startsWith(text, i, m) && i + m.length() <= to) {
                magnitude = m;
                i += m.length();
                break;
            }
        }
        if (!approximate && i < to && (text.charAt(i) == '多' || text.charAt(i) == '余')) {
            approximate = true;
            i++;
        }
        String unit = null;
        for (String u : UNITS) {
            if (MarkerScanner.startsWith(text, i, u) && i + u.length() <= to && !startsLongerWord(text, i + u.length(), u)) {
                unit = u;
                i += u.length();
                break;
            }
        }
        boolean level = false;
        if (i < to && text.charAt(i) == '级' && (unit != null || !magnitude.isEmpty())) {
            level = true;
            i++;
        }
        if (unit == null && magnitude.isEmpty()) {
            return null;
        }
        String fullUnit = magnitude + (unit == null ? "" : unit) + (level ? "级" : "");
        if (first.chinese && !acceptsChineseNumber(first, magnitude, unit)) {
            return null;
        }
        if (value == null && unit != null && (unit.equals("月") || unit.equals("年") || unit.equals("天"))) {
            return null; // "XX月份", "20XX年": dates, not amounts
        }
        return finish(text, start, i, to, value, max, fullUnit, level, approximate);
    }

    private static Quantity finish(String text, int start, int end, int to, BigDecimal value, BigDecimal max, String unit,
            boolean level) {
        return finish(text, start, end, to, value, max, unit, level, false);
    }

    private static Quantity finish(String text, int start, int end, int to, BigDecimal value, BigDecimal max, String unit,
            boolean level, boolean approximate) {
        int i = end;
        for (String word : APPROXIMATE_AFTER) {
            if (MarkerScanner.startsWith(text, i, word) && i + word.length() <= to) {
                approximate = true;
                i += word.length();
                break;
            }
        }
        int s = start;
        for (String word : APPROXIMATE_BEFORE) {
            if (MarkerScanner.startsWith(text, start - word.length(), word)) {
                approximate = true;
                s = start - word.length();
                break;
            }
        }
        return new Quantity(value, max, approximate, unit, level, s, i);
    }

    /** "人均", "所属", "台阶": the unit character begins a longer word. */
    private static boolean startsLongerWord(String text, int after, String unit) {
        if (after >= text.length() || unit.length() > 1) {
            return false;
        }
        String followers = switch (unit) {
            case "人" -> "均口才员民们大士群事力文居身心气工";
            case "所" -> "属有在以谓得";
            case "家" -> "庭乡居属长具用电";
            case "位" -> "于置次列居";
            case "名" -> "称义单列录";
            case "个" -> "人体性案别";
            case "项" -> "目";
            case "条" -> "件例款";
            case "处" -> "理置";
            case "台" -> "阶账湾";
            case "户" -> "籍口型";
            case "天" -> "然气";
            case "年" -> "度底末均";
            case "座" -> "谈";
            case "批" -> "准示";
            case "元" -> "素";
            case "起" -> "来点步草飞见色码";
            default -> "";
        };
        return followers.indexOf(text.charAt(after)) >= 0;
    }

    /** Chinese numbers are common words too (一批, 两个, 三大): only amounts with a magnitude or of ten and more. */
    private static boolean acceptsChineseNumber(Number number, String magnitude, String unit) {
        if (!magnitude.isEmpty() || "%".equals(unit) || "年".equals(unit)) {
            return true;
        }
        return number.value != null && number.value.compareTo(BigDecimal.TEN) >= 0 && unit != null;
    }

    private static boolean followsMagnitude(String text, int i, int to) {
        return i < to && (text.charAt(i) == '亿' || text.charAt(i) == '万');
    }

    /** A digit glued to a Latin letter (S203, G4) or an ordinal (第五) is not an amount. */
    private static boolean isWordBefore(char before, char c) {
        if (before == '第' || before == '.') {
            return true;
        }
        if (Chars.isDigit(c)) {
            return Chars.isDigit(before) || (Chars.isAsciiAlnum(before) && !Chars.isPlaceholderLetter(before));
        }
        if (ChineseNumbers.isNumberChar(c)) {
            return ChineseNumbers.isNumberChar(before) || "统唯之万一初周星礼".indexOf(before) >= 0;
        }
        return Placeholders.isPlaceholderChar(before) || Chars.isAsciiAlnum(before);
    }

    /** The number read from {@code start} is the year of a period: "2025年", "二〇二五年", "20XX年". */
    private static boolean isYear(String text, int start, Number n, int to) {
        if (n.end >= to || text.charAt(n.end) != '年') {
            return false;
        }
        if (n.placeholderYear) {
            return true;
        }
        if (n.chinese) {
            // a year in Chinese is its four digits ("二〇二五年"); "三年" is a span of three years
            return n.end - start == 4 && Periods.yearAt(text, start, to) != null;
        }
        return n.value != null && n.digits == 4 && n.value.intValue() >= 1900 && n.value.intValue() <= 2100;
    }

    private record Number(BigDecimal value, int end, boolean chinese, int digits, boolean placeholderYear) {
    }

    /** A bare number (Arabic, Chinese or placeholder) at i. */
    private static Number number(String text, int i, int to) {
        if (i >= to) {
            return null;
        }
        char c = text.charAt(i);
        if (Chars.isDigit(c)) {
            int j = i;
            int digits = 0;
            boolean point = false;
            while (j < to && j - i < MAX_DIGITS && (Chars.isDigit(text.charAt(j))
                    || (text.charAt(j) == '.' && j + 1 < to && Chars.isDigit(text.charAt(j + 1)))
                    || (text.charAt(j) == ',' && !point && j + 3 < to && Chars.isDigit(text.charAt(j + 1))))) {
                if (text.charAt(j) == '.') {
                    if (point) {
                        return null; // "2024.1.27", "19.936.943.2": a date or a code, not an amount
                    }
                    point = true;
                }
                digits += Chars.isDigit(text.charAt(j)) ? 1 : 0;
                j++;
            }
            if (j < to && Chars.isPlaceholderLetter(text.charAt(j))) {
                int k = j;
                while (k < to && Chars.isPlaceholderLetter(text.charAt(k))) {
                    k++;
                }
                return new Number(null, k, false, digits, true); // 20xx
            }
            String digitsOnly = text.substring(i, j).replace(",", "");
            return new Number(new BigDecimal(digitsOnly), j, false, digits, false);
        }
        if (Placeholders.isPlaceholderChar(c)) {
            int j = i;
            while (j < to && j - i < 6 && Placeholders.isPlaceholderChar(text.charAt(j))) {
                j++;
            }
            if (j < to && (Chars.isAsciiAlnum(text.charAt(j)) && !Chars.isPlaceholderLetter(text.charAt(j)))) {
                return null;
            }
            return new Number(null, j, false, 0, false);
        }
        if (ChineseNumbers.isNumberChar(c) && c != '点') {
            int j = i;
            while (j < to && j - i < 12 && (ChineseNumbers.isNumberChar(text.charAt(j))
                    || (isInnerMagnitude(text, j, to)))) {
                j++;
            }
            while (j > i && text.charAt(j - 1) == '点') {
                j--;
            }
            BigDecimal value = ChineseNumbers.parse(text.substring(i, j));
            return value == null ? null : new Number(value, j, true, 0, false);
        }
        return null;
    }

    /** 万 or 亿 inside a Chinese number ("一万二千"), as opposed to a magnitude before the unit ("五万人"). */
    private static boolean isInnerMagnitude(String text, int j, int to) {
        char c = text.charAt(j);
        return (c == '万' || c == '亿') && j + 1 < to && ChineseNumbers.isDigitChar(text.charAt(j + 1))
                && j + 2 < to && "十百千".indexOf(text.charAt(j + 2)) >= 0;
    }
}
