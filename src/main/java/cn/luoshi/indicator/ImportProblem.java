package cn.luoshi.indicator;

import java.util.List;

/**
 * One thing wrong with an import file: where (spreadsheet row as Excel numbers it, and the column header when it is
 * about a cell) and what (a message code of the indicator bundle with its arguments).
 */
public record ImportProblem(int row, String column, String code, List<String> args) {
}
