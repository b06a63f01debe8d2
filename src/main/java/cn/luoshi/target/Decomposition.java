package cn.luoshi.target;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * A target split among sub-units (层层分解). For additive indicators the shares must add up to the target; a gap is
 * refused unless {@code acceptGap} says the author knows and wants it.
 */
public record Decomposition(@NotEmpty List<@Valid Share> shares, Boolean acceptGap) {

    /** One sub-unit's share: an amount, a growth rate, as the parent's comparator says. */
    public record Share(@NotNull Long unitId, @NotNull BigDecimal value) {
    }
}
