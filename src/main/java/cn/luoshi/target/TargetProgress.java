package cn.luoshi.target;

import java.math.BigDecimal;
import java.util.List;

import cn.luoshi.common.progress.StatusLight;

/**
 * Where a target stands on a day (DESIGN.md: 序时进度): the latest cumulative actual, this year's milestone of the
 * target, the share attained against the share of the year that has passed, and the light — the same colours as
 * tasks.
 *
 * @param milestone      what the target asks of this year (for multi-year targets, the compound path to the
 *                       deadline); an amount, or N for TOP_N, or the average for ABOVE_AVERAGE
 * @param attainment     actual ÷ milestone (for stocks, the share of the year's increase achieved), 0–1 and beyond
 * @param timeProgress   share of the year passed by the data month (linear or seasonal), 0–1
 * @param dataPeriod     the period of the latest data ("2026-06"), or null when nothing is published yet
 * @param summary        one sentence: "1-6月完成2150亿元，为年度目标的48.5%，落后序时进度1.5个百分点"
 */
public record TargetProgress(Target target, BigDecimal actual, String dataPeriod, String dataLabel,
                             BigDecimal milestone, Double attainment, Double timeProgress, StatusLight light,
                             Integer rank, BigDecimal growth, boolean seasonal, String summary, String summaryEn,
                             List<TargetProgress> children) {
}
