package cn.luoshi.enterprise;

import java.util.List;

/**
 * An enterprise's score under one rule, with its explanation.
 *
 * @param total     sum of the contributions; null when the enterprise could not be rated
 * @param notRated  why it could not be rated ({@code NO_LAND}, {@code NO_FIGURES}); null when rated
 */
public record PerMuScore(Double total, String notRated, List<PerMuLine> lines) {

    public static final String NO_LAND = "NO_LAND";
    public static final String NO_FIGURES = "NO_FIGURES";

    public static PerMuScore notRated(String reason) {
        return new PerMuScore(null, reason, List.of());
    }

    public boolean rated() {
        return total != null;
    }

    public Double[] rawValues() {
        return lines.stream().map(PerMuLine::raw).toArray(Double[]::new);
    }

    public Double[] normalised() {
        return lines.stream().map(l -> (Double) l.normalised()).toArray(Double[]::new);
    }

    public Double[] contributions() {
        return lines.stream().map(l -> (Double) l.contribution()).toArray(Double[]::new);
    }
}
