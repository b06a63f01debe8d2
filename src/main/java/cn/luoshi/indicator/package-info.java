/**
 * Indicators and their data: the catalogue (指标库), observations by org unit and period with their corrections,
 * spreadsheet imports, derived values, rankings among siblings and two-region benchmarks. Other modules use
 * {@link cn.luoshi.indicator.Indicators}, {@link cn.luoshi.indicator.Figures}, {@link cn.luoshi.indicator.Rankings}
 * and the value types of this package; everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Indicators and statistics")
package cn.luoshi.indicator;
