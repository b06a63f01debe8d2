package cn.luoshi.indicator;

/** Ranks as speeches say them: 第五, 第十二, 前三. */
public final class ChineseNumbers {

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private ChineseNumbers() {
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五; from 100 on, Arabic digits as bulletins write them. */
    public static String of(int n) {
        if (n < 0 || n >= 100) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return DIGITS[n];
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : DIGITS[tens]) + "十" + (ones == 0 ? "" : DIGITS[ones]);
    }

    /** The "全省/全市/全区/全县" of a region, from the last character of its name. */
    public static String wholeOf(String regionName) {
        if (regionName == null || regionName.isEmpty()) {
            return "";
        }
        char last = regionName.charAt(regionName.length() - 1);
        return switch (last) {
            case '省', '市', '区', '县', '州', '盟', '旗', '镇', '乡' -> "全" + last;
            default -> regionName;
        };
    }
}
