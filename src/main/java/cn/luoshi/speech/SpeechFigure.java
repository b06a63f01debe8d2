package cn.luoshi.speech;

import java.math.BigDecimal;

/**
 * A quantity the speech cites: "2025年，XX市完成地区生产总值2160亿元，居全省第五，比XX少230亿元".
 *
 * @param indicator   what is measured (地区生产总值)
 * @param value       the number, null where a placeholder stands; the lower bound of a range
 * @param valueMax    the upper bound of a range ("8-10万"), else null
 * @param approximate true for "180多", "约", "以上" and the like
 * @param unit        the unit as written, magnitude included (亿元, 万, %, 家), null when none
 * @param period      the time the figure refers to as written ("2025年", "2025年上半年"), null when not stated
 * @param year        the year of that period, null when not stated
 * @param rank        a stated rank ("居全省第五"), null when none
 * @param comparison  a stated difference to a named peer ("比XX少230亿元"), null when none
 * @param text        the clause the figure was read from, normalised
 * @param start       offset in the original text
 * @param end         end offset in the original text
 */
public record SpeechFigure(String indicator, BigDecimal value, BigDecimal valueMax, boolean approximate, String unit,
        String period, Integer year, Rank rank, Comparison comparison, String text, int start, int end) {

    /**
     * A rank within a scope.
     *
     * @param scope    where the rank holds (全省, 全国国家级高新区)
     * @param position the position, 1 for the first; null where a placeholder stands
     */
    public record Rank(String scope, Integer position) {
    }

    /**
     * A difference to a named peer. The difference is always non-negative; {@code direction} says which way.
     *
     * @param peer       who is compared with, as written (XX, 全省平均)
     * @param difference the size of the difference, null where a placeholder stands
     * @param unit       the unit of the difference (亿元, 个百分点)
     * @param direction  the word as written: 多 or 高 (the figure is larger), 少 or 低 (it is smaller)
     */
    public record Comparison(String peer, BigDecimal difference, String unit, String direction) {
    }
}
