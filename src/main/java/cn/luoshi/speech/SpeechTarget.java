package cn.luoshi.speech;

import java.math.BigDecimal;

/**
 * A quantified goal: "力争到2026年，全市工业总产值突破X亿元".
 *
 * @param indicator    what is measured (工业总产值)
 * @param comparator   how the goal is stated: 达到, 突破, 超过, 增长, 翻一番, 进入前N, 高于全省平均水平 …
 * @param value        the number, null where a placeholder stands or none is given; the lower bound of a range
 * @param valueMax     the upper bound of a range ("20至25万"), else null
 * @param approximate  true for "180多", "约", "以上" and the like
 * @param unit         the unit as written, magnitude included (亿元, 万, %, 平方公里), null when none
 * @param deadline     the year the goal is due, null when not stated
 * @param horizonYears the span given instead of a year ("三年翻一番" → 3, "用3到5年" → 5), else null
 * @param scope        where a rank or average applies ("进入全省前X名" → 全省), else null
 * @param text         the clause the goal was read from, normalised
 * @param start        offset in the original text
 * @param end          end offset in the original text
 */
public record SpeechTarget(String indicator, String comparator, BigDecimal value, BigDecimal valueMax,
        boolean approximate, String unit, Integer deadline, Integer horizonYears, String scope, String text, int start,
        int end) {
}
