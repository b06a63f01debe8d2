package cn.luoshi.indicator.internal.web;

import java.util.Locale;

import cn.luoshi.common.web.Messages;
import cn.luoshi.indicator.ImportProblem;

/** Turns an import problem into a sentence: "第12行「2025年6月」：数值「约2160」不是数字…". */
final class ImportMessages {

    private ImportMessages() {
    }

    static String text(Messages messages, Locale locale, ImportProblem problem) {
        String where = "";
        if (problem.row() > 0 && problem.column() != null) {
            where = messages.get(locale, "indicator.import.at.cell", problem.row(), problem.column());
        } else if (problem.row() > 0) {
            where = messages.get(locale, "indicator.import.at.row", problem.row());
        }
        return where + messages.get(locale, problem.code(), problem.args().toArray());
    }
}
