package cn.luoshi.indicator;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a statistician says about an indicator when adding it to the catalogue or editing it. Code, unit of measure,
 * frequency and nature are fixed once the indicator exists, because stored observations depend on them.
 */
public record IndicatorDefinition(
        @NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]{1,39}") String code,
        @NotBlank @Size(max = 100) String nameZh,
        @NotBlank @Size(max = 150) String nameEn,
        @NotBlank @Size(max = 20) String measureUnit,
        @NotNull Frequency frequency,
        @NotNull Nature nature,
        Boolean higherIsBetter,
        Boolean additive,
        @Min(0) @Max(6) Integer decimals,
        @Size(max = 500) String formula,
        @NotNull IndicatorSet set,
        Integer sortOrder,
        Boolean active,
        List<@NotBlank @Size(max = 100) String> aliases) {
}
