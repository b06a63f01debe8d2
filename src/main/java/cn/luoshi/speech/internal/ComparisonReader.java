package cn.luoshi.speech.internal;

import java.util.List;

import cn.luoshi.speech.SpeechFigure.Comparison;

/** Reads differences: "比XX少230亿元", "比XX高2.4个百分点", "同比增长8%", "增长*%". */
final class ComparisonReader {

    private static final List<String> DIRECTIONS = List.of("增加", "减少", "增长", "下降", "提高", "降低", "多", "少", "高", "低");
    private static final List<String> CHANGES = List.of("同比增长", "同比下降", "同比增加", "同比减少", "增长", "下降", "增加",
            "减少", "提高", "降低");
    private static final int PEER_REACH = 12;

    private ComparisonReader() {
    }

    record Found(Comparison comparison, int start, int end) {
    }

    /** A comparison within [from, to), or null. */
    static Found find(String text, int from, int to) {
        return find(text, from, to, to);
    }

    /** A comparison starting in [from, startsBefore) and ending by {@code to}, or null. */
    static Found find(String text, int from, int startsBefore, int to) {
        for (int i = from; i < Math.min(startsBefore, to); i++) {
            char c = text.charAt(i);
            if ((c == '比' || c == '较') && !MarkerScanner.startsWith(text, i, "比重") && !MarkerScanner.startsWith(text, i, "比例")
                    && !MarkerScanner.startsWith(text, i, "较好") && !MarkerScanner.startsWith(text, i, "较大")
                    && !MarkerScanner.startsWith(text, i, "较高") && !MarkerScanner.startsWith(text, i, "较快")) {
                Found found = withPeer(text, i, to);
                if (found != null) {
                    return found;
                }
            }
            for (String change : CHANGES) {
                if (MarkerScanner.startsWith(text, i, change) && (i == from || change.startsWith("同比"))) {
                    Quantity q = QuantityParser.parseAt(text, i + change.length(), to);
                    if (q != null) {
                        String peer = change.startsWith("同比") ? "上年同期" : null;
                        String direction = change.startsWith("同比") ? change.substring(2) : change;
                        return new Found(new Comparison(peer, q.value(), q.unit(), direction), i, q.end());
                    }
                }
            }
        }
        return null;
    }

    private static Found withPeer(String text, int at, int to) {
        int limit = Math.min(to, at + 1 + PEER_REACH);
        for (int d = at + 2; d < limit; d++) {
            for (String direction : DIRECTIONS) {
                if (MarkerScanner.startsWith(text, d, direction) && d + direction.length() <= to) {
                    Quantity q = QuantityParser.parseAt(text, d + direction.length(), to);
                    if (q == null) {
                        continue;
                    }
                    String peer = text.substring(at + 1, d);
                    return new Found(new Comparison(peer, q.value(), q.unit(), direction), at, q.end());
                }
            }
        }
        return null;
    }
}
