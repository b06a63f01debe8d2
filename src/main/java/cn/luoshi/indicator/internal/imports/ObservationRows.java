package cn.luoshi.indicator.internal.imports;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.luoshi.common.excel.SheetRow;
import cn.luoshi.common.excel.Spreadsheets;
import cn.luoshi.indicator.ImportProblem;
import cn.luoshi.indicator.Indicator;
import cn.luoshi.indicator.Nature;
import cn.luoshi.indicator.ObservationKind;
import cn.luoshi.indicator.Period;
import cn.luoshi.indicator.internal.Catalogue;
import cn.luoshi.indicator.internal.CellNumbers;

/**
 * Reads an import table row by row and checks every cell. Two layouts, told apart by the header:
 * <ul>
 * <li>long: 指标, 单位, 期间, 类型 (optional), 数值, 计量单位 (optional) — one value per row;</li>
 * <li>wide: 指标, 单位, 类型 (optional), then one column per period ("2025年1-6月", "2025-06", "2025Q2"…) — as
 * statistics offices keep their sheets.</li>
 * </ul>
 * 指标 and 单位 take a code or a name. A title above the header is skipped; an empty 指标 cell repeats the one above
 * (merged cells). Good values go to the sink; every bad cell becomes a problem with its row and column.
 */
final class ObservationRows implements Spreadsheets.RowHandler {

    static final int MAX_PROBLEMS = 200;
    private static final int HEADER_SEARCH_ROWS = 20;

    /** Receives each checked value. */
    interface Sink {
        void accept(Indicator indicator, long unitId, Period period, ObservationKind kind, BigDecimal value);
    }

    enum Layout { LONG, WIDE }

    private enum Role { INDICATOR, UNIT, UNIT_CODE, PERIOD, KIND, VALUE, MEASURE, IGNORED, PERIOD_COLUMN }

    private static final Map<String, Role> HEADERS = new HashMap<>();

    static {
        for (String h : List.of("指标", "指标名称", "指标代码", "指标编码", "INDICATOR")) {
            HEADERS.put(h, Role.INDICATOR);
        }
        for (String h : List.of("单位", "单位名称", "地区", "地区名称", "区域", "行政区划", "UNIT", "REGION")) {
            HEADERS.put(h, Role.UNIT);
        }
        for (String h : List.of("单位代码", "地区代码", "区划代码", "行政区划代码", "UNITCODE")) {
            HEADERS.put(h, Role.UNIT_CODE);
        }
        for (String h : List.of("期间", "时期", "期别", "统计期", "报告期", "时间", "PERIOD")) {
            HEADERS.put(h, Role.PERIOD);
        }
        for (String h : List.of("类型", "数据类型", "口径", "KIND")) {
            HEADERS.put(h, Role.KIND);
        }
        for (String h : List.of("数值", "值", "数据", "VALUE")) {
            HEADERS.put(h, Role.VALUE);
        }
        for (String h : List.of("计量单位", "MEASUREUNIT", "MEASURE")) {
            HEADERS.put(h, Role.MEASURE);
        }
        for (String h : List.of("序号", "备注", "说明", "填报说明", "NOTE", "REMARK")) {
            HEADERS.put(h, Role.IGNORED);
        }
    }

    private static final Map<String, ObservationKind> KINDS = new HashMap<>();

    static {
        for (String k : List.of("当期", "本期", "当月", "本月", "当季", "本季", "全年", "期末", "VALUE")) {
            KINDS.put(k, ObservationKind.VALUE);
        }
        for (String k : List.of("累计", "累计值", "本年累计", "YTD")) {
            KINDS.put(k, ObservationKind.YTD);
        }
        for (String k : List.of("增速", "增长", "同比", "同比增长", "同比增速", "增长率", "累计增速", "增幅", "GROWTH",
                "%")) {
            KINDS.put(k, ObservationKind.GROWTH);
        }
    }

    private final Catalogue catalogue;
    private final UnitLookup units;
    private final int latestOrd;
    private final Sink sink;
    private final KeyRows seen = new KeyRows(1 << 16);
    private final Map<Integer, Integer> indicatorIndex = new HashMap<>();
    private final Map<Long, Integer> unitIndex = new HashMap<>();
    private final Map<Period, Integer> periodIndex = new HashMap<>();

