package cn.luoshi.enterprise;

import java.math.BigDecimal;

/**
 * The ratios a per-mu evaluation may weigh. Each is computed from one enterprise's inputs; a ratio whose inputs are
 * missing, or whose denominator is zero, has no value (and earns nothing).
 */
public enum PerMuIndicator {
    /** 亩均税收, 万元/亩. */
    TAX_PER_MU(true),
    /** 亩均工业增加值, 万元/亩. */
    VALUE_ADDED_PER_MU(true),
    /** 亩均营业收入, 万元/亩. */
    REVENUE_PER_MU(true),
    /** 单位能耗工业增加值, 万元/吨标准煤. */
    OUTPUT_PER_ENERGY(true),
    /** R&amp;D 经费支出占营业收入比重, %. */
    RD_RATIO(true),
    /** 全员劳动生产率, 万元/人. */
    LABOUR_PRODUCTIVITY(true),
    /** 单位增加值排放, 吨/万元: lower is better. */
    EMISSIONS_PER_VALUE_ADDED(false);

    private final boolean higherIsBetter;

    PerMuIndicator(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The raw ratio for these inputs, or null when it cannot be formed. */
    public Double valueOf(PerMuInputs in) {
        return switch (this) {
            case TAX_PER_MU -> ratio(in.tax(), in.landMu(), 1);
            case VALUE_ADDED_PER_MU -> ratio(in.valueAdded(), in.landMu(), 1);
            case REVENUE_PER_MU -> ratio(in.revenue(), in.landMu(), 1);
            case OUTPUT_PER_ENERGY -> ratio(in.valueAdded(), in.energyTce(), 1);
            case RD_RATIO -> ratio(in.rdSpending(), in.revenue(), 100);
            case LABOUR_PRODUCTIVITY -> ratio(in.valueAdded(),
                    in.employees() == null ? null : BigDecimal.valueOf(in.employees()), 1);
            case EMISSIONS_PER_VALUE_ADDED -> ratio(in.emissionsT(), in.valueAdded(), 1);
        };
    }

    private static Double ratio(BigDecimal numerator, BigDecimal denominator, double factor) {
        if (numerator == null || denominator == null || denominator.signum() <= 0) {
            return null;
        }
        return numerator.doubleValue() / denominator.doubleValue() * factor;
    }
}
