package cn.luoshi.speech.internal;

import java.util.List;

import cn.luoshi.speech.SpeechTarget;

/**
 * Reads the targets a sentence sets: "力争到2026年，全市工业总产值突破X亿元", "工业总量三年翻一番", "增速高于全省平均
 * 水平、进入全省前X名", "打造两千亿级新材料产业集群". Comparator and indicator carry over to the next item of a
 * list ("城市建成区面积达到X平方公里、城区人口X万").
 */
final class TargetReader {

    private static final List<String> COMPARATORS = List.of("提高到", "提高至", "提升到", "提升至", "增长到", "增长至", "降低到",
            "下降到", "控制在", "稳定在", "保持在", "不低于", "不少于", "不高于", "不超过", "突破", "超过", "达到", "增长", "提高",
            "提升", "下降", "降低", "高于", "低于", "达", "超");
    private static final List<String> DOUBLINGS = List.of("翻两番", "翻一番", "翻番");
    private static final List<String> SCOPES = List.of("全国", "全省", "全市", "全区", "全县", "同类城市", "省内");
    private static final List<String> BUILD_VERBS = List.of("打造成", "建设成", "建成", "培育成", "发展成", "打造", "培育", "建设");

    /** How far before a number its indicator and comparator are looked for. */
    private static final int LEFT_REACH = 40;

    private final SpeechText speech;
    private final String text;
    private final List<SpeechTarget> out;
    private Integer deadline;
    private Integer horizon;
    private String indicator;
    private String comparator;

    private TargetReader(SpeechText speech, Integer deadline, List<SpeechTarget> out) {
        this.speech = speech;
        this.text = speech.text();
        this.deadline = deadline;
        this.out = out;
    }

    /**
     * @param scaleOnly read only scales ("千亿级…") — for deploying sentences without a target word
     */
    static void read(SpeechText speech, List<Span> clauses, Integer deadline, boolean scaleOnly, List<SpeechTarget> out) {
        TargetReader reader = new TargetReader(speech, deadline, out);
        Span previous = null;
        for (Span clause : clauses) {
            reader.readClause(clause, previous, scaleOnly);
            previous = clause;
        }
    }

    private void readClause(Span clause, Span previous, boolean scaleOnly) {
        for (Periods.Period p : Periods.findAll(text, clause.start(), clause.end())) {
            if (p.deadline()) {
                deadline = p.year(); // "…；到二〇二八年，…": a deadline holds from where it is stated
            }
        }
        List<Quantity> quantities = QuantityParser.findAll(text, clause.start(), clause.end());
        int from = clause.start();
        int itemStart = startWithLeadIn(clause, previous);
        for (Quantity q : quantities) {
            if (out.size() >= QuantityExtractor.MAX_ITEMS) {
                return;
            }
            if (Periods.yearAt(text, q.start(), clause.end()) != null) {
                continue;
            }
            if (q.isDuration()) {
                horizon = (q.max() != null ? q.max() : q.value()) == null ? null : (q.max() != null ? q.max() : q.value()).intValue();
                continue;
            }
            if (q.start() > 0 && text.charAt(q.start() - 1) == '前') {
                continue; // "进入全省前X名" is read as a word target
            }
            if (q.level()) {
                String name = objectOfBuild(clause, q);
                int nounEnd = q.end() + IndicatorNames.nounAfter(text, q.end(), clause.end()).length();
                if (!name.isEmpty()) {
                    int start = Math.max(itemStart, Texts.lastIndexOf(text, '、', itemStart, q.start()) + 1);
                    add(name, "达到", q, null, start, nounEnd);
                    indicator = name;
                }
                from = nounEnd;
                itemStart = skipSeparators(nounEnd);
                continue;
            }
            if (q.end() < clause.end() && text.charAt(q.end()) == '的') {
                from = q.end();
                continue;
            }
            if (scaleOnly) {
                readAmount(clause, from, itemStart, q);
                from = q.end();
                itemStart = skipSeparators(q.end());
                continue;
            }
            String left = text.substring(Math.max(from, q.start() - LEFT_REACH), q.start());
            String found = lastComparator(left);
            String name = IndicatorNames.clean(found == null ? left : left.substring(0, left.lastIndexOf(found)));
            if (found != null) {
                comparator = found;
            }
            if (!name.isEmpty()) {
                indicator = name;
            }
            if (indicator != null) {
                add(indicator, comparator == null ? "达到" : comparator, q, null, itemStart, q.end());
            }
            from = q.end();
            itemStart = skipSeparators(q.end());
        }
        if (!scaleOnly) {
            readWordTargets(clause, from, itemStart);
        }
    }

