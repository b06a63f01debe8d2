package cn.luoshi.target;

import java.math.BigDecimal;

import cn.luoshi.indicator.RankBy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A target to register ("力争到2026年，GDP突破X亿元"): indicator by code, name or alias; the unit; the target or
 * deadline year and optionally the base year it is measured from; the comparator and its value (null while the
 * speech left a placeholder); optionally the source in a meeting.
 *
 * @param measure for TOP_N and ABOVE_AVERAGE: rank or compare the value (default) or its growth
 * @param publish publish at once instead of keeping a draft
 */
public record NewTarget(@NotBlank @Size(max = 100) String indicator,
                        @NotNull Long unitId,
                        @NotNull @Min(1990) @Max(2200) Integer year,
                        @Min(1990) @Max(2200) Integer baseYear,
                        @NotNull TargetComparator comparator,
                        RankBy measure,
                        BigDecimal value,
                        BigDecimal baseValue,
                        ProgressProfile profile,
                        @Size(max = 300) String title,
                        @Size(max = 1000) String note,
                        TargetSource source,
                        Boolean publish) {
}
