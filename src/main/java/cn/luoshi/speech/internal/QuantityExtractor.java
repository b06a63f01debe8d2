package cn.luoshi.speech.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.luoshi.speech.SpeechFigure;
import cn.luoshi.speech.SpeechTarget;

/**
 * Finds targets and cited figures, sentence by sentence. A sentence sets targets from its target word on (力争,
 * 确保, 到2026年, 预期目标 …) or when it stands under a heading such as "2026年主要预期目标"; before that word, or
 * in sentences that narrate rather than deploy, numbers are figures. Sections reviewing the past only cite
 * figures. A time stated once ("2025年，…") holds for the rest of the paragraph until the next list item.
 */
final class QuantityExtractor {

    static final int MAX_ITEMS = 20_000;
    private static final List<String> TARGET_WORDS = List.of("力争", "确保", "争取", "预期目标", "主要目标", "目标是", "目标为",
            "奋斗目标", "目标任务是");

    record Result(List<SpeechTarget> targets, List<SpeechFigure> figures) {
        static final Result EMPTY = new Result(List.of(), List.of());
    }

    private QuantityExtractor() {
    }

    static Result extract(SpeechText speech, Section outline, Budget budget) {
        String text = speech.text();
        List<SpeechTarget> targets = new ArrayList<>();
        List<SpeechFigure> figures = new ArrayList<>();
        Integer carriedDeadline = null;
        boolean targetList = false;
        for (Span paragraph : speech.paragraphs()) {
            Periods.Period period = null;
            boolean paragraphHasQuantity = false;
            for (Span sentence : Sentences.sentences(text, paragraph)) {
                if (budget.exhausted() || targets.size() + figures.size() >= MAX_ITEMS) {
                    return new Result(dedupe(targets), figures);
                }
                Section section = outline.innermostAt(sentence.start());
                if (startsItem(section, sentence)) {
                    period = null;
                }
                String s = text.substring(sentence.start(), sentence.end());
                List<Periods.Period> periods = Periods.findAll(text, sentence.start(), sentence.end());
                List<Span> clauses = Clauses.split(text, sentence);
                boolean review = TaskClassifier.isReview(section);
                int targetAt = review ? -1 : targetWordAt(text, sentence);
                Integer headingDeadline = review ? null : targetHeadingYear(section);
                if (headingDeadline != null || (targetList && targetAt < 0 && !review)) {
                    targetAt = sentence.start();
                }
                Integer fallback = headingDeadline != null ? headingDeadline : carriedDeadline != null ? carriedDeadline
                        : review ? null : headingYear(section);
                Integer deadline = deadline(periods, targetAt, fallback);
                boolean deploying = !review && DirectiveLanguage.isDeployment(s);
                List<Span> before = new ArrayList<>();
                List<Span> after = new ArrayList<>();
                for (Span clause : clauses) {
                    (targetAt >= 0 && clause.end() > targetAt ? after : before).add(clause);
                }
                if (!deploying || targetAt >= 0) {
                    FigureReader.read(speech, targetAt >= 0 ? before : clauses, periods, period, figures);
                } else {
                    TargetReader.read(speech, clauses, deadline, true, targets);
                }
                if (!after.isEmpty()) {
                    TargetReader.read(speech, after, deadline, false, targets);
                }
                for (Periods.Period p : periods) {
                    if (!p.deadline()) {
                        period = p;
                    }
                }
                paragraphHasQuantity |= !QuantityParser.findAll(text, sentence.start(), sentence.end()).isEmpty();
                if (s.endsWith("：") && s.contains("目标") && !review) {
                    targetList = true;
                    carriedDeadline = deadline;
                    paragraphHasQuantity = true;
                }
            }
            if (targetList && !paragraphHasQuantity) {
                targetList = false;
                carriedDeadline = null;
            }
        }
        return new Result(dedupe(targets), figures);
    }

    private static boolean startsItem(Section section, Span sentence) {
        return !section.isRoot() && sentence.contains(section.start());
    }

    private static int targetWordAt(String text, Span sentence) {
        int best = -1;
        for (String word : TARGET_WORDS) {
            int at = Texts.indexOf(text, word, sentence.start(), sentence.end());
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        for (int i = sentence.start(); i < sentence.end() && (best < 0 || i < best); i++) {
            char c = text.charAt(i);
            if (c == '到' || c == '至') {
                Periods.Period year = Periods.yearAt(text, i + 1, sentence.end());
                if (year != null && year.deadline()) { // "截至2025年底" dates a fact
                    return i;
                }
            }
        }
        return best;
    }

    /** "（一）2026年主要预期目标": everything under such a heading is a target due that year. */
    private static Integer targetHeadingYear(Section section) {
        for (Section s = section; !s.isRoot(); s = s.parent) {
            String heading = s.heading;
            if (heading.contains("目标") && (heading.contains("预期") || heading.contains("主要目标") || heading.contains("指标"))) {
                List<Periods.Period> years = Periods.findAll(heading, 0, heading.length());
                for (Periods.Period p : years) {
                    if (p.year() != null) {
                        return p.year();
                    }
                }
                return null;
            }
        }
        return null;
    }

    /** The year stated before the targets ("2026年主要预期目标是："); deadlines inside are read clause by clause. */
    private static Integer deadline(List<Periods.Period> periods, int targetAt, Integer fallback) {
        for (Periods.Period p : periods) {
            if (p.year() != null && !p.deadline() && (targetAt < 0 || p.start() < targetAt)) {
                return p.year();
            }
        }
        return fallback;
    }

    /** "二、2026年工作安排": the year a deploying section is about. */
    private static Integer headingYear(Section section) {
        for (Section s = section; !s.isRoot(); s = s.parent) {
            for (Periods.Period p : Periods.findAll(s.heading, 0, s.heading.length())) {
                if (p.year() != null) {
                    return p.year();
                }
            }
        }
        return null;
    }

    /** The same target stated twice is kept once, at its first mention; a deadline stated later is kept. */
    private static List<SpeechTarget> dedupe(List<SpeechTarget> targets) {
        Map<List<Object>, SpeechTarget> unique = new LinkedHashMap<>();
        for (SpeechTarget t : targets) {
            List<Object> key = java.util.Arrays.asList(t.indicator(), t.comparator(), t.value(), t.valueMax(), t.unit(),
                    t.horizonYears());
            SpeechTarget first = unique.get(key);
            if (first == null) {
                unique.put(key, t);
            } else if (first.deadline() == null && t.deadline() != null) {
                unique.put(key, new SpeechTarget(first.indicator(), first.comparator(), first.value(), first.valueMax(),
                        first.approximate(), first.unit(), t.deadline(), first.horizonYears(), first.scope(),
                        first.text(), first.start(), first.end()));
            } else if (Objects.equals(first.deadline(), t.deadline()) || t.deadline() == null) {
                continue;
            } else {
                unique.put(new ArrayList<>(List.of(key, t.deadline())), t);
            }
        }
        return new ArrayList<>(unique.values());
    }
}
