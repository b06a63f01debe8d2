package cn.luoshi.speech.internal;

import java.util.ArrayList;
import java.util.List;

import cn.luoshi.speech.SpeechFigure;
import cn.luoshi.speech.SpeechFigure.Comparison;
import cn.luoshi.speech.SpeechFigure.Rank;

/**
 * Reads the figures a sentence cites. A clause with a number and the words before it gives a figure; the
 * clauses after it that only rank ("居全省第五") or compare ("比XX少230亿元") complete that figure.
 */
final class FigureReader {

    private static final List<String> MILESTONES = List.of("大关", "台阶", "关口");

    private final SpeechText speech;
    private final String text;
    private final List<SpeechFigure> out;
    /** How far after a number its rank or comparison may stand. */
    private static final int NEAR = 40;

    private Draft current;
    private int nounEnd = -1;
    private String pendingIndicator;

    private FigureReader(SpeechText speech, List<SpeechFigure> out) {
        this.speech = speech;
        this.text = speech.text();
        this.out = out;
    }

    /** Figures in the clauses of one sentence; {@code period} is the time in force before the sentence. */
    static void read(SpeechText speech, List<Span> clauses, List<Periods.Period> periods, Periods.Period period,
            List<SpeechFigure> out) {
        new FigureReader(speech, out).readClauses(clauses, periods, period);
    }

    private void readClauses(List<Span> clauses, List<Periods.Period> periods, Periods.Period inherited) {
        Span previousClause = null;
        for (Span clause : clauses) {
            if (!attachToCurrent(clause)) {
                readValues(clause, previousClause, periods, inherited);
            }
            previousClause = clause;
        }
        emit();
    }

    /** A clause that only ranks or compares belongs to the figure before it. */
    private boolean attachToCurrent(Span clause) {
        if (current == null) {
            return false;
        }
        int near = Math.min(clause.end(), clause.start() + NEAR);
        ComparisonReader.Found comparison = ComparisonReader.find(text, clause.start(), clause.start() + 2, near);
        if (comparison != null && current.comparison == null) {
            current.comparison = comparison.comparison();
            current.end = comparison.end();
            RankReader.Found rank = RankReader.find(text, comparison.end(), Math.min(clause.end(), comparison.end() + NEAR));
            if (rank != null && current.rank == null) {
                current.rank = rank.rank();
                current.end = rank.end();
            }
            return true;
        }
        RankReader.Found rank = RankReader.find(text, clause.start(), near);
        if (rank != null && current.rank == null && isShortLead(clause.start(), rank.start())
                && QuantityParser.findAll(text, clause.start(), rank.start()).isEmpty()) {
            current.rank = rank.rank();
            current.end = rank.end();
            return true;
        }
        return false;
    }

    private void readValues(Span clause, Span previousClause, List<Periods.Period> periods, Periods.Period inherited) {
        List<Quantity> quantities = QuantityParser.findAll(text, clause.start(), clause.end());
        int from = clause.start();
        boolean any = false;
        for (Quantity q : quantities) {
            if (q.start() < from || Periods.yearAt(text, q.start(), clause.end()) != null) {
                continue;
            }
            String raw = text.substring(Math.max(from, q.start() - NEAR), q.start());
            if (isAttributive(q, clause) || IndicatorNames.trimPunctuation(raw).endsWith("的")) {
                String name = IndicatorNames.clean(raw);
                pendingIndicator = name.isEmpty() ? pendingIndicator : name;
                from = q.end();
                continue;
            }
            nounEnd = -1;
            String indicator = indicatorFor(raw, q, clause);
            if (indicator.isEmpty()) {
                from = q.end();
                continue;
            }
            Periods.Period period = periodBefore(periods, q.start(), inherited);
            emit();
            int start = from == clause.start() ? clause.start() : skipSeparators(from);
            if (!any && previousClause != null && isOnlyPeriod(previousClause) && out.isEmpty()) {
                start = previousClause.start();
            }
            current = new Draft(indicator, q, period, start, Math.max(q.end(), nounEnd));
            pendingIndicator = indicator;
            any = true;
            int near = Math.min(clause.end(), q.end() + NEAR);
            ComparisonReader.Found comparison = ComparisonReader.find(text, q.end(), near);
            if (comparison != null) {
                current.comparison = comparison.comparison();
                current.end = comparison.end();
            }
            RankReader.Found rank = RankReader.find(text, q.end(), near);
            if (rank != null) {
                current.rank = rank.rank();
                current.end = Math.max(current.end, rank.end());
            }
            from = Math.max(q.end(), current.end);
        }
        if (!any && quantities.stream().allMatch(q -> isAttributive(q, clause))) {
            rankOnly(clause, periodBefore(periods, clause.end(), inherited));
        }
    }