    // A million rows repeat a few dozen indicator, period and kind texts: each is read once.
    private final Map<String, java.util.Optional<Indicator>> indicatorTexts = new HashMap<>();
    private final Map<String, java.util.Optional<Period.Reading>> periodTexts = new HashMap<>();
    private final Map<String, java.util.Optional<ObservationKind>> kindTexts = new HashMap<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private int errorCount;
    private Layout layout;
    private Role[] roles;
    private String[] headers;
    private Period.Reading[] periodColumns;
    private String headerMeasure;
    private Indicator carriedIndicator;
    private String carriedIndicatorText;
    private long rowsRead;
    private long observations;
    private Period first;
    private Period last;
    private final Set<String> indicatorsSeen = new LinkedHashSet<>();
    private final Set<Long> unitsSeen = new LinkedHashSet<>();

    ObservationRows(Catalogue catalogue, UnitLookup units, int latestOrd, Sink sink) {
        this.catalogue = catalogue;
        this.units = units;
        this.latestOrd = latestOrd;
        this.sink = sink;
    }

    @Override
    public boolean accept(SheetRow row) {
        if (roles == null) {
            if (row.number() > HEADER_SEARCH_ROWS) {
                problem(0, null, "noHeader");
                return false;
            }
            readHeader(row);
            return errorCount == 0 || roles == null;
        }
        if (row.isBlank()) {
            return true;
        }
        rowsRead++;
        if (layout == Layout.LONG) {
            longRow(row);
        } else {
            wideRow(row);
        }
        return true;
    }

    /** To call after the last row: a file without header or without any value is refused too. */
    void finish() {
        if (roles == null) {
            problem(0, null, "noHeader");
        } else if (observations == 0 && errorCount == 0) {
            problem(0, null, "noData");
        }
    }

    // ---- header ----

    private void readHeader(SheetRow row) {
        int n = row.cells().size();
        Role[] found = new Role[n];
        String[] names = new String[n];
        Period.Reading[] periods = new Period.Reading[n];
        boolean hasIndicator = false;
        for (int i = 0; i < n; i++) {
            String raw = row.cell(i);
            names[i] = raw;
            String key = headerKey(raw);
            Role role = HEADERS.get(key);
            if (role == null && HEADERS.get(Catalogue.withoutBracketedSuffix(key)) != null) {
                role = HEADERS.get(Catalogue.withoutBracketedSuffix(key));
                if (role == Role.VALUE) {
                    // "数值（万元）": the unit of measure of the whole column.
                    headerMeasure = Catalogue.bracketedSuffix(raw);
                }
            }
            if (role == null && !raw.isBlank()) {
                var reading = Period.read(raw);
                if (reading.isPresent()) {
                    role = Role.PERIOD_COLUMN;
                    periods[i] = reading.get();
                }
            }
            found[i] = role;
            hasIndicator |= role == Role.INDICATOR;
        }
        if (!hasIndicator) {
            return; // a title line above the table
        }
        roles = found;
        headers = names;
        periodColumns = periods;
        boolean hasPeriod = has(Role.PERIOD);
        boolean hasValue = has(Role.VALUE);
        layout = hasPeriod || hasValue ? Layout.LONG : Layout.WIDE;
        if (!has(Role.UNIT) && !has(Role.UNIT_CODE)) {
            problem(row.number(), null, "missingColumn", "单位");
        }
        if (layout == Layout.LONG) {
            if (!hasPeriod) {
                problem(row.number(), null, "missingColumn", "期间");
            }
            if (!hasValue) {
                problem(row.number(), null, "missingColumn", "数值");
            }
            for (int i = 0; i < n; i++) {
                if (roles[i] == Role.PERIOD_COLUMN) {
                    roles[i] = Role.IGNORED;
                }
            }
        } else {
            boolean anyPeriod = false;
            for (int i = 0; i < n; i++) {
                if (roles[i] == null && !names[i].isBlank()) {
                    problem(row.number(), names[i], "badPeriodHeader", names[i]);
                }
                anyPeriod |= roles[i] == Role.PERIOD_COLUMN;
            }
            if (!anyPeriod) {
                problem(row.number(), null, "missingColumn", "期间");
            }
        }
    }

    private boolean has(Role role) {
        for (Role r : roles) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }

    private static String headerKey(String raw) {
        String n = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!Character.isWhitespace(c) && c != '*') {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    private String cell(SheetRow row, Role role) {
        for (int i = 0; i < roles.length; i++) {
            if (roles[i] == role) {
                return row.cell(i);
            }
        }
        return "";
    }

    // ---- rows ----

    private void longRow(SheetRow row) {
        int r = row.number();
        Indicator indicator = indicator(row);
        Long unit = unit(row);
        String periodText = cell(row, Role.PERIOD);
        Period.Reading reading = null;
        if (periodText.isBlank()) {
            problem(r, "期间", "badPeriod", periodText);
        } else {
            reading = periodTexts.computeIfAbsent(periodText, Period::read).orElse(null);
            if (reading == null) {
                problem(r, "期间", "badPeriod", periodText);
            } else if (reading.period().ord() > latestOrd) {
                problem(r, "期间", "futurePeriod", periodText);
                reading = null;
            }
        }
        ObservationKind kind = reading == null ? null : kind(row, reading, periodText, indicator);
        String valueText = cell(row, Role.VALUE);
        if (CellNumbers.isNoFigure(valueText)) {
            problem(r, "数值", "emptyValue");
            return;
        }
        BigDecimal factor = indicator == null ? null : factor(row, indicator);
        BigDecimal value = indicator == null || kind == null ? null
                : value(r, "数值", valueText, indicator, kind, factor);
        if (indicator != null && unit != null && reading != null && kind != null && value != null) {
            emit(r, null, indicator, unit, reading.period(), kind, value);
        } else if (indicator != null && kind == null && reading != null) {
            // the kind problem is already reported; still check the number for a complete report
            value(r, "数值", valueText, indicator, ObservationKind.VALUE, BigDecimal.ONE);
        }
    }

    private void wideRow(SheetRow row) {
        int r = row.number();
        Indicator indicator = indicator(row);
        Long unit = unit(row);
        BigDecimal factor = indicator == null ? null : factor(row, indicator);
        String kindText = cell(row, Role.KIND);
        for (int i = 0; i < roles.length; i++) {
            if (roles[i] != Role.PERIOD_COLUMN) {
                continue;
            }
            String text = row.cell(i);
            if (CellNumbers.isNoFigure(text)) {
                continue;
            }
            Period.Reading reading = periodColumns[i];
            if (reading.period().ord() > latestOrd) {
                problem(r, headers[i], "futurePeriod", headers[i]);
                continue;
            }
            if (indicator == null) {
                continue;
            }
            ObservationKind kind = kindOf(r, kindText, reading, headers[i], indicator);
            if (kind == null) {
                continue;
            }
            BigDecimal value = value(r, headers[i], text, indicator, kind, factor);
            if (value != null && unit != null) {
                emit(r, headers[i], indicator, unit, reading.period(), kind, value);
            }
        }
    }

    private Indicator indicator(SheetRow row) {
        String text = cell(row, Role.INDICATOR);
        if (text.isBlank()) {
            if (carriedIndicator != null || carriedIndicatorText != null) {
                return carriedIndicator;
            }
            problem(row.number(), "指标", "unknownIndicator", text);
            return null;
        }
        carriedIndicatorText = text;
        Indicator indicator = indicatorTexts.computeIfAbsent(text, catalogue::byName).orElse(null);
        carriedIndicator = indicator;
        if (indicator == null) {
            problem(row.number(), "指标", "unknownIndicator", text);
            return null;
        }
        if (indicator.derived()) {
            carriedIndicator = null;
            problem(row.number(), "指标", "derivedIndicator", text);
            return null;
        }
        return indicator;
    }

    private Long unit(SheetRow row) {
        // With both a name and a code column, the code decides: names may repeat, codes do not.
        String text = cell(row, Role.UNIT_CODE);
        if (text.isBlank()) {
            text = cell(row, Role.UNIT);
        }
        UnitLookup.Match match = units.find(text);
        switch (match.outcome()) {
            case FOUND -> {
                return match.unitId();
            }
            case AMBIGUOUS -> problem(row.number(), "单位", "ambiguousUnit", text);
            default -> problem(row.number(), "单位", "unknownUnit", text);
        }
        return null;
    }

    /** The factor from the row's unit of measure (column, bracket in the header or the indicator cell) to the indicator's. */
    private BigDecimal factor(SheetRow row, Indicator indicator) {
        String measure = cell(row, Role.MEASURE);
        if (measure.isBlank()) {
            measure = Catalogue.bracketedSuffix(cell(row, Role.INDICATOR));
        }
        if (measure == null || measure.isBlank()) {
            measure = headerMeasure;
        }
        if (measure == null || measure.isBlank()) {
            return BigDecimal.ONE;
        }
        BigDecimal factor = MeasureUnits.factor(measure, indicator.measureUnit());
        if (factor == null) {
            problem(row.number(), "计量单位", "measureMismatch", measure, indicator.measureUnit());
        }
        return factor;
    }

    private ObservationKind kind(SheetRow row, Period.Reading reading, String periodText, Indicator indicator) {
        return kindOf(row.number(), cell(row, Role.KIND), reading, periodText, indicator);
    }

    private ObservationKind kindOf(int r, String kindText, Period.Reading reading, String periodText,
                                   Indicator indicator) {
        ObservationKind kind;
        if (kindText == null || kindText.isBlank()) {
            kind = reading.cumulative() ? ObservationKind.YTD : ObservationKind.VALUE;
        } else {
            kind = kindTexts.computeIfAbsent(kindText, t -> java.util.Optional.ofNullable(KINDS.get(headerKey(t))))
                    .orElse(null);
            if (kind == null) {
                problem(r, "类型", "unknownKind", kindText);
                return null;
            }
        }
        if (reading.cumulative() && kind == ObservationKind.VALUE && !reading.period().startsInJanuary()) {
            problem(r, "类型", "kindConflict", periodText);
            return null;
        }
        if (indicator != null && indicator.nature() == Nature.STOCK && kind == ObservationKind.YTD) {
            problem(r, "类型", "kindForStock", indicator.nameZh());
            return null;
        }
        return kind;
    }

    private BigDecimal value(int r, String column, String text, Indicator indicator, ObservationKind kind,
                             BigDecimal factor) {
        CellNumbers.CellNumber number = CellNumbers.parse(text);
        if (number == null) {
            problem(r, column, "badNumber", text);
            return null;
        }
        if (number.percent() && kind != ObservationKind.GROWTH && !indicator.isPercentage()) {
            problem(r, column, "unexpectedPercent", text, indicator.measureUnit());
            return null;
        }
        if (factor == null) {
            return null;
        }
        // Growth rates are percentages whatever the unit of the amounts.
        BigDecimal value = kind == ObservationKind.GROWTH || factor.compareTo(BigDecimal.ONE) == 0 ? number.value()
                : number.value().multiply(factor).stripTrailingZeros();
        ObservationValues.Refusal refusal = ObservationValues.check(indicator, kind, value, text);
        if (refusal != null) {
            problem(r, column, refusal.code(), refusal.args());
            return null;
        }
        return value;
    }

    private void emit(int r, String column, Indicator indicator, long unit, Period period, ObservationKind kind,
                      BigDecimal value) {
        long key = key(indicator.id(), unit, period, kind);
        int earlier = seen.putIfAbsent(key, r);
        if (earlier != 0) {
            problem(r, column, "duplicate", Integer.toString(earlier));
            return;
        }
        observations++;
        indicatorsSeen.add(indicator.code());
        unitsSeen.add(unit);
        if (first == null || period.compareTo(first) < 0) {
            first = period;
        }
        if (last == null || period.compareTo(last) > 0) {
            last = period;
        }
        if (errorCount == 0) {
            sink.accept(indicator, unit, period, kind, value);
        }
    }

    /** Dense indexes packed in one long: 12 bits indicator, 24 bits unit, 16 bits period, 2 bits kind. */
    private long key(int indicatorId, long unitId, Period period, ObservationKind kind) {
        long i = indicatorIndex.computeIfAbsent(indicatorId, k -> indicatorIndex.size());
        long u = unitIndex.computeIfAbsent(unitId, k -> unitIndex.size());
        long p = periodIndex.computeIfAbsent(period, k -> periodIndex.size());
        return (i << 42) | (u << 18) | (p << 2) | kind.ordinal();
    }

    private void problem(int row, String column, String code, String... args) {
        errorCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new ImportProblem(row, column, "indicator.import.problem." + code, List.of(args)));
        }
    }

    /** A problem with the file as a whole (unreadable, wrong format), with a message code of its own. */
    void fileProblem(String code, Object... args) {
        errorCount++;
        List<String> texts = new ArrayList<>();
        for (Object arg : args) {
            texts.add(String.valueOf(arg));
        }
        problems.add(new ImportProblem(0, null, code, texts));
    }

    // ---- results ----

    List<ImportProblem> problems() {
        return problems;
    }

    int errorCount() {
        return errorCount;
    }

    Layout layout() {
        return layout;
    }

    long rowsRead() {
        return rowsRead;
    }

    long observations() {
        return observations;
    }

    Period first() {
        return first;
    }

    Period last() {
        return last;
    }

    List<String> indicators() {
        return List.copyOf(indicatorsSeen);
    }

    int unitCount() {
        return unitsSeen.size();
    }
}
