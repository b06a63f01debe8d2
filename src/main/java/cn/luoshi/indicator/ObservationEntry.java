package cn.luoshi.indicator;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** One value typed in by a statistician: a new figure or the correction of a published one. */
public record ObservationEntry(@NotBlank String indicator, @NotNull Long unitId, @NotBlank String period,
                               @NotNull ObservationKind kind, @NotNull BigDecimal value) {
}
