package cn.luoshi.indicator.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.common.demo.DemoContributor;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.indicator.Indicator;
import cn.luoshi.indicator.Nature;
import cn.luoshi.indicator.ObservationKind;
import cn.luoshi.indicator.Period;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Statistics of the demo province, consistent with seed 000: in 2025 示例市 produced a GDP of 2160 亿元 (居全省第五,
 * 230 亿元 less than 友邻市's 2390), a fiscal revenue of 263.8 亿元 (居全省第二, 28.2 亿元 more), a fiscal share of
 * GDP of 12.2% (2.4 points higher), a GDP per capita of 54728 元 (居全省第三, 21807 元 more), and so on. Monthly and
 * quarterly cumulative values with official growth rates run from January 2024 to the last complete month; 示例市's
 * districts and counties add up to the city.
 */
@Component
class IndicatorDemo implements DemoContributor {

    /** Share of each month in a year's flow: a slow start after the Spring Festival, a strong December. */
    private static final double[] MONTH_SHARES = {6.5, 6.0, 8.5, 8.0, 8.3, 9.2, 7.9, 8.0, 9.0, 8.6, 9.0, 11.0};

    private static final String[] CITIES = {DemoCity.CITY, DemoCity.PEER_CITY, "990300", "990400", "990500",
            "990600", "990700", "990800"};

    /** 2025 annual values per city, in the order of {@link #CITIES}. */
    private static final Map<String, double[]> YEAR_2025 = new LinkedHashMap<>();
    /** Official growth (%) per city in the same order, for the indicators that publish one. */
    private static final Map<String, double[]> GROWTH = new LinkedHashMap<>();

    static {
        YEAR_2025.put("GDP", new double[] {2160, 2390, 3120, 2680, 2250, 1890, 1620, 1480});
        YEAR_2025.put("POPULATION", new double[] {394.68, 725.98, 458.82, 446.67, 450, 450, 405, 389.47});
        YEAR_2025.put("FISCAL_TOTAL", new double[] {263.8, 235.6, 352.4, 251.2, 228.5, 190.3, 160.7, 142.9});
        YEAR_2025.put("FISCAL_GENERAL", new double[] {168.5, 150.2, 221.3, 160.8, 142.6, 118.4, 101.2, 90.5});
        YEAR_2025.put("RETAIL", new double[] {740.65, 820.57, 1180.4, 960.3, 820.5, 690.2, 580.6, 530.1});
        YEAR_2025.put("INDUSTRY_VA", new double[] {1013, 880.5, 1290.2, 1020.4, 760.3, 640.8, 520.6, 500.2});
        YEAR_2025.put("INDUSTRY_OUTPUT", new double[] {3044, 2760.5, 3980.4, 3120.6, 2410.2, 1980.7, 1650.3, 1580.9});
        YEAR_2025.put("FAI", new double[] {1520, 1710, 2180, 1890, 1620, 1350, 1180, 1040});
        YEAR_2025.put("FOREIGN_TRADE", new double[] {386, 295, 620, 410, 240, 180, 350, 120});
        YEAR_2025.put("URBAN_INCOME", new double[] {31338, 24370, 33650, 30120, 28800, 27450, 26100, 25300});
        YEAR_2025.put("RURAL_INCOME", new double[] {14366, 13242, 15210, 14020, 13650, 12980, 12450, 12100});

        GROWTH.put("GDP", new double[] {7.2, 6.5, 6.0, 6.8, 5.9, 5.5, 6.3, 5.1});
        GROWTH.put("FISCAL_TOTAL", new double[] {8.1, 5.6, 6.2, 7.0, 4.8, 5.1, 6.6, 3.9});
        GROWTH.put("FISCAL_GENERAL", new double[] {7.4, 5.2, 6.0, 6.5, 4.5, 4.9, 6.1, 3.6});
        GROWTH.put("RETAIL", new double[] {6.8, 5.9, 6.1, 6.4, 5.7, 5.5, 6.0, 5.2});
        GROWTH.put("INDUSTRY_VA", new double[] {9.1, 7.2, 7.8, 8.4, 6.5, 6.9, 7.5, 6.0});
        GROWTH.put("INDUSTRY_OUTPUT", new double[] {8.8, 7.0, 7.5, 8.0, 6.2, 6.6, 7.1, 5.8});
        GROWTH.put("FAI", new double[] {5.6, 4.1, 4.8, 6.2, 3.5, 2.9, 5.1, 2.2});
        GROWTH.put("FOREIGN_TRADE", new double[] {10.2, 6.4, 8.1, 7.7, 5.0, 4.2, 9.3, 3.1});
        GROWTH.put("URBAN_INCOME", new double[] {6.1, 5.4, 5.2, 5.8, 5.1, 5.0, 5.3, 4.9});
        GROWTH.put("RURAL_INCOME", new double[] {7.0, 6.3, 6.1, 6.6, 6.2, 6.0, 6.4, 5.9});
    }

    /** GDP by sector, as shares of GDP. */
    private static final Map<String, Double> SECTORS = Map.of("GDP_PRIMARY", 0.07, "GDP_SECONDARY", 0.45);

    /** Shares of 示例市's districts and counties in its additive totals. */
    private static final String[] DISTRICTS = {DemoCity.CHENGGUAN, DemoCity.GAOXIN, DemoCity.JIANGNAN,
            DemoCity.LINJIANG, DemoCity.QINGHE, DemoCity.DONGSHAN};
    private static final double[] DISTRICT_SHARES = {0.26, 0.22, 0.18, 0.13, 0.11, 0.10};
    private static final double[] DISTRICT_GROWTH_OFFSET = {0.4, 1.6, -0.3, -0.8, 0.2, -1.1};
    private static final double[] DISTRICT_INCOME_FACTOR = {1.08, 1.12, 1.02, 0.93, 0.90, 0.88};

    /** Annual figures of 示例市 and 友邻市 the speeches also cite (2025; 2024 a little lower). */
    private static final Map<String, double[]> ANNUAL_ONLY = new LinkedHashMap<>();

    static {
        ANNUAL_ONLY.put("INDUSTRY_ENTERPRISES", new double[] {1449, 1180});
        ANNUAL_ONLY.put("PARK_REVENUE", new double[] {2280, 1760});
        ANNUAL_ONLY.put("URBANIZATION", new double[] {66.8, 58.3});
        ANNUAL_ONLY.put("TECH_CONTRACTS", new double[] {126.5, 98.2});
        ANNUAL_ONLY.put("HIGH_TECH_ENTERPRISES", new double[] {1210, 980});
        ANNUAL_ONLY.put("SPECIALISED_SMES", new double[] {38, 27});
        ANNUAL_ONLY.put("NEW_URBAN_JOBS", new double[] {6.12, 7.35});
        ANNUAL_ONLY.put("GOOD_AIR_DAYS", new double[] {318, 301});
        ANNUAL_ONLY.put("GOOD_AIR_RATIO", new double[] {87.1, 82.5});
        ANNUAL_ONLY.put("TOURISTS", new double[] {6850, 7420});
        ANNUAL_ONLY.put("TOURISM_REVENUE", new double[] {720.5, 810.3});
    }

    private final OrgUnits units;
    private final IndicatorRepository indicators;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    private final List<Object[]> rows = new ArrayList<>();
    private OffsetDateTime now;
    private YearMonth last;
    private Map<String, Indicator> byCode;

    IndicatorDemo(OrgUnits units, IndicatorRepository indicators, JdbcTemplate jdbc, Clock clock,
                  ApplicationEventPublisher events) {
        this.units = units;
        this.indicators = indicators;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public String key() {
        return "indicator";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public void load() {
        now = OffsetDateTime.now(clock);
        last = YearMonth.now(clock).minusMonths(1);
        byCode = new LinkedHashMap<>();
        indicators.all().forEach(i -> byCode.put(i.code(), i));
        rows.clear();
        OrgUnit province = unit(DemoCity.PROVINCE);

        Map<String, double[]> provinceTotals = new LinkedHashMap<>();
        for (int c = 0; c < CITIES.length; c++) {
            OrgUnit city = unit(CITIES[c]);
            for (var entry : YEAR_2025.entrySet()) {
                String code = entry.getKey();
                double value2025 = entry.getValue()[c];
                double growth = GROWTH.containsKey(code) ? GROWTH.get(code)[c] : 0.4;
                series(city.id(), code, value2025, growth, c);
                provinceTotals.computeIfAbsent(code, k -> new double[1])[0] += value2025 * weight(code, c);
            }
            sectors(city.id(), YEAR_2025.get("GDP")[c], GROWTH.get("GDP")[c], c);
            if (c < 2) {
                for (var entry : ANNUAL_ONLY.entrySet()) {
                    annual(city.id(), entry.getKey(), entry.getValue()[c]);
                }
            }
        }
        // The province: sums of its cities for additive indicators, population-weighted means for incomes.
        double population = 0;
        for (double p : YEAR_2025.get("POPULATION")) {
            population += p;
        }
        for (var entry : provinceTotals.entrySet()) {
            String code = entry.getKey();
            double value = byCode.get(code).additive() ? entry.getValue()[0] : entry.getValue()[0] / population;
            series(province.id(), code, value, GROWTH.containsKey(code) ? average(GROWTH.get(code)) - 0.3 : 0.4, 11);
        }
        sectors(province.id(), provinceTotals.get("GDP")[0], average(GROWTH.get("GDP")) - 0.3, 11);

        districts();
        jdbc.batchUpdate("""
                insert into observation (indicator_id, period, kind, unit_id, period_type, period_ord, value,
                                         updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", rows);
        events.publishEvent(new AuditRecord("indicator.demo.loaded", "Observation", null, province.id(),
                "载入示例省统计数据：" + rows.size() + " 个数值（2024年1月至" + last.getYear() + "年"
                        + last.getMonthValue() + "月）", null, Map.of("observations", rows.size())));
        rows.clear();
    }

    /** Incomes are averaged over people; everything else adds up. */
    private static double weight(String code, int city) {
        return code.endsWith("_INCOME") ? YEAR_2025.get("POPULATION")[city] : 1;
    }

    private static double average(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private void districts() {
        for (int d = 0; d < DISTRICTS.length; d++) {
            OrgUnit district = unit(DISTRICTS[d]);
            for (var entry : YEAR_2025.entrySet()) {
                String code = entry.getKey();
                double cityValue = entry.getValue()[0];
                double cityGrowth = GROWTH.containsKey(code) ? GROWTH.get(code)[0] : 0.4;
                double growth = cityGrowth + DISTRICT_GROWTH_OFFSET[d] * (code.endsWith("_INCOME") ? 0.3 : 1);
                if (code.endsWith("_INCOME")) {
                    series(district.id(), code, Math.round(cityValue * DISTRICT_INCOME_FACTOR[d]), growth, 20 + d);
                } else {
                    series(district.id(), code, districtShare(cityValue, d, scale(code)), growth, 20 + d);
                }
            }
            sectors(district.id(), districtShare(YEAR_2025.get("GDP")[0], d, 2),
                    GROWTH.get("GDP")[0] + DISTRICT_GROWTH_OFFSET[d], 20 + d);
        }
    }

    /** A district's part of a city total, the last one taking the rounding rest so the parts add up exactly. */
    private static double districtShare(double cityValue, int d, int scale) {
        if (d < DISTRICT_SHARES.length - 1) {
            return round(cityValue * DISTRICT_SHARES[d], scale);
        }
        double others = 0;
        for (int i = 0; i < DISTRICT_SHARES.length - 1; i++) {
            others += round(cityValue * DISTRICT_SHARES[i], scale);
        }
        return round(cityValue - others, scale);
    }

    private int scale(String code) {
        return byCode.get(code).decimals();
    }

    /**
     * One indicator of one unit from January 2024 to the last complete month: cumulative values (monthly or
     * quarterly as the indicator is published), monthly values, annual values of complete years, official growth.
     */
    private void series(long unitId, String code, double value2025, double growth, int salt) {
        Indicator indicator = byCode.get(code);
        if (indicator.nature() == Nature.STOCK) {
            stock(unitId, indicator, value2025);
            return;
        }
        int scale = indicator.decimals();
        for (int year = 2024; year <= last.getYear(); year++) {
            double annual = value2025 * Math.pow(1 + (growth + 1.0) / 100, year - 2025);
            if (year == 2025) {
                annual = value2025;
            }
            double cumulative = 0;
            double previous = 0;
            for (int month = 1; month <= 12; month++) {
                if (year == last.getYear() && month > last.getMonthValue()) {
                    break;
                }
                cumulative += MONTH_SHARES[month - 1];
                double ytd = month == 12 ? annual : round(annual * cumulative / 100, scale);
                if (indicator.code().endsWith("_INCOME")) {
                    // Incomes per head accumulate over the year too, but are published by quarter.
                    ytd = month == 12 ? annual : Math.round(annual * cumulative / 100);
                }
                double rate = round(growth + jitter(salt, year, month), 1);
                boolean quarterly = indicator.frequency() != cn.luoshi.indicator.Frequency.MONTHLY;
                if (quarterly) {
                    if (month % 3 == 0) {
                        add(unitId, indicator, Period.quarter(year, month / 3), ObservationKind.YTD, ytd);
                        add(unitId, indicator, Period.quarter(year, month / 3), ObservationKind.GROWTH, rate);
                    }
                } else {
                    add(unitId, indicator, Period.month(year, month), ObservationKind.YTD, ytd);
                    add(unitId, indicator, Period.month(year, month), ObservationKind.VALUE,
                            round(ytd - previous, scale));
                    add(unitId, indicator, Period.month(year, month), ObservationKind.GROWTH, rate);
                }
                previous = ytd;
                if (month == 12) {
                    add(unitId, indicator, Period.year(year), ObservationKind.VALUE, annual);
                    add(unitId, indicator, Period.year(year), ObservationKind.GROWTH, round(growth, 1));
                }
            }
        }
    }

    /** GDP by sector for the cumulative quarters, the tertiary sector taking the rest so the three add up. */
    private void sectors(long unitId, double gdp2025, double growth, int salt) {
        for (int year = 2024; year <= last.getYear(); year++) {
            double annual = year == 2025 ? gdp2025 : gdp2025 * Math.pow(1 + (growth + 1.0) / 100, year - 2025);
            double cumulative = 0;
            for (int month = 1; month <= 12; month++) {
                if (year == last.getYear() && month > last.getMonthValue()) {
                    break;
                }
                cumulative += MONTH_SHARES[month - 1];
                if (month % 3 != 0) {
                    continue;
                }
                double total = month == 12 ? annual : round(annual * cumulative / 100, 2);
                double primary = round(total * SECTORS.get("GDP_PRIMARY") * (month <= 6 ? 0.8 : 1.05), 2);
                double secondary = round(total * SECTORS.get("GDP_SECONDARY"), 2);
                Period quarter = Period.quarter(year, month / 3);
                add(unitId, byCode.get("GDP_PRIMARY"), quarter, ObservationKind.YTD, primary);
                add(unitId, byCode.get("GDP_SECONDARY"), quarter, ObservationKind.YTD, secondary);
                add(unitId, byCode.get("GDP_TERTIARY"), quarter, ObservationKind.YTD,
                        round(total - primary - secondary, 2));
                add(unitId, byCode.get("GDP_PRIMARY"), quarter, ObservationKind.GROWTH,
                        round(3.6 + jitter(salt, year, month), 1));
                add(unitId, byCode.get("GDP_SECONDARY"), quarter, ObservationKind.GROWTH,
                        round(growth + 1.1 + jitter(salt + 1, year, month), 1));
                add(unitId, byCode.get("GDP_TERTIARY"), quarter, ObservationKind.GROWTH,
                        round(growth - 0.2 + jitter(salt + 2, year, month), 1));
            }
        }
    }

    /** Stocks are published once a year, at year end. */
    private void stock(long unitId, Indicator indicator, double value2025) {
        add(unitId, indicator, Period.year(2024), ObservationKind.VALUE, round(value2025 * 0.996, indicator.decimals()));
        add(unitId, indicator, Period.year(2025), ObservationKind.VALUE, value2025);
    }

    private void annual(long unitId, String code, double value2025) {
        Indicator indicator = byCode.get(code);
        add(unitId, indicator, Period.year(2024), ObservationKind.VALUE,
                round(value2025 * (indicator.isPercentage() ? 0.985 : 0.94), indicator.decimals()));
        add(unitId, indicator, Period.year(2025), ObservationKind.VALUE, value2025);
    }

    /** A small, repeatable wobble of growth rates from month to month (±0.4 points). */
    private static double jitter(int salt, int year, int month) {
        long h = (salt * 31L + year) * 37L + month;
        h = (h ^ (h >>> 7)) * 0x5DEECE66DL;
        return ((h >>> 16) % 81 - 40) / 100.0;
    }

    private static double round(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }

    private void add(long unitId, Indicator indicator, Period period, ObservationKind kind, double value) {
        int scale = kind == ObservationKind.GROWTH ? 1 : indicator.decimals();
        rows.add(new Object[] {indicator.id(), period.code(), kind.name(), unitId, String.valueOf(period.type().letter()),
                period.ord(), BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP), now});
    }

    private OrgUnit unit(String code) {
        return units.findByCode(code).orElseThrow();
    }
}