    /**
     * The indicator of a number: the words before it ("规模工业企业1449家"), or for a count after a verb the
     * thing counted ("组织实施12个节能减排项目"), or the indicator of the clause before ("…首次突破千亿大关，达1013亿元").
     */
    private String indicatorFor(String raw, Quantity q, Span clause) {
        String left = raw.endsWith("等") ? "" : IndicatorNames.clean(raw);
        boolean nounFollows = q.end() < clause.end() && Chars.isCjk(text.charAt(q.end()));
        if (isCount(q) && nounFollows) {
            String bare = IndicatorNames.trimPunctuation(raw);
            boolean afterVerb = left.isEmpty() || IndicatorNames.COUNT_VERBS.contains(left)
                    || IndicatorNames.COUNT_VERBS.stream().anyMatch(bare::endsWith) || raw.endsWith("等");
            String noun = afterVerb ? IndicatorNames.nounAfter(text, q.end(), clause.end()) : "";
            nounEnd = noun.isEmpty() ? -1 : Texts.indexOf(text, noun, q.end(), clause.end()) + noun.length();
            return noun;
        }
        if (!left.isEmpty()) {
            return left;
        }
        if (startsWithLinkingVerb(raw) && pendingIndicator != null) {
            return pendingIndicator;
        }
        return "";
    }

    /** "XX高新区综合实力居全国国家级高新区第40位": a rank without an amount. */
    private void rankOnly(Span clause, Periods.Period period) {
        if (clause.length() > NEAR * 2) {
            return; // a rank names its indicator within a short clause
        }
        RankReader.Found rank = RankReader.find(text, clause.start(), clause.end());
        if (rank == null || rank.start() <= clause.start()) {
            return;
        }
        String indicator = IndicatorNames.clean(text.substring(clause.start(), rank.start()));
        if (indicator.isEmpty()) {
            return;
        }
        emit();
        current = new Draft(indicator, null, period, clause.start(), rank.end());
        current.rank = rank.rank();
    }

    /** "居全省第五" or "数量均居全省第X位": nothing but a word or two before the rank. */
    private boolean isShortLead(int from, int rankStart) {
        String lead = text.substring(from, rankStart);
        return lead.length() <= 1 || lead.endsWith("均") || lead.endsWith("都") || (lead.length() <= 3 && !lead.contains("的"));
    }

    private boolean isAttributive(Quantity q, Span clause) {
        if (q.level() || q.isDuration()) {
            return true;
        }
        if (q.end() < clause.end() && text.charAt(q.end()) == '的') {
            return true;
        }
        if (q.unit() != null && (q.unit().equals("亿") || q.unit().equals("万") || q.unit().equals("千亿") || q.unit().equals("百亿"))
                && q.end() < clause.end() && Chars.isCjk(text.charAt(q.end()))) {
            return true; // "千亿产业园区": a scale in front of a noun
        }
        for (String word : MILESTONES) {
            if (MarkerScanner.startsWith(text, q.end(), word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCount(Quantity q) {
        return q.unit() != null && q.unit().length() <= 2 && "个家所项座处条台套件名位批种人户".indexOf(q.unit().charAt(q.unit().length() - 1)) >= 0;
    }

    private static boolean startsWithLinkingVerb(String raw) {
        String s = IndicatorNames.trimPunctuation(raw);
        return s.isEmpty() || s.startsWith("达") || s.startsWith("为") || s.startsWith("突破") || s.startsWith("超过")
                || s.startsWith("累计") || s.startsWith("共") || s.startsWith("增至") || s.startsWith("约");
    }

    private boolean isOnlyPeriod(Span clause) {
        String s = text.substring(clause.start(), clause.end());
        return Periods.yearAt(s, 0, s.length()) != null && Periods.yearAt(s, 0, s.length()).end() >= s.length() - 1;
    }

    private int skipSeparators(int i) {
        while (i < text.length() && (text.charAt(i) == '、' || text.charAt(i) == '，')) {
            i++;
        }
        return i;
    }

    private static Periods.Period periodBefore(List<Periods.Period> periods, int position, Periods.Period inherited) {
        Periods.Period found = inherited;
        for (Periods.Period p : periods) {
            if (p.start() < position && !p.deadline()) {
                found = p;
            }
        }
        return found;
    }

    private void emit() {
        if (current != null) {
            out.add(current.toFigure(speech));
            current = null;
        }
    }

    private static final class Draft {
        final String indicator;
        final Quantity quantity;
        final Periods.Period period;
        final int start;
        int end;
        Rank rank;
        Comparison comparison;

        Draft(String indicator, Quantity quantity, Periods.Period period, int start, int end) {
            this.indicator = indicator;
            this.quantity = quantity;
            this.period = period;
            this.start = start;
            this.end = end;
        }

        SpeechFigure toFigure(SpeechText speech) {
            Quantity q = quantity;
            return new SpeechFigure(indicator, q == null ? null : q.value(), q == null ? null : q.max(),
                    q != null && q.approximate(), q == null ? null : q.unit(), period == null ? null : period.label(),
                    period == null ? null : period.year(), rank, comparison, speech.slice(start, end),
                    speech.originalStart(start), speech.originalEnd(end));
        }
    }
}
