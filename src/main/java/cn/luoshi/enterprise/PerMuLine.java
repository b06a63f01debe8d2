package cn.luoshi.enterprise;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of the explanation of a score: the indicator's raw value, the benchmark it is measured against, the
 * normalised score (raw ÷ benchmark, or benchmark ÷ raw when lower is better, capped), the weight and what that
 * contributes to the total (normalised × weight).
 *
 * @param raw         null when the inputs did not allow the ratio (it then contributes 0)
 */
public record PerMuLine(PerMuIndicator indicator, Double raw, double benchmark, double normalised, double weight,
                        double cap, double contribution) {

    @JsonProperty
    public boolean capped() {
        return raw != null && normalised >= cap - 1e-12;
    }
}
