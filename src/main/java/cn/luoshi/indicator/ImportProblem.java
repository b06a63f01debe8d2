package cn.luoshi.indicator;

import java.util.List;

/**
 * One thing wrong with an import file: where (spreadsheet row as Excel numbers it, and the column header when it is
 * about a cell) and what (a message code of the indicator bundle with its arguments). The column and the arguments
 * keep only a short excerpt of what the file held: a hostile file cannot make a problem (and so the import's stored
 * report) as large as itself.
 */
public record ImportProblem(int row, String column, String code, List<String> args) {

    /** How much of a cell or header a problem quotes. */
    public static final int MAX_EXCERPT = 100;

    public ImportProblem {
        column = excerpt(column);
        args = args == null ? List.of() : args.stream().map(ImportProblem::excerpt).toList();
    }

    /** The first {@value #MAX_EXCERPT} characters (whole code points) and "…" when there were more. */
    public static String excerpt(String text) {
        if (text == null || text.length() <= MAX_EXCERPT) {
            return text;
        }
        int end = text.offsetByCodePoints(0, Math.min(MAX_EXCERPT, text.codePointCount(0, text.length())));
        return end >= text.length() ? text : text.substring(0, end) + "…";
    }
}
