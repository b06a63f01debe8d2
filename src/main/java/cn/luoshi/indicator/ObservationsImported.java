package cn.luoshi.indicator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.common.events.AuditableEvent;

/**
 * A spreadsheet import was written: one event (and one audit record) for the whole file, however many rows it held.
 * Modules that compute from indicator data (targets, assessments) may listen to recompute.
 */
public record ObservationsImported(long importId, String filename, Long scopeUnitId, String layout, long rowsRead,
                                  long observations, long inserted, long updated, long unchanged,
                                  List<String> indicators, int units, String firstPeriod, String lastPeriod,
                                  long durationMillis) implements AuditableEvent {

    @Override
    public String action() {
        return "indicator.observations.imported";
    }

    @Override
    public String entityType() {
        return "ObservationImport";
    }

    @Override
    public String entityId() {
        return Long.toString(importId);
    }

    @Override
    public Long unitId() {
        return scopeUnitId;
    }

    @Override
    public String summary() {
        String shown = indicators.size() > 8 ? String.join("、", indicators.subList(0, 8)) + " 等"
                : String.join("、", indicators);
        return "导入数据「" + filename + "」：" + rowsRead + " 行 " + observations + " 个数值，新增 " + inserted
                + "，更正 " + updated + "，未变 " + unchanged + "；指标 " + shown + "；" + units + " 个单位；"
                + (firstPeriod == null ? "" : firstPeriod + " 至 " + lastPeriod);
    }

    @Override
    public Object before() {
        return null;
    }

    @Override
    public Object after() {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("importId", importId);
        after.put("filename", filename);
        after.put("layout", layout);
        after.put("rows", rowsRead);
        after.put("observations", observations);
        after.put("inserted", inserted);
        after.put("updated", updated);
        after.put("unchanged", unchanged);
        after.put("indicators", indicators);
        after.put("units", units);
        after.put("periods", firstPeriod == null ? null : firstPeriod + "/" + lastPeriod);
        return after;
    }
}
