package cn.luoshi.indicator.internal.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import cn.luoshi.common.excel.Spreadsheets;
import cn.luoshi.indicator.Figure;
import cn.luoshi.indicator.Frequency;
import cn.luoshi.indicator.Grid;
import cn.luoshi.indicator.Indicator;
import cn.luoshi.indicator.Nature;
import cn.luoshi.indicator.ObservationKind;
import cn.luoshi.indicator.Period;
import cn.luoshi.indicator.Period.PeriodType;
import cn.luoshi.org.OrgUnit;

/**
 * The workbooks statisticians download: an import template per indicator set (wide, as offices keep their sheets,
 * or long), and grid exports that can be imported again unchanged.
 */
final class Workbooks {

    private Workbooks() {
    }

    static String kindWord(ObservationKind kind) {
        return switch (kind) {
            case VALUE -> "当期";
            case YTD -> "累计";
            case GROWTH -> "增速";
        };
    }

    /** Column header of a period in a wide sheet, read back by {@link Period#read} with the same meaning. */
    static String header(Period period, ObservationKind kind) {
        return kind == ObservationKind.VALUE ? period.label() : period.cumulativeLabel();
    }

    /**
     * Wide template: one row per stored indicator of the set and unit, one column per period of this year in the
     * set's finest frequency, 类型 filled with the kind bulletins publish (累计 for flows, 当期 for stocks).
     */
    static void wideTemplate(OutputStream out, String sheet, List<Indicator> indicators, List<OrgUnit> units,
                             YearMonth now) throws IOException {
        PeriodType type = finest(indicators);
        List<Period> periods = Period.range(Period.containing(type, now.getYear(), 1),
                Period.containing(type, now.getYear(), 12));
        List<String> headers = new ArrayList<>(List.of("指标", "单位", "类型"));
        for (Period p : periods) {
            headers.add(type == PeriodType.MONTH ? p.label() : p.label());
        }
        List<List<?>> rows = new ArrayList<>();
        for (Indicator indicator : indicators) {
            for (OrgUnit unit : units) {
                List<Object> row = new ArrayList<>(List.of(indicator.nameZh() + "（" + indicator.measureUnit() + "）",
                        unit.name(), kindWord(indicator.nature() == Nature.STOCK ? ObservationKind.VALUE
                                : ObservationKind.YTD)));
                rows.add(row);
            }
        }
        Spreadsheets.writeXlsx(out, sheet, headers, rows);
    }

    /** Long template: 指标, 单位, 期间, 类型, 数值, 计量单位 with one example row per indicator. */
    static void longTemplate(OutputStream out, String sheet, List<Indicator> indicators, OrgUnit unit,
                             YearMonth now) throws IOException {
        YearMonth last = now.minusMonths(1);
        List<List<?>> rows = new ArrayList<>();
        for (Indicator indicator : indicators) {
            PeriodType type = indicator.frequency().periodType();
            Period period = Period.containing(type, last.getYear(), last.getMonthValue());
            if (period.ord() > last.getYear() * 100 + last.getMonthValue()) {
                period = period.sameLastYear();
            }
            boolean stock = indicator.nature() == Nature.STOCK;
            rows.add(List.of(indicator.nameZh(), unit.name(), stock ? period.label() : period.cumulativeLabel(),
                    kindWord(stock ? ObservationKind.VALUE : ObservationKind.YTD), "", indicator.measureUnit()));
        }
        Spreadsheets.writeXlsx(out, sheet, List.of("指标", "单位", "期间", "类型", "数值", "计量单位"), rows);
    }

    /**
     * Column header of an exported period: the Chinese label when it reads back as the same period, else the code
     * ("2025年上半年" would come back as the half year, so 2025Q2 累计 is exported as "2025Q2").
     */
    static String exportHeader(Period period, ObservationKind kind) {
        String label = header(period, kind);
        return Period.read(label).map(Period.Reading::period).filter(period::equals).isPresent() ? label
                : period.code();
    }

    /** A grid as a wide sheet: importing it again changes nothing. */
    static void grid(OutputStream out, Grid grid) throws IOException {
        List<String> headers = new ArrayList<>(List.of("指标", "单位", "单位代码", "类型"));
        for (Period p : grid.periods()) {
            headers.add(exportHeader(p, grid.kind()));
        }
        List<List<?>> rows = new ArrayList<>();
        for (Grid.Row row : grid.rows()) {
            List<Object> cells = new ArrayList<>();
            cells.add(grid.indicator().nameZh());
            cells.add(row.unit().name());
            cells.add(row.unit().code());
            cells.add(kindWord(grid.kind()));
            for (Figure f : row.cells()) {
                cells.add(f == null ? null : f.value());
            }
            rows.add(cells);
        }
        Spreadsheets.writeXlsx(out, grid.indicator().nameZh(), headers, rows);
    }

    private static PeriodType finest(List<Indicator> indicators) {
        PeriodType finest = PeriodType.YEAR;
        for (Indicator i : indicators) {
            if (i.frequency() == Frequency.MONTHLY) {
                return PeriodType.MONTH;
            }
            if (i.frequency() == Frequency.QUARTERLY) {
                finest = PeriodType.QUARTER;
            }
        }
        return finest;
    }
}
