package cn.luoshi.enterprise;

import java.math.BigDecimal;

/**
 * One enterprise's figures for one year. Money in 万元, energy in tonnes of standard coal (吨标准煤), emissions in
 * tonnes of pollutant equivalent; any figure may be missing.
 */
public record EnterpriseFigures(int year, BigDecimal revenue, BigDecimal tax, BigDecimal valueAdded,
                                BigDecimal energyTce, BigDecimal rdSpending, Integer employees,
                                BigDecimal emissionsT) {
}