    /**
     * An amount in a deploying sentence without a target word is a target when a verb sets it: "全年实施市级重点项目
     * 200个", "新增城镇就业5万人", "突出办好十件民生实事". A bare count ("全市34座小型水库要…") is not.
     */
    private void readAmount(Span clause, int from, int itemStart, Quantity q) {
        String left = text.substring(Math.max(from, q.start() - LEFT_REACH), q.start());
        String found = lastComparator(left);
        boolean verb = found != null || IndicatorNames.COUNT_VERBS.stream().anyMatch(left::contains);
        if (!verb) {
            return;
        }
        boolean counted = q.end() < clause.end() && Chars.isCjk(text.charAt(q.end())) && q.unit() != null && q.unit().length() <= 2;
        String name = counted ? IndicatorNames.nounAfter(text, q.end(), clause.end())
                : IndicatorNames.clean(found == null ? left : left.substring(0, left.lastIndexOf(found)));
        if (name.isEmpty()) {
            return;
        }
        int end = counted ? Texts.indexOf(text, name, q.end(), clause.end()) + name.length() : q.end();
        add(name, found == null ? "达到" : found, q, null, itemStart, end);
    }

    /** Targets stated in words, in the order they appear: 翻一番, 高于全省平均水平, 进入全省前X名. */
    private void readWordTargets(Span clause, int from, int itemStart) {
        // each word's next position is searched again only once the reading has passed it: linear in the clause
        int[] doublings = new int[DOUBLINGS.size()];
        java.util.Arrays.fill(doublings, -2);
        int average = -2;
        int enter = -2;
        while (from < clause.end() && out.size() < QuantityExtractor.MAX_ITEMS) {
            int doubling = -1;
            String doublingWord = null;
            for (int w = 0; w < doublings.length; w++) {
                if (doublings[w] == -2 || (doublings[w] >= 0 && doublings[w] < from)) {
                    doublings[w] = Texts.indexOf(text, DOUBLINGS.get(w), from, clause.end());
                }
                if (doublings[w] >= 0 && (doubling < 0 || doublings[w] < doubling)) {
                    doubling = doublings[w];
                    doublingWord = DOUBLINGS.get(w);
                }
            }
            if (average == -2 || (average >= 0 && average < from)) {
                average = indexWithin("平均水平", from, clause.end());
            }
            if (enter == -2 || (enter >= 0 && enter < from)) {
                enter = indexWithin("进入", from, clause.end());
            }
            int next = firstOf(doubling, average, enter);
            if (next < 0) {
                return;
            }
            int end;
            if (next == doubling) {
                end = doubling + doublingWord.length();
                rename(IndicatorNames.clean(stripDuration(text.substring(from, doubling))));
                if (indicator != null) {
                    add(indicator, doublingWord, null, null, itemStart, end);
                }
            } else if (next == average) {
                end = average + 4;
                int verb = Math.max(Math.max(Texts.lastIndexOf(text, "高于", from, average),
                        Texts.lastIndexOf(text, "超过", from, average)), Texts.lastIndexOf(text, "低于", from, average));
                if (verb >= from) {
                    rename(IndicatorNames.clean(text.substring(from, verb)));
                    if (indicator != null) {
                        add(indicator, text.substring(verb, end), null, scopeIn(verb, average), itemStart, end);
                    }
                }
            } else {
                int front = Texts.indexOf(text, '前', enter, clause.end());
                end = enter + 2;
                if (front > enter && front - enter <= 6 && front + 1 < clause.end()) {
                    Quantity n = QuantityParser.parseAt(text, front + 1, clause.end());
                    if (n != null) {
                        end = n.end();
                        rename(IndicatorNames.clean(text.substring(from, enter)));
                        if (indicator != null) {
                            add(indicator, "进入前N", n, scopeIn(enter + 2, front), itemStart, end);
                        }
                    }
                }
            }
            from = end;
            itemStart = skipSeparators(end);
        }
    }

