package cn.luoshi.common.excel;

import java.util.List;

/**
 * One row of an uploaded table.
 *
 * @param number the row number as the user sees it in Excel (1 = first row, the header)
 * @param cells  cell texts, trimmed; empty string for an empty cell
 */
public record SheetRow(int number, List<String> cells) {

    public String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    public boolean isBlank() {
        return cells.stream().allMatch(String::isEmpty);
    }
}
