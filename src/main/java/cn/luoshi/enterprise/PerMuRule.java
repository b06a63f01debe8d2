package cn.luoshi.enterprise;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A per-mu evaluation rule: one version for a region and year, never changed after it is written (a change is a new
 * version), so every run made with it can be explained and reproduced.
 *
 * @param cutA the A cut-off: a minimum score under {@link PerMuGrading#SCORE}, a top share under
 *             {@link PerMuGrading#PERCENTILE}; likewise {@code cutB} and {@code cutC}
 */
public record PerMuRule(long id, long regionId, String regionName, int year, int version, String name,
                        PerMuGrading grading, BigDecimal cutA, BigDecimal cutB, BigDecimal cutC,
                        List<Weighting> indicators, OffsetDateTime createdAt, String createdBy) {

    /** One weighted indicator of the rule. */
    public record Weighting(PerMuIndicator indicator, BigDecimal weight, BigDecimal benchmark, BigDecimal cap) {
    }

    /**
     * Scores one enterprise. Without land there is no per-mu figure at all, and without any figure for the year
     * there is nothing to rate; a single missing ratio only forfeits that indicator's weight.
     */
    public PerMuScore score(PerMuInputs inputs) {
        if (!inputs.hasLand()) {
            return PerMuScore.notRated(PerMuScore.NO_LAND);
        }
        if (!inputs.hasAnyFigure()) {
            return PerMuScore.notRated(PerMuScore.NO_FIGURES);
        }
        List<PerMuLine> lines = new ArrayList<>(indicators.size());
        double total = 0;
        for (Weighting w : indicators) {
            double benchmark = w.benchmark().doubleValue();
            double cap = w.cap().doubleValue();
            double weight = w.weight().doubleValue();
            Double raw = w.indicator().valueOf(inputs);
            double normalised = raw == null ? 0 : normalise(w.indicator(), raw, benchmark, cap);
            double contribution = normalised * weight;
            lines.add(new PerMuLine(w.indicator(), raw, benchmark, normalised, weight, cap, contribution));
            total += contribution;
        }
        return new PerMuScore(Math.round(total * 1000) / 1000.0, null, lines);
    }

    private static double normalise(PerMuIndicator indicator, double raw, double benchmark, double cap) {
        double share;
        if (indicator.higherIsBetter()) {
            share = raw / benchmark;
        } else {
            // zero emissions is as good as it gets
            share = raw <= 0 ? cap : benchmark / raw;
        }
        return Math.max(0, Math.min(cap, share));
    }

    /** The grade a score earns against minimum scores (the rule's own under SCORE, a run's boundaries otherwise). */
    public static String gradeOf(double score, BigDecimal aMin, BigDecimal bMin, BigDecimal cMin) {
        if (aMin != null && score >= aMin.doubleValue() - 1e-9) {
            return "A";
        }
        if (bMin != null && score >= bMin.doubleValue() - 1e-9) {
            return "B";
        }
        if (cMin != null && score >= cMin.doubleValue() - 1e-9) {
            return "C";
        }
        return "D";
    }

    public double totalWeight() {
        return indicators.stream().mapToDouble(w -> w.weight().doubleValue()).sum();
    }
}