    private void rename(String name) {
        if (!name.isEmpty()) {
            indicator = name;
        }
    }

    private int indexWithin(String word, int from, int to) {
        return Texts.indexOf(text, word, from, to);
    }

    private static int firstOf(int... positions) {
        int best = -1;
        for (int p : positions) {
            if (p >= 0 && (best < 0 || p < best)) {
                best = p;
            }
        }
        return best;
    }

    private String scopeIn(int from, int to) {
        for (String scope : SCOPES) {
            int at = Texts.indexOf(text, scope, from, to);
            if (at >= 0) {
                return scope.substring(0, scope.length());
            }
        }
        return null;
    }

    /** What a scale is built for: "将电子信息产业打造成千亿级…" → 电子信息产业; "打造两千亿级新材料产业集群" → 新材料产业集群. */
    private String objectOfBuild(Span clause, Quantity q) {
        int reach = Math.max(clause.start(), q.start() - 30);
        int jiang = Math.max(Texts.lastIndexOf(text, '将', reach, q.start()), Texts.lastIndexOf(text, '把', reach, q.start()));
        if (jiang >= clause.start()) {
            for (String verb : BUILD_VERBS) {
                int at = Texts.indexOf(text, verb, jiang, q.start());
                if (at > jiang + 1 && at < q.start()) {
                    String name = IndicatorNames.clean(text.substring(jiang + 1, at));
                    if (!name.isEmpty()) {
                        return name;
                    }
                }
            }
        }
        return IndicatorNames.nounAfter(text, q.end(), clause.end());
    }

    private static String lastComparator(String left) {
        String best = null;
        int bestAt = -1;
        for (String c : COMPARATORS) {
            int at = left.lastIndexOf(c);
            if (at > bestAt || (at == bestAt && at >= 0 && c.length() > best.length())) {
                best = c;
                bestAt = at;
            }
        }
        return best;
    }

    private String stripDuration(String left) {
        List<Quantity> qs = QuantityParser.findAll(left, 0, left.length());
        for (Quantity q : qs) {
            if (q.isDuration()) {
                horizon = q.value() == null ? null : (q.max() != null ? q.max() : q.value()).intValue();
                return left.substring(0, q.start());
            }
        }
        return left;
    }

    /** A target starts with its lead-in clause ("力争到2026年，") when that clause holds nothing else. */
    private int startWithLeadIn(Span clause, Span previous) {
        if (previous != null && out.isEmpty() && previous.length() <= 12 && QuantityParser.findAll(text, previous.start(), previous.end()).isEmpty()
                && text.substring(previous.start(), previous.end()).matches("(力争|确保|争取)?(到|至)?\\d{4}年(底|末)?")) {
            return previous.start();
        }
        return clause.start();
    }

    private int skipSeparators(int i) {
        while (i < text.length() && (text.charAt(i) == '、' || text.charAt(i) == '，' || text.charAt(i) == '；')) {
            i++;
        }
        return i;
    }

    private void add(String name, String comparatorWord, Quantity q, String scope, int start, int end) {
        end = Math.min(Math.max(end, start + 1), text.length());
        out.add(new SpeechTarget(name, comparatorWord, q == null ? null : q.value(), q == null ? null : q.max(),
                q != null && q.approximate(), q == null ? null : q.unit(), deadline,
                comparatorWord.startsWith("翻") || q != null ? horizon : null, scope, speech.slice(start, end),
                speech.originalStart(start), speech.originalEnd(end)));
    }
}
