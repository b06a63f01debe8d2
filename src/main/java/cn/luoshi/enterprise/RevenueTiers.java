package cn.luoshi.enterprise;

import java.util.List;

/**
 * How many enterprises reached each revenue tier in a year, as speeches cite them ("主营业务收入过200亿的2家，过100亿
 * 的2家…"): each enterprise counts once, in the highest tier it reached.
 */
public record RevenueTiers(int year, Long unitId, List<Tier> tiers, long reporting) {

    /** Tier thresholds in 亿元, highest first. */
    public static final List<Integer> THRESHOLDS_YI = List.of(200, 100, 50, 10, 1);

    /**
     * @param minYi       the tier's lower bound in 亿元 (过 minYi 亿)
     * @param count       enterprises whose highest tier this is
     * @param atLeast     enterprises at or above the bound (cumulative)
     */
    public record Tier(int minYi, long count, long atLeast) {
    }
}
