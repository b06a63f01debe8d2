package cn.luoshi.indicator;

import java.math.BigDecimal;

/**
 * One value an import would write, shown before it is written: new ({@code oldValue} null) or a correction of the
 * stored value.
 */
public record ImportChange(String indicator, String indicatorName, String unitCode, String unitName, String period,
                           String kind, BigDecimal oldValue, BigDecimal newValue) {

    public boolean correction() {
        return oldValue != null;
    }
}
