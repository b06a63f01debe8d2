package cn.luoshi.enterprise;

import java.util.List;
import java.util.Map;

/**
 * The latest published per-mu evaluation in a reader's scope, graded A–D by park: each count is one the run's
 * result list shows with {@code park=} and {@code grade=}.
 *
 * @param grades how many enterprises got each grade (A, B, C, D, and "-" for those not rated)
 * @param parks  per park of the run's enterprises, the counts of A, B, C and D (published grades, before any
 *               re-scored objection, as the result list filters them)
 */
public record PerMuStanding(PerMuRun run, Map<String, Long> grades, List<Park> parks) {

    public record Park(long parkId, String parkName, long a, long b, long c, long d) {
    }
}
