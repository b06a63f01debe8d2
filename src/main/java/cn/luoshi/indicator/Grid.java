package cn.luoshi.indicator;

import java.util.List;

/** The data grid of one indicator: units down, periods across (the way statistics offices keep their sheets). */
public record Grid(Indicator indicator, ObservationKind kind, List<Period> periods, List<Row> rows) {

    /** One unit's values, one cell per period (null where there is no value). */
    public record Row(UnitRef unit, List<Figure> cells) {
    }
}
