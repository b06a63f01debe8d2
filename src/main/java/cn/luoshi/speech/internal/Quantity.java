package cn.luoshi.speech.internal;

import java.math.BigDecimal;

/**
 * A number with its unit as written in the normalised text.
 *
 * @param value       the number, or the lower bound of a range; null where a placeholder stands
 * @param max         the upper bound of a range, else null
 * @param approximate "180多", "约2万", "300亿元以上"
 * @param unit        magnitude and unit as written (亿元, 万, %, 个百分点, 亿级), null when none
 * @param level       a scale rather than an amount: "千亿级", "2025吨级"
 * @param start       where the quantity starts (an approximating prefix such as 约 included)
 * @param end         where it ends (unit and 以上/左右 included)
 */
record Quantity(BigDecimal value, BigDecimal max, boolean approximate, String unit, boolean level, int start,
        int end) {

    boolean isPlaceholder() {
        return value == null;
    }

    boolean hasUnit(String... units) {
        for (String u : units) {
            if (u.equals(unit)) {
                return true;
            }
        }
        return false;
    }

    boolean isDuration() {
        return unit != null && (unit.equals("年") || unit.equals("个月") || unit.equals("月"));
    }
}
