package cn.luoshi.speech.internal;

import java.util.List;

import cn.luoshi.speech.SpeechFigure.Rank;

/** Reads ranks: "居全省第五", "居全国国家级高新区第40位", "全省第3位", "居全国首位". */
final class RankReader {

    private static final List<String> VERBS = List.of("位居", "居于", "排名", "排在", "位列", "名列", "列", "居", "排");
    private static final int SCOPE_REACH = 20;
    private static final String NOT_AFTER = "方梯批次个辆台枚块届轮季期部章条款项家";

    private RankReader() {
    }

    record Found(Rank rank, int start, int end) {
    }

    static Found find(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '首' && MarkerScanner.startsWith(text, i, "首位") && i + 2 <= to) {
                return found(text, from, i, i + 2, 1);
            }
            if (c != '第') {
                continue;
            }
            int j = i + 1;
            Integer position;
            int numberEnd = j;
            while (numberEnd < to && numberEnd - j < 3 && Chars.isDigit(text.charAt(numberEnd))) {
                numberEnd++;
            }
            if (numberEnd > j) {
                position = Integer.parseInt(text.substring(j, numberEnd));
            } else if ((numberEnd = MarkerScanner.numeralEnd(text, j)) > j) {
                position = ChineseNumbers.smallNumber(text, j, numberEnd);
            } else {
                while (numberEnd < to && numberEnd - j < 3 && Placeholders.isPlaceholderChar(text.charAt(numberEnd))) {
                    numberEnd++;
                }
                if (numberEnd == j) {
                    continue;
                }
                position = null;
            }
            int end = numberEnd;
            if (end < to && (text.charAt(end) == '位' || text.charAt(end) == '名')) {
                end++;
            } else if (end < to && (NOT_AFTER.indexOf(text.charAt(end)) >= 0 || Chars.isCjk(text.charAt(end)))) {
                continue;
            }
            return found(text, from, i, Math.min(end, to), position);
        }
        return null;
    }

    private static Found found(String text, int from, int ordinalStart, int end, Integer position) {
        int scopeStart = from;
        int start = from;
        int reach = Math.max(from, ordinalStart - SCOPE_REACH);
        for (String verb : VERBS) {
            int at = Texts.lastIndexOf(text, verb, reach, ordinalStart);
            if (at >= from) {
                scopeStart = at + verb.length();
                start = at;
                break;
            }
        }
        if (scopeStart == from && from < reach) {
            return null; // nothing within reach names a scope
        }
        if (scopeStart == from) {
            int separator = Math.max(Texts.lastIndexOf(text, '、', reach, ordinalStart),
                    Texts.lastIndexOf(text, '，', reach, ordinalStart));
            if (separator >= from) {
                scopeStart = separator + 1;
            }
            start = scopeStart;
        }
        String scope = IndicatorNames.trimPunctuation(text.substring(scopeStart, ordinalStart));
        if (scope.length() > 16 || !looksLikeScope(scope)) {
            if (scopeStart == from && start == from) {
                return null;
            }
            scope = null;
        }
        return new Found(new Rank(scope, position), start, end);
    }

    private static boolean looksLikeScope(String scope) {
        return scope.startsWith("全") || scope.endsWith("省") || scope.endsWith("市") || scope.endsWith("国")
                || scope.endsWith("区") || scope.endsWith("圈") || scope.endsWith("县") || scope.endsWith("内")
                || scope.endsWith("中") || scope.endsWith("州") || scope.endsWith("群");
    }
}
